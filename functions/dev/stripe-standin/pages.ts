import { Hono } from 'hono';
import type Stripe from 'stripe';
import type { Engine } from './engine/context.js';
import { payCheckout, type PayForm } from './engine/pay-checkout.js';
import { cancelSubscription } from './engine/subscriptions.js';
import { StripeStandinError } from './errors.js';
import { escapeHtml, page } from './html.js';
import { formatAmount } from './money.js';

/** The hosted pages: Checkout (`/checkout/:id`) and the customer portal (`/billing/:id`). */
export function createPages(engine: Engine): Hono {
  const { state } = engine;
  const app = new Hono();

  app.get('/checkout/:id', (c) => {
    const session = state.sessions.get(c.req.param('id'));
    if (!session) return c.html(page({ title: 'Not found', lang: 'en', body: '<h1>This checkout page does not exist.</h1>' }), 404);
    return c.html(checkoutPage(engine, session));
  });

  app.post('/checkout/:id/pay', async (c) => {
    const session = state.sessions.get(c.req.param('id'));
    if (!session) return c.html(page({ title: 'Not found', lang: 'en', body: '<h1>This checkout page does not exist.</h1>' }), 404);
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
    const form: PayForm = { number: field('cardNumber'), expiry: field('cardExpiry'), cvc: field('cardCvc'), name: field('billingName'), email: field('email') };
    const result = payCheckout(engine, session.id, form);
    if (result.ok) return c.redirect(result.redirect, 303);
    return c.html(checkoutPage(engine, session, { ...result, form }), 402);
  });

  app.get('/billing/:id', (c) => {
    const portal = state.portalSessions.get(c.req.param('id'));
    if (!portal) return c.html(page({ title: 'Not found', lang: 'en', body: '<h1>This page does not exist.</h1>' }), 404);
    return c.html(portalPage(engine, portal, c.req.query('canceled')));
  });

  app.post('/billing/:id/cancel', async (c) => {
    const portal = state.portalSessions.get(c.req.param('id'));
    if (!portal) return c.html(page({ title: 'Not found', lang: 'en', body: '<h1>This page does not exist.</h1>' }), 404);
    const body = await c.req.parseBody();
    const subscription = state.subscriptions.get(String(body.subscription ?? ''));
    if (!subscription || subscription.customer !== portal.customer) {
      throw new StripeStandinError(404, 'invalid_request_error', 'No such subscription for this customer.');
    }
    if (subscription.status !== 'canceled') cancelSubscription(engine, subscription.id, {});
    return c.redirect(`/billing/${portal.id}?canceled=${subscription.id}`, 303);
  });
  return app;
}

interface Failure {
  field: string;
  message: string;
  form: PayForm;
}

function checkoutPage(engine: Engine, session: Stripe.Checkout.Session, failure?: Failure): string {
  const request = engine.state.sessionRequests.get(session.id)!;
  const lang = session.locale && session.locale !== 'auto' ? session.locale : 'en';
  const amount = formatAmount(session.amount_total ?? 0, session.currency ?? 'usd', lang);
  const per = request.interval ? ` per ${request.interval}` : '';
  const heading = `<h1>${escapeHtml(request.productName)}</h1><p class="amount">${escapeHtml(amount)}${per}</p>`;
  if (session.status !== 'open') {
    return page({ title: request.productName, lang, body: `${heading}<p role="status">This checkout is ${escapeHtml(session.status ?? 'closed')}.</p>` });
  }
  const invalid = (name: string) => (failure?.field === name ? ' aria-invalid="true" aria-describedby="payment-error"' : '');
  const value = (name: keyof PayForm) => (failure && name !== 'number' && name !== 'cvc' ? ` value="${escapeHtml(failure.form[name])}"` : '');
  const emailField = session.customer_email
    ? `<p>Email: ${escapeHtml(session.customer_email)}</p>`
    : `<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="email" required${value('email')}${invalid('email')}>`;
  const body = `${heading}
<form method="post" action="/checkout/${escapeHtml(session.id)}/pay" novalidate>
  ${failure ? `<p id="payment-error" class="error" role="alert">${escapeHtml(failure.message)}</p>` : ''}
  ${emailField}
  <label for="cardNumber">Card number</label>
  <input id="cardNumber" name="cardNumber" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required${invalid('number')}>
  <label for="cardExpiry">Expiry date (MM / YY)</label>
  <input id="cardExpiry" name="cardExpiry" autocomplete="cc-exp" placeholder="MM / YY" required${value('expiry')}${invalid('expiry')}>
  <label for="cardCvc">Security code (CVC)</label>
  <input id="cardCvc" name="cardCvc" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC" required${invalid('cvc')}>
  <label for="billingName">Name on card</label>
  <input id="billingName" name="billingName" autocomplete="cc-name"${value('name')}>
  <button type="submit">${request.interval ? 'Subscribe' : 'Pay'} ${escapeHtml(amount)}</button>
</form>
${session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Back</a></p>` : ''}
<details><summary>Test cards</summary><ul>
  <li>4242 4242 4242 4242 — succeeds</li>
  <li>4000 0000 0000 0002 — declined</li>
  <li>4000 0000 0000 9995 — insufficient funds</li>
</ul><p>Any future expiry date, any 3-digit CVC.</p></details>`;
  return page({ title: `${request.productName} — ${amount}`, lang, body });
}

function portalPage(engine: Engine, portal: Stripe.BillingPortal.Session, canceled?: string): string {
  const subscriptions = [...engine.state.subscriptions.values()].filter((sub) => sub.customer === portal.customer);
  const rows = subscriptions
    .map((sub) => {
      const item = sub.items.data[0]!;
      const amount = formatAmount(item.price.unit_amount ?? 0, sub.currency);
      const state =
        sub.status === 'canceled'
          ? 'Canceled'
          : `Renews on ${new Date(item.current_period_end * 1000).toISOString().slice(0, 10)}`;
      const action =
        sub.status === 'canceled'
          ? ''
          : `<form method="post" action="/billing/${escapeHtml(portal.id)}/cancel"><input type="hidden" name="subscription" value="${escapeHtml(sub.id)}"><button type="submit">Cancel monthly gift of ${escapeHtml(amount)}</button></form>`;
      return `<li><p><strong>${escapeHtml(amount)} per ${escapeHtml(item.price.recurring?.interval ?? 'month')}</strong> — ${escapeHtml(state)}</p>${action}</li>`;
    })
    .join('\n');
  const body = `<h1>Your monthly gifts</h1>
${canceled ? '<p role="status">Your monthly gift is canceled. Thank you for your support.</p>' : ''}
${subscriptions.length ? `<ul>${rows}</ul>` : '<p>You have no monthly gifts.</p>'}
${portal.return_url ? `<p><a href="${escapeHtml(portal.return_url)}">Return to Blue Heart</a></p>` : ''}`;
  return page({ title: 'Your monthly gifts', lang: 'en', body });
}
