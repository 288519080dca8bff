import { Hono, type Context } from 'hono';
import type Stripe from 'stripe';
import { StripeStandinError, notFound } from './errors.js';
import { FormSyntaxError, parseStripeForm, type FormObject } from './form.js';
import { nowSeconds, stripeId } from './ids.js';
import { idempotency } from './idempotency.js';
import { expand, paginate } from './expand.js';
import { allowOnly, expandList, range, requiredStr, str } from './params.js';
import type { Engine, RequestContext } from './engine/context.js';
import { createCheckoutSession } from './engine/checkout.js';
import { createRefund } from './engine/refunds-disputes.js';
import { deleteCustomer, deletedStub } from './engine/customers.js';
import { cancelSubscription, requireSubscription, updateSubscription } from './engine/subscriptions.js';
import { newPortalSession } from './objects/ledger.js';
import { API_VERSION } from './webhooks.js';

type Env = { Variables: { params: FormObject; request: RequestContext } };

/** The `/v1` API the official `stripe` client talks to: Bearer auth, form bodies, Stripe's errors. */
export function createStripeApi(engine: Engine, secretKey: string): Hono<Env> {
  const { state } = engine;
  const app = new Hono<Env>();

  app.onError((error, c) => {
    const failure =
      error instanceof StripeStandinError
        ? error
        : error instanceof FormSyntaxError
          ? new StripeStandinError(400, 'invalid_request_error', error.message, { param: error.param })
          : new StripeStandinError(500, 'api_error', `The stand-in failed: ${error.message}`);
    return c.json(failure.toBody(), failure.status);
  });
  app.notFound((c) =>
    c.json(
      new StripeStandinError(404, 'invalid_request_error', `Unrecognized request URL (${c.req.method}: ${c.req.path}). The local stand-in emulates only what Blue Heart uses.`).toBody(),
      404,
    ),
  );

  app.use('*', async (c, next) => {
    const requestId = stripeId('req', 14);
    c.header('request-id', requestId);
    c.header('stripe-version', API_VERSION);
    const auth = c.req.header('authorization') ?? '';
    const key = auth.startsWith('Bearer ') ? auth.slice(7) : auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString().split(':')[0] : '';
    if (key !== secretKey) {
      const message = key
        ? `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`
        : 'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. \'Authorization: Bearer YOUR_SECRET_KEY\').';
      return c.json(new StripeStandinError(401, 'invalid_request_error', message).toBody(), 401);
    }
    c.set('request', { requestId, idempotencyKey: c.req.header('idempotency-key') ?? null });
    return next();
  });
  app.use('*', idempotency());
  // Whatever a request reads (a list, an object, an expanded `balance_transaction`) is as of now.
  app.use('*', async (_c, next) => {
    refreshAvailability(state.balanceTransactions.values());
    return next();
  });
  app.use('*', async (c, next) => {
    c.set('params', c.req.method === 'POST' ? parseStripeForm(await c.req.text()) : parseStripeForm(new URL(c.req.url).searchParams));
    return next();
  });

  /** Answers with the object, expanded as asked. */
  const reply = <T>(c: Context<Env>, object: T) => c.json(expand(object, expandList(c.get('params')), state) as object);
  const retrieve = <T>(c: Context<Env>, table: Map<string, T>, kind: string) => {
    allowOnly(c.get('params'), ['expand']);
    const object = table.get(c.req.param('id')!);
    if (!object) throw notFound(kind, c.req.param('id')!);
    return reply(c, object);
  };
  /** A list page, newest first by `created` as Stripe lists (ties: the later-made first). */
  const listed = <T extends { id: string; created: number }>(c: Context<Env>, items: T[], url: string) => {
    const params = c.get('params');
    const oldestFirst = [...items].sort((a, b) => a.created - b.created); // stable: ties keep the order they were made in
    const page = paginate(oldestFirst, params, url);
    return c.json(expand(page, expandList(params).map((path) => (path.startsWith('data.') ? path : `data.${path}`)), state));
  };

  app.post('/v1/checkout/sessions', (c) => reply(c, createCheckoutSession(engine, c.get('params'))));
  app.get('/v1/checkout/sessions/:id', (c) => retrieve(c, state.sessions, 'checkout.session'));
  app.get('/v1/payment_intents/:id', (c) => retrieve(c, state.paymentIntents, 'payment_intent'));
  app.get('/v1/charges/:id', (c) => retrieve(c, state.charges, 'charge'));
  app.get('/v1/customers/:id', (c) => (state.deletedCustomers.has(c.req.param('id')) ? c.json(deletedStub(c.req.param('id'))) : retrieve(c, state.customers, 'customer')));
  app.delete('/v1/customers/:id', (c) => c.json(deleteCustomer(engine, c.req.param('id'), c.get('request'))));
  app.get('/v1/refunds/:id', (c) => retrieve(c, state.refunds, 'refund'));
  app.get('/v1/disputes/:id', (c) => retrieve(c, state.disputes, 'dispute'));
  app.get('/v1/invoices/:id', (c) => retrieve(c, state.invoices, 'invoice'));
  app.get('/v1/subscriptions/:id', (c) => retrieve(c, state.subscriptions, 'subscription'));
  app.get('/v1/payouts/:id', (c) => retrieve(c, state.payouts, 'payout'));
  app.get('/v1/events/:id', (c) => retrieve(c, new Map(engine.outbox.log.map((event) => [event.id, event])), 'event'));
  app.get('/v1/balance_transactions/:id', (c) => retrieve(c, state.balanceTransactions, 'balance_transaction'));

  app.get('/v1/balance_transactions', (c) => {
    const params = c.get('params');
    allowOnly(params, ['payout', 'type', 'currency', 'source', 'created', 'limit', 'starting_after', 'ending_before', 'expand']);
    const payout = str(params, 'payout');
    if (payout && !state.payouts.has(payout)) throw notFound('payout', payout, 'payout');
    const type = str(params, 'type');
    const currency = str(params, 'currency');
    const source = str(params, 'source');
    const created = range(params, 'created');
    const items = [...state.balanceTransactions.values()].filter(
      (txn) =>
        (!payout || state.paidOutBy.get(txn.id) === payout) &&
        (!type || txn.type === type) &&
        (!currency || txn.currency === currency) &&
        (!source || txn.source === source) &&
        (!created || created(txn.created)),
    );
    return listed(c, items, '/v1/balance_transactions');
  });
  app.get('/v1/payouts', (c) => {
    const params = c.get('params');
    allowOnly(params, ['limit', 'starting_after', 'ending_before', 'expand', 'status', 'arrival_date', 'created', 'destination']);
    const status = str(params, 'status');
    const destination = str(params, 'destination');
    const arrival = range(params, 'arrival_date');
    const created = range(params, 'created');
    const items = [...state.payouts.values()].filter(
      (payout) =>
        (!status || payout.status === status) &&
        (!destination || payout.destination === destination) &&
        (!arrival || arrival(payout.arrival_date)) &&
        (!created || created(payout.created)),
    );
    return listed(c, items, '/v1/payouts');
  });
  app.get('/v1/events', (c) => {
    allowOnly(c.get('params'), ['limit', 'starting_after', 'ending_before', 'type']);
    const type = str(c.get('params'), 'type');
    return listed(c, engine.outbox.log.filter((event) => !type || event.type === type), '/v1/events');
  });

  app.post('/v1/refunds', (c) => reply(c, createRefund(engine, c.get('params'), c.get('request'))));
  app.post('/v1/subscriptions/:id', (c) => reply(c, updateSubscription(engine, c.req.param('id'), c.get('params'), c.get('request'))));
  app.delete('/v1/subscriptions/:id', (c) => {
    requireSubscription(engine, c.req.param('id'));
    return reply(c, cancelSubscription(engine, c.req.param('id'), c.get('request')));
  });
  app.post('/v1/billing_portal/sessions', (c) => {
    const params = c.get('params');
    allowOnly(params, ['customer', 'return_url', 'locale', 'expand']);
    const customer = requiredStr(params, 'customer');
    if (!state.customers.has(customer)) throw notFound('customer', customer, 'customer');
    const session: Stripe.BillingPortal.Session = newPortalSession({ customer, returnUrl: str(params, 'return_url') ?? null, pageBaseUrl: `${engine.publicBaseUrl}billing/` });
    state.portalSessions.set(session.id, session);
    return reply(c, session);
  });
  return app;
}

/** Charges settle after `available_on`: a pending balance transaction becomes available. */
function refreshAvailability(txns: Iterable<Stripe.BalanceTransaction>) {
  const now = nowSeconds();
  for (const txn of txns) if (txn.status === 'pending' && txn.available_on <= now) txn.status = 'available';
}
