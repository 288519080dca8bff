import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payOnPage, startWorld } from './support.js';

describe('a donor gives monthly, then cancels in the portal', () => {
  let world: Awaited<ReturnType<typeof startWorld>>;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.stop());

  const monthly = () =>
    world.stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 1000, recurring: { interval: 'month' }, product_data: { name: 'Monthly gift' } } }],
      success_url: 'http://localhost:3000/donate/thanks?session={CHECKOUT_SESSION_ID}',
      customer_email: 'mo@example.org',
      client_reference_id: 'don_monthly_1',
      subscription_data: { metadata: { donationId: 'don_monthly_1' } },
      locale: 'fr',
    });

  it('subscribes: an active subscription, a paid first invoice, and the events in order', async () => {
    const session = await monthly();
    const page = await (await fetch(session.url!)).text();
    expect(page).toContain('lang="fr"');
    expect(page).toContain('per month');
    expect(page).not.toContain('id="email"'); // the email was given
    const paid = await payOnPage(session.url!, { number: '4242424242424242' });
    expect(paid.status).toBe(303);

    const done = await world.stripe.checkout.sessions.retrieve(session.id, { expand: ['subscription', 'invoice'] });
    expect(done).toMatchObject({ status: 'complete', payment_status: 'paid', payment_intent: null, client_reference_id: 'don_monthly_1' });
    const subscription = done.subscription as Stripe.Subscription;
    const invoice = done.invoice as Stripe.Invoice;
    expect(subscription).toMatchObject({ status: 'active', customer: done.customer, metadata: { donationId: 'don_monthly_1' }, latest_invoice: invoice.id, cancel_at_period_end: false });
    expect(subscription.items.data[0]!.price).toMatchObject({ unit_amount: 1000, currency: 'eur', recurring: { interval: 'month' } });
    expect(invoice).toMatchObject({ status: 'paid', amount_paid: 1000, billing_reason: 'subscription_create', parent: { subscription_details: { subscription: subscription.id, metadata: { donationId: 'don_monthly_1' } } } });

    // Since API 2025-03-31 an invoice reaches its charge through `payments`.
    // Four levels at most, `data` included, as on Stripe.
    await expect(world.stripe.invoices.retrieve(invoice.id, { expand: ['payments.data.payment.payment_intent.latest_charge'] })).rejects.toMatchObject({ statusCode: 400 });
    const withPayments = await world.stripe.invoices.retrieve(invoice.id, { expand: ['payments.data.payment.payment_intent'] });
    const intent = withPayments.payments!.data[0]!.payment.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ status: 'succeeded', amount: 1000, customer: done.customer });
    expect((await world.stripe.charges.retrieve(String(intent.latest_charge))).paid).toBe(true);

    await world.standin.idle();
    expect(world.receiver.received.map((event) => event.type)).toEqual([
      'charge.succeeded',
      'payment_intent.succeeded',
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
    ]);
  });

  it("bills the next month: a new charge and invoice.paid; the portal cancels the gift", async () => {
    const session = await monthly();
    await payOnPage(session.url!, { number: '4242424242424242' });
    const { subscription: subId, customer } = await world.stripe.checkout.sessions.retrieve(session.id);
    const before = await world.stripe.subscriptions.retrieve(String(subId));

    const { invoice } = world.standin.advanceSubscription(String(subId));
    const after = await world.stripe.subscriptions.retrieve(String(subId));
    expect(after.items.data[0]!.current_period_start).toBe(before.items.data[0]!.current_period_end);
    expect(after.latest_invoice).toBe(invoice!.id);
    const next = await world.stripe.invoices.retrieve(invoice!.id);
    expect(next).toMatchObject({ billing_reason: 'subscription_cycle', status: 'paid', amount_paid: 1000 });
    await world.standin.idle();
    const paidInvoices = world.receiver.ofType('invoice.paid').filter((event) => event.data.object.parent?.subscription_details?.subscription === subId);
    expect(paidInvoices.map((event) => event.data.object.billing_reason)).toEqual(['subscription_create', 'subscription_cycle']);

    const portal = await world.stripe.billingPortal.sessions.create({ customer: String(customer), return_url: 'http://localhost:3000/donate' });
    expect(portal.url).toMatch(/\/billing\/bps_/);
    const portalPage = await (await fetch(portal.url)).text();
    const action = /action="([^"]+)"/.exec(portalPage)![1]!;
    expect(portalPage).toContain('Cancel monthly gift of €10.00');
    const canceled = await fetch(new URL(action, portal.url), { method: 'POST', body: new URLSearchParams({ subscription: String(subId) }), redirect: 'manual' });
    expect(canceled.status).toBe(303);
    expect(await (await fetch(new URL(canceled.headers.get('location')!, portal.url))).text()).toContain('Your monthly gift is canceled');

    await world.standin.idle();
    const deleted = world.receiver.ofType('customer.subscription.deleted').find((event) => event.data.object.id === subId)!;
    expect(deleted.data.object).toMatchObject({ status: 'canceled', cancellation_details: { reason: 'cancellation_requested' } });
  });

  it('cancels at period end through the API, then deletes when the period ends', async () => {
    const session = await monthly();
    await payOnPage(session.url!, { number: '4242424242424242' });
    const subId = String((await world.stripe.checkout.sessions.retrieve(session.id)).subscription);
    const updated = await world.stripe.subscriptions.update(subId, { cancel_at_period_end: true });
    expect(updated).toMatchObject({ status: 'active', cancel_at_period_end: true, cancel_at: updated.items.data[0]!.current_period_end });
    world.standin.advanceSubscription(subId);
    expect((await world.stripe.subscriptions.retrieve(subId)).status).toBe('canceled');
    await world.standin.idle();
    expect(world.receiver.ofType('customer.subscription.updated').some((event) => event.data.object.id === subId && event.data.previous_attributes?.cancel_at_period_end === false)).toBe(true);
    expect(world.receiver.ofType('customer.subscription.deleted').some((event) => event.data.object.id === subId)).toBe(true);
  });

  it('ends a subscription at once with DELETE', async () => {
    const session = await monthly();
    await payOnPage(session.url!, { number: '4242424242424242' });
    const subId = String((await world.stripe.checkout.sessions.retrieve(session.id)).subscription);
    const canceled = await world.stripe.subscriptions.cancel(subId);
    expect(canceled).toMatchObject({ status: 'canceled' });
    expect(canceled.ended_at).not.toBeNull();
  });
});
