import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneOffSession, payOnPage, startWorld } from './support.js';

describe('a donor gives once through the local Stripe stand-in', () => {
  let world: Awaited<ReturnType<typeof startWorld>>;
  beforeAll(async () => {
    world = await startWorld({ feePercent: 2.9, feeFixed: { usd: 30 } });
  });
  afterAll(() => world.stop());

  it('creates the same session twice for the same Idempotency-Key', async () => {
    const first = await oneOffSession(world.stripe);
    const again1 = await world.stripe.checkout.sessions.create(
      { mode: 'payment', line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 2500, product_data: { name: 'Gift' } } }], success_url: 'http://localhost/x' },
      { idempotencyKey: 'donation-don_42' },
    );
    const again2 = await world.stripe.checkout.sessions.create(
      { mode: 'payment', line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 2500, product_data: { name: 'Gift' } } }], success_url: 'http://localhost/x' },
      { idempotencyKey: 'donation-don_42' },
    );
    expect(again2.id).toBe(again1.id);
    expect(again1.id).not.toBe(first.id);
    expect(again1.id).toMatch(/^cs_test_/);
    expect(again1.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(again2.lastResponse.headers['idempotent-replayed']).toBe('true');
  });

  it('pays with 4242 on the hosted page, redirects with the session id and sends verified webhooks', async () => {
    const session = await oneOffSession(world.stripe);
    expect(session).toMatchObject({ status: 'open', payment_status: 'unpaid', amount_total: 5000, currency: 'usd', payment_intent: null });
    const page = await (await fetch(session.url!)).text();
    expect(page).toContain('Test mode — local stand-in');
    expect(page).toContain('$50.00');
    expect(page).toMatch(/<label for="cardNumber">Card number<\/label>/);

    const paid = await payOnPage(session.url!, { number: '4242 4242 4242 4242' });
    expect(paid.status).toBe(303);
    expect(paid.location).toBe(`http://localhost:3000/donate/thanks?session=${session.id}`);

    await world.standin.idle();
    const types = world.receiver.received.map((event) => event.type);
    expect(types).toEqual(['charge.succeeded', 'payment_intent.succeeded', 'checkout.session.completed']);
    expect(world.receiver.rejected).toEqual([]);
    const [completed] = world.receiver.ofType('checkout.session.completed');
    expect(completed).toMatchObject({ api_version: '2026-10-28.endive', livemode: false, object: 'event', pending_webhooks: 1, request: { id: null } });
    expect(completed!.data.object).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid', metadata: { donationId: 'don_1' }, url: null });
  });

  it('retrieves the session expanded down to the balance transaction with the fee', async () => {
    const session = await oneOffSession(world.stripe);
    await payOnPage(session.url!, { number: '4242424242424242' });
    const expanded = await world.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge.balance_transaction'] });
    const intent = expanded.payment_intent as Stripe.PaymentIntent;
    const charge = intent.latest_charge as Stripe.Charge;
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 5000, metadata: { donationId: 'don_1' } });
    expect(charge).toMatchObject({ paid: true, status: 'succeeded', amount: 5000, payment_method_details: { card: { last4: '4242', brand: 'visa' } } });
    // 2.9 % of 50.00 is 1.45, plus 0.30
    expect(txn).toMatchObject({ amount: 5000, fee: 175, net: 4825, currency: 'usd', exchange_rate: null, type: 'charge', status: 'pending', source: charge.id });
    expect(txn.available_on - txn.created).toBe(2 * 86_400);
    expect(expanded.customer).toBeNull(); // one-off gifts make no Customer, as Checkout's `customer_creation: if_required`
  });

  it('declines 4000 0000 0000 0002 on the page, keeps the session open and sends payment_intent.payment_failed', async () => {
    const session = await oneOffSession(world.stripe);
    const declined = await payOnPage(session.url!, { number: '4000000000000002' });
    expect(declined.status).toBe(402);
    expect(declined.html).toContain('role="alert"');
    expect(declined.html).toContain('Your card was declined.');
    expect(declined.html).toMatch(/id="cardNumber"[^>]*aria-invalid="true"/);
    const insufficient = await payOnPage(session.url!, { number: '4000000000009995' });
    expect(insufficient.html).toContain('Your card has insufficient funds.');

    await world.standin.idle();
    const again = await world.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] });
    expect(again.status).toBe('open');
    const intent = again.payment_intent as Stripe.PaymentIntent;
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.last_payment_error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'insufficient_funds' });
    const failed = world.receiver.ofType('payment_intent.payment_failed').filter((event) => event.data.object.id === intent.id);
    expect(failed.map((event) => event.data.object.last_payment_error?.decline_code)).toEqual(['generic_decline', 'insufficient_funds']);

    const paid = await payOnPage(session.url!, { number: '4242424242424242' });
    expect(paid.status).toBe(303);
  });

  it('refunds part of a gift: a refund, a negative balance transaction and charge.refunded', async () => {
    const session = await oneOffSession(world.stripe);
    await payOnPage(session.url!, { number: '4242424242424242' });
    const paid = await world.stripe.checkout.sessions.retrieve(session.id);
    const refund = await world.stripe.refunds.create({ payment_intent: String(paid.payment_intent), amount: 2000, reason: 'requested_by_customer' });
    expect(refund).toMatchObject({ object: 'refund', amount: 2000, status: 'succeeded', payment_intent: paid.payment_intent });
    const txn = await world.stripe.balanceTransactions.retrieve(String(refund.balance_transaction));
    expect(txn).toMatchObject({ amount: -2000, fee: 0, net: -2000, type: 'refund', source: refund.id });
    const charge = await world.stripe.charges.retrieve(String(refund.charge), { expand: ['refunds'] });
    expect(charge).toMatchObject({ amount_refunded: 2000, refunded: false });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([refund.id]);
    await expect(world.stripe.refunds.create({ charge: charge.id, amount: 4000 })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400, param: 'amount' });

    await world.standin.idle();
    const refunded = world.receiver.ofType('charge.refunded').find((event) => event.data.object.id === charge.id)!;
    expect(refunded.data.object.amount_refunded).toBe(2000);
    expect(refunded.data.previous_attributes).toEqual({ amount_refunded: 0, refunded: false });
    expect(refunded.request?.id).toMatch(/^req_/);
  });

  it('charges zero-decimal currencies in whole yen, and settles them in US dollars', async () => {
    const session = await world.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'jpy', unit_amount: 3000, product_data: { name: 'Gift' } } }],
      success_url: 'http://localhost/thanks',
      locale: 'ja',
    });
    expect(await (await fetch(session.url!)).text()).toContain('￥3,000');
    await payOnPage(session.url!, { number: '4242424242424242' });
    const done = await world.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge.balance_transaction'] });
    const txn = ((done.payment_intent as Stripe.PaymentIntent).latest_charge as Stripe.Charge).balance_transaction as Stripe.BalanceTransaction;
    const charge = (done.payment_intent as Stripe.PaymentIntent).latest_charge as Stripe.Charge;
    expect(charge).toMatchObject({ amount: 3000, currency: 'jpy' });
    // ¥3,000 at the demo rate of 0.0066 USD per yen is US$ 19.80; the ¥87 fee is US$ 0.57.
    expect(txn).toMatchObject({ amount: 1980, currency: 'usd', exchange_rate: 0.0066, fee: 57, net: 1923 });
  });
});
