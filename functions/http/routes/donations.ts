import { OpenAPIHono } from '@hono/zod-openapi';
import { campaignProgress } from '../../domain/donations/campaign-progress.js';
import { isCurrency, parseMajorAmount } from '../../domain/donations/currencies.js';
import { recordPaymentEvent } from '../../domain/donations/record-payment-event.js';
import { startCheckout } from '../../domain/donations/start-checkout.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv } from '../app-env.js';
import { documentRoute } from '../openapi.js';
import { readJsonOrForm } from '../read-body.js';
import { validate } from '../validate.js';
import { AnnualReceiptSchema, CheckoutResponseSchema, CheckoutSchema, ManageQuerySchema, ProgressQuerySchema, ProgressSchema, annualReceiptFormToInput, checkoutFormToInput } from './donations.schemas.js';
import { requestAnnualReceipt } from '../../domain/donations/annual-receipt.js';
import { reconcileOnePayout } from '../../domain/finance/reconcile-payouts.js';

/** Giving: the hosted payment page, and the campaign's progress. */
export function donationRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const donations = deps.donations;

  documentRoute(app, {
    method: 'post', path: '/checkout', tag: 'Donations', body: CheckoutSchema, form: true,
    summary: 'Start a gift: answers the URL of a Stripe Checkout page (one-off or monthly). Amounts are integers in minor units.',
    responses: { 200: { description: 'Where to pay', schema: CheckoutResponseSchema }, 303: { description: 'For form posts: on to the payment page' } },
  });
  app.post('/checkout', async (c) => {
    const { body, form } = await readJsonOrForm(c);
    const parse = (text: string, currency: string) => (isCurrency(currency) ? parseMajorAmount(text, currency) : undefined);
    const { idempotencyKey, ...intent } = validate(CheckoutSchema, form ? checkoutFormToInput(form, parse) : body);
    const { url } = await startCheckout(donations, intent, idempotencyKey);
    return form ? c.redirect(url, 303) : c.json({ url });
  });

  documentRoute(app, {
    method: 'get', path: '/progress', tag: 'Donations', query: ProgressQuerySchema,
    summary: "A campaign's fundraising: raised (net, reporting currency), target, donors, days left, matching.",
    responses: { 200: { description: 'Progress', schema: ProgressSchema } },
  });
  app.get('/progress', async (c) => {
    const { campaign } = validate(ProgressQuerySchema, c.req.query());
    const progress = await campaignProgress(donations.ledger, await donations.fundraising(campaign), campaign, donations.clock.now());
    const maxAge = deps.statsMaxAgeSeconds;
    return c.json(progress, 200, { 'Cache-Control': maxAge > 0 ? `public, max-age=${maxAge}, s-maxage=${maxAge}` : 'no-cache' });
  });

  documentRoute(app, {
    method: 'post', path: '/annual-receipt', tag: 'Donations', body: AnnualReceiptSchema, form: true,
    summary: "One consolidated receipt for a calendar year, emailed to the address the gifts were made with. The answer never says whether the address gave.",
    responses: {
      202: { description: 'Sent if there is anything to send' },
      303: { description: 'For form posts: on to /{language}/donate/statement-requested/, the same page whether or not the address gave' },
    },
  });
  app.post('/annual-receipt', async (c) => {
    const { body, form } = await readJsonOrForm(c);
    const request = validate(AnnualReceiptSchema, form ? annualReceiptFormToInput(form) : body);
    await requestAnnualReceipt(donations, request);
    return form ? c.redirect(`/${request.language}/donate/statement-requested/`, 303) : c.json({ status: 'sent-if-found' as const }, 202);
  });

  documentRoute(app, {
    method: 'get', path: '/manage', tag: 'Donations', query: ManageQuerySchema,
    summary: "The link in a monthly donor's receipt: on to Stripe's page to change or cancel the gift.",
    responses: { 303: { description: "To Stripe's customer portal" }, 400: { description: 'Invalid link', html: true } },
  });
  app.get('/manage', async (c) => {
    c.set('respondWithHtml', true);
    const { token } = validate(ManageQuerySchema, c.req.query());
    const customerId = donations.tokens.verify('manage-giving', token, donations.clock.now());
    return c.redirect(await donations.gateway.portalUrl(customerId, `${donations.publicUrl}/${c.get('language') ?? 'en'}/donate/`), 303);
  });

  return app;
}

/**
 * Stripe's webhook: the signature is checked on the raw body, then the event is recorded
 * exactly once. A 5xx makes Stripe retry; a known duplicate is a 200.
 */
const PAYOUT_FINAL = 'payout.reconciliation_completed';

export function stripeWebhookRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  documentRoute(app, {
    method: 'post', path: '/webhook', tag: 'Donations',
    summary: 'Stripe events (signed): gifts, refunds and disputes into the ledger; payout.reconciliation_completed reconciles the payout. Unknown event types are acknowledged and ignored.',
    responses: { 200: { description: 'Recorded (or a known duplicate, or ignored)' }, 400: { description: 'Missing or bad signature' } },
  });
  app.post('/webhook', async (c) => {
    const event = await deps.donations.gateway.verifyEvent(await c.req.text(), c.req.header('stripe-signature'));
    if (event.type === PAYOUT_FINAL) {
      // Stripe says every transaction of the payout is final: reconcile it now. A redelivery runs it again, which only refreshes the findings.
      const { result } = await reconcileOnePayout(deps.finance, event.objectId, { trigger: 'stripe-event' });
      deps.logger.info('payout reconciled', { eventId: event.id, payoutId: event.objectId, status: result.status, discrepancies: result.discrepancies.length });
      return c.json({ received: true, reconciled: result.status });
    }
    const outcome = await recordPaymentEvent(deps.donations, event);
    deps.logger.info('payment event', { eventId: event.id, type: event.type, ...outcome });
    return c.json({ received: true, ...outcome });
  });
  return app;
}
