import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { payOnPage, startWorld } from './stripe-standin/support.js';

type World = Awaited<ReturnType<typeof startWorld>>;

const DAY = 86_400;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
/** UTC midnight `days` days before today, in Unix seconds: every test date is safely in the past. */
const midnightDaysAgo = (days: number) => Math.floor(Date.now() / 1000 / DAY) * DAY - days * DAY;
const at = (unixSeconds: number) => new Date(unixSeconds * 1000);

async function all<T>(list: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of list) items.push(item);
  return items;
}

describe('payouts and balance transactions list as Stripe lists them', () => {
  let world: World;
  afterEach(() => world?.stop());

  it('auto-pagination over 265 payouts yields each once, newest first; arrival_date and created filter them', async () => {
    world = await startWorld();
    const first = midnightDaysAgo(270);
    // One gift a day at noon, the later days paid out first, so payouts are not made in the order of their days.
    const give = (day: number) => world.standin.giveDemoGift({ amount: 1000 + day, currency: 'usd', email: `donor-${day}@example.org`, createdAt: at(first + day * DAY + 12 * 3600), silent: true });
    const asOf = at(midnightDaysAgo(1));
    for (let day = 133; day < 265; day += 1) give(day);
    const later = world.standin.createPayouts({ asOf, perDay: true });
    for (let day = 0; day < 133; day += 1) give(day);
    const payouts = [...later, ...world.standin.createPayouts({ asOf, perDay: true })];
    expect(payouts).toHaveLength(265);

    const listed = await all(world.stripe.payouts.list({ limit: 100 }));
    expect(listed).toHaveLength(265);
    expect(new Set(listed.map((payout) => payout.id)).size).toBe(265);
    const newestFirst = [...payouts].sort((a, b) => b.created - a.created);
    expect(listed.map((payout) => payout.id)).toEqual(newestFirst.map((payout) => payout.id));
    expect(listed.every((payout, i) => i === 0 || payout.created < listed[i - 1]!.created)).toBe(true);

    // A page at a time, as the client does it: has_more until the last page.
    const page1 = await world.stripe.payouts.list({ limit: 100 });
    const page3 = await world.stripe.payouts.list({ limit: 100, starting_after: listed[199]!.id });
    expect([page1.has_more, page1.data.length, page3.has_more, page3.data.length]).toEqual([true, 100, false, 65]);

    // arrival_date: [gte, lt) of ten days, as finance asks; each payout arrives two days after its day.
    const from = first + 100 * DAY;
    const inRange = await all(world.stripe.payouts.list({ arrival_date: { gte: from, lt: from + 10 * DAY }, limit: 100 }));
    expect(inRange.map((payout) => payout.arrival_date)).toEqual(Array.from({ length: 10 }, (_, i) => from + (9 - i) * DAY));
    expect(inRange.every((payout) => payout.arrival_date === payout.created + 1 + DAY)).toBe(true);
    const gtLte = await all(world.stripe.payouts.list({ arrival_date: { gt: from, lte: from + 10 * DAY }, limit: 3 }));
    expect(gtLte.map((payout) => payout.arrival_date)).toEqual(Array.from({ length: 10 }, (_, i) => from + (10 - i) * DAY));
    const exact = await world.stripe.payouts.list({ arrival_date: from });
    expect(exact.data.map((payout) => payout.amount)).toEqual([payouts.find((payout) => payout.arrival_date === from)!.amount]);
    expect(exact.data[0]!.amount).toBe(1000 + 98 - Math.round((1000 + 98) * 0.029) - 30); // the gift of day 98, less Stripe's fee

    // created: the days' ends; combined with arrival_date both must hold.
    const created = await all(world.stripe.payouts.list({ created: { gte: first + 260 * DAY }, limit: 100 }));
    expect(created.map((payout) => payout.created)).toEqual([264, 263, 262, 261, 260].map((day) => first + day * DAY + DAY - 1));
    const createdLt = await all(world.stripe.payouts.list({ created: { lt: first + 2 * DAY }, limit: 100 }));
    expect(createdLt.map((payout) => payout.created)).toEqual([first + 2 * DAY - 1, first + DAY - 1]);
    const both = await world.stripe.payouts.list({ created: { lt: first + 2 * DAY }, arrival_date: { gte: first + 3 * DAY } });
    expect(both.data.map((payout) => payout.id)).toEqual([createdLt[0]!.id]);
    expect((await world.stripe.payouts.list({ created: first + DAY - 1 })).data).toHaveLength(1);
  });

  it('refuses range filters Stripe refuses', async () => {
    world = await startWorld();
    const list = (params: Record<string, unknown>) => world.stripe.payouts.list(params as Stripe.PayoutListParams);
    await expect(list({ created: { after: 5 } })).rejects.toMatchObject({ statusCode: 400, param: 'created[after]' });
    await expect(list({ arrival_date: 'yesterday' })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_invalid_integer', param: 'arrival_date' });
    await expect(list({ arrival_date: { gte: '1.5' } })).rejects.toMatchObject({ statusCode: 400, code: 'parameter_invalid_integer', param: 'arrival_date[gte]' });
    await expect(world.stripe.balanceTransactions.list({ created: { lte: 'x' } } as unknown as Stripe.BalanceTransactionListParams)).rejects.toMatchObject({
      param: 'created[lte]',
    });
  });

  it("auto-pagination over one payout's 300 balance transactions yields each once, newest first, netting to zero", async () => {
    world = await startWorld();
    const day = midnightDaysAgo(5);
    // Made out of order, and six at a time in the same second: the order is by created, ties stay put.
    for (let i = 0; i < 299; i += 1) {
      const second = day + 3600 + ((i * 7919) % 50) * 60;
      world.standin.giveDemoGift({ amount: 500 + i, currency: i % 3 === 0 ? 'eur' : 'usd', email: `donor-${i}@example.org`, createdAt: at(second), silent: true });
    }
    const [payout, ...others] = world.standin.createPayouts({ asOf: at(day + 3 * DAY), perDay: true });
    expect(others).toHaveLength(0);

    const txns = await all(world.stripe.balanceTransactions.list({ payout: payout!.id, limit: 100 }));
    expect(txns).toHaveLength(300);
    expect(new Set(txns.map((txn) => txn.id)).size).toBe(300);
    expect(txns.every((txn, i) => i === 0 || txn.created <= txns[i - 1]!.created)).toBe(true);
    expect(txns[0]).toMatchObject({ type: 'payout', source: payout!.id, amount: -payout!.amount, created: day + DAY - 1 });
    expect(txns.filter((txn) => txn.type === 'charge')).toHaveLength(299);
    expect(txns.reduce((sum, txn) => sum + txn.net, 0)).toBe(0);

    // Page by page with ending_before walks back the same way.
    const last = await world.stripe.balanceTransactions.list({ payout: payout!.id, limit: 100, starting_after: txns[199]!.id });
    expect(last.data.map((txn) => txn.id)).toEqual(txns.slice(200).map((txn) => txn.id));
    const before = await world.stripe.balanceTransactions.list({ payout: payout!.id, limit: 100, ending_before: txns[200]!.id });
    expect(before.data.map((txn) => txn.id)).toEqual(txns.slice(100, 200).map((txn) => txn.id));

    const windowed = await all(world.stripe.balanceTransactions.list({ payout: payout!.id, created: { gte: day + 3600, lt: day + 3600 + 60 }, limit: 100 }));
    expect(windowed.map((txn) => txn.created)).toEqual(Array(6).fill(day + 3600));
  });
});

describe('per-day payouts', () => {
  let world: World;
  afterEach(() => world?.stop());

  it('one payout a day, whose balance transactions net to it, with created, paid and reconciliation_completed in order', async () => {
    world = await startWorld();
    const d0 = midnightDaysAgo(12);
    const gift = (day: number, hour: number, amount: number, currency: string) =>
      world.standin.giveDemoGift({ amount, currency, email: `day-${day}-${hour}@example.org`, createdAt: at(d0 + day * DAY + hour * 3600) });
    for (const day of [1, 2, 3, 4, 5, 6]) {
      gift(day, 3, 5_000, 'usd');
      gift(day, 9, 4_000, 'eur');
      gift(day, 20, 3_000, 'jpy');
    }
    const refunded = gift(2, 14, 10_000, 'mxn');
    world.standin.refund(refunded.charge.id, { createdAt: at(d0 + 3 * DAY + 10 * 3600) });
    const asOf = at(d0 + 7 * DAY + 12 * 3600); // day 5 gifts before noon are available, day 5 at 20:00 and day 6 not yet
    const payouts = world.standin.createPayouts({ asOf, perDay: true });

    expect(payouts.map((payout) => payout.created)).toEqual([1, 2, 3, 4, 5].map((day) => d0 + day * DAY + DAY - 1));
    expect(payouts.map((payout) => payout.arrival_date)).toEqual([1, 2, 3, 4, 5].map((day) => d0 + (day + 2) * DAY));
    const paidOut = new Set<string>();
    for (const [index, payout] of payouts.entries()) {
      const day = d0 + (index + 1) * DAY;
      expect(payout).toMatchObject({ currency: 'usd', status: 'paid', reconciliation_status: 'completed', automatic: true });
      const txns = await all(world.stripe.balanceTransactions.list({ payout: payout.id, limit: 100 }));
      const own = txns.filter((txn) => txn.type === 'payout');
      const paid = txns.filter((txn) => txn.type !== 'payout');
      expect(own.map((txn) => [txn.id, txn.amount])).toEqual([[payout.balance_transaction, -payout.amount]]);
      expect(paid.reduce((sum, txn) => sum + txn.net, 0)).toBe(payout.amount);
      expect(paid.every((txn) => txn.created >= day && txn.created < day + DAY && txn.status === 'available')).toBe(true);
      for (const txn of paid) paidOut.add(txn.id);
    }
    // Day 2 had a gift in mxn (100.00 MXN = 5.50 USD), day 3 its refund.
    const [, day2, day3] = await Promise.all(payouts.map((payout) => all(world.stripe.balanceTransactions.list({ payout: payout.id }))));
    expect(day2!.map((txn) => txn.type).sort()).toEqual(['charge', 'charge', 'charge', 'charge', 'payout']);
    expect(day3!.filter((txn) => txn.type === 'refund')).toMatchObject([{ amount: -550, reporting_category: 'refund' }]);
    expect(paidOut.size).toBe(5 * 3 + 1 + 1 - 1); // days 1–5 (three gifts each, but day 5 at 20:00 is not yet available), the mxn gift, its refund

    const charges = await all(world.stripe.balanceTransactions.list({ type: 'charge', limit: 100 }));
    const waiting = charges.filter((txn) => !paidOut.has(txn.id));
    expect(waiting.map((txn) => txn.created).sort((a, b) => a - b)).toEqual([d0 + 5 * DAY + 20 * 3600, d0 + 6 * DAY + 3 * 3600, d0 + 6 * DAY + 9 * 3600, d0 + 6 * DAY + 20 * 3600]);
    expect(world.standin.createPayouts({ asOf, perDay: true })).toEqual([]); // nothing more is available then

    await world.standin.deliverAll();
    const payoutEvents = world.receiver.received.filter((event) => event.type.startsWith('payout.'));
    expect(payoutEvents.map((event) => [event.type, (event.data.object as Stripe.Payout).id])).toEqual(
      payouts.flatMap((payout) => [['payout.created', payout.id], ['payout.paid', payout.id], ['payout.reconciliation_completed', payout.id]]),
    );
    const states = payoutEvents.slice(0, 3).map((event) => {
      const object = event.data.object as Stripe.Payout;
      return [event.type, object.status, object.reconciliation_status, event.created];
    });
    expect(states).toEqual([
      ['payout.created', 'pending', 'in_progress', payouts[0]!.created],
      ['payout.paid', 'paid', 'in_progress', payouts[0]!.arrival_date],
      ['payout.reconciliation_completed', 'paid', 'completed', payouts[0]!.arrival_date],
    ]);
    const stored = await world.stripe.payouts.retrieve(payouts[0]!.id);
    expect([stored.status, stored.reconciliation_status]).toEqual(['paid', 'completed']);
  });

  it("a day that nets to nothing joins the next day's payout; the last such day waits", async () => {
    world = await startWorld();
    const d0 = midnightDaysAgo(12);
    const big = world.standin.giveDemoGift({ amount: 100_000, currency: 'usd', email: 'big@example.org', createdAt: at(d0 + DAY + 3600), silent: true });
    world.standin.giveDemoGift({ amount: 1_000, currency: 'usd', email: 'small@example.org', createdAt: at(d0 + 2 * DAY + 3600), silent: true });
    world.standin.refund(big.charge.id, { createdAt: at(d0 + 2 * DAY + 7200) }); // day 2: 9.41 in, 1,000.00 out
    world.standin.giveDemoGift({ amount: 200_000, currency: 'usd', email: 'bigger@example.org', createdAt: at(d0 + 3 * DAY + 3600), silent: true });
    const late = world.standin.giveDemoGift({ amount: 5_000, currency: 'usd', email: 'late@example.org', createdAt: at(d0 + 4 * DAY + 3600), silent: true });
    world.standin.refund(late.charge.id, { createdAt: at(d0 + 5 * DAY) }); // day 5: only a refund

    const payouts = world.standin.createPayouts({ asOf: at(d0 + 8 * DAY), perDay: true });
    expect(payouts.map((payout) => payout.created)).toEqual([d0 + 2 * DAY - 1, d0 + 4 * DAY - 1, d0 + 5 * DAY - 1]);
    const net = (amount: number) => amount - Math.round(amount * 0.029) - 30;
    expect(payouts.map((payout) => payout.amount)).toEqual([net(100_000), net(1_000) - 100_000 + net(200_000), net(5_000)]);
    const day3 = await all(world.stripe.balanceTransactions.list({ payout: payouts[1]!.id }));
    expect(day3.filter((txn) => txn.type !== 'payout').map((txn) => txn.created)).toEqual([d0 + 3 * DAY + 3600, d0 + 2 * DAY + 7200, d0 + 2 * DAY + 3600]);
    const refunds = await all(world.stripe.balanceTransactions.list({ type: 'refund' }));
    expect(refunds.map((txn) => txn.created)).toEqual([d0 + 5 * DAY, d0 + 2 * DAY + 7200]);
    const lastRefundPayout = await world.stripe.balanceTransactions.list({ payout: payouts[2]!.id });
    expect(lastRefundPayout.data.some((txn) => txn.id === refunds[0]!.id)).toBe(false);
  });

  it('without perDay, one payout per currency as before, arriving now', async () => {
    world = await startWorld();
    const d0 = midnightDaysAgo(10);
    for (const day of [1, 2, 3]) world.standin.giveDemoGift({ amount: 2_000, currency: 'usd', email: `d${day}@example.org`, createdAt: at(d0 + day * DAY), silent: true });
    const before = Math.floor(Date.now() / 1000);
    const payouts = world.standin.createPayouts({ asOf: at(d0 + 6 * DAY) });
    expect(payouts).toHaveLength(1);
    expect(payouts[0]!.amount).toBe(3 * (2_000 - 58 - 30));
    expect(payouts[0]!.arrival_date).toBeGreaterThanOrEqual(before);
    expect(world.standin.events().map((event) => event.type)).toEqual(['payout.created', 'payout.paid']);
  });
});

describe('demo gifts', () => {
  let world: World;
  afterEach(() => world?.stop());

  const appMetadata = {
    source: 'blue-heart', campaignYear: '2026', donorCategory: 'foundation', anonymous: 'false', displayName: 'Fondation Lumière',
    dedication: '', earmark: 'small-grants', language: 'fr', frequency: 'once',
  };

  it('a backdated gift is what paying on the hosted page makes, with the same events, in the past', async () => {
    world = await startWorld();
    // The app's session, paid on the page.
    const session = await world.stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [{ quantity: 1, price_data: { currency: 'eur', unit_amount: 5_000, product_data: { name: 'Gift to the UN Voluntary Trust Fund for Victims of Trafficking in Persons', description: 'Fund' } } }],
      success_url: 'http://localhost:3000/fr/donate/thanks/?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'http://localhost:3000/fr/donate/',
      locale: 'fr',
      metadata: appMetadata,
      customer_email: 'paid@example.org',
      submit_type: 'donate',
      customer_creation: 'always',
      payment_intent_data: { metadata: appMetadata, description: 'Fund' },
    });
    expect((await payOnPage(session.url!, { number: '4242424242424242', name: 'Claire Martin' })).status).toBe(303);
    const onPage = world.standin.events();

    const createdAt = new Date(Math.floor(Date.now() / 1000 - 9.5 * DAY) * 1000);
    const demo = world.standin.giveDemoGift({ amount: 5_000, currency: 'eur', metadata: appMetadata, email: 'demo@example.org', name: 'Claire Martin', description: 'Fund', createdAt });
    const typesOf = (events: Stripe.Event[]) => events.map((event) => event.type);
    expect(typesOf(demo.events)).toEqual(typesOf(onPage));
    expect(typesOf(demo.events)).toEqual(['charge.succeeded', 'payment_intent.succeeded', 'checkout.session.completed']);
    expect(demo.events.every((event) => event.created === seconds(createdAt))).toBe(true);

    const t = seconds(createdAt);
    const intent = await world.stripe.paymentIntents.retrieve(demo.paymentIntent.id, { expand: ['latest_charge.balance_transaction'] });
    const charge = intent.latest_charge as Stripe.Charge;
    const txn = charge.balance_transaction as Stripe.BalanceTransaction;
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 5_000, created: t, metadata: appMetadata, description: 'Fund', customer: demo.customer!.id });
    expect(charge).toMatchObject({ paid: true, created: t, billing_details: { email: 'demo@example.org', name: 'Claire Martin' }, metadata: appMetadata });
    expect(txn).toMatchObject({ created: t, available_on: t + 2 * DAY, status: 'available', type: 'charge', source: charge.id, amount: 5_400, exchange_rate: 1.08 });
    const completed = await world.stripe.checkout.sessions.retrieve(demo.session.id);
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid', created: t, locale: 'fr', customer_email: 'demo@example.org', metadata: appMetadata });

    // Same objects, field for field, as the one paid on the page (ids and times aside).
    const shape = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(shape)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shape(item)]))
          : value === null ? 'null' : typeof value;
    const paidCharge = (await world.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] })).payment_intent as Stripe.PaymentIntent;
    expect(shape(charge)).toEqual(shape({ ...(paidCharge.latest_charge as Stripe.Charge), balance_transaction: txn }));
    await world.standin.deliverAll();
    expect(world.receiver.received.filter((event) => (event.data.object as { id: string }).id === charge.id)).toHaveLength(1);
  });

  it('a silent gift has its charge and balance transaction, and no event at all', async () => {
    world = await startWorld();
    const createdAt = new Date(Date.now() - 4 * DAY * 1000);
    const demo = world.standin.giveDemoGift({ amount: 2_500, currency: 'usd', metadata: appMetadata, email: 'lost@example.org', createdAt, silent: true });
    expect(demo.events).toEqual([]);
    const charge = await world.stripe.charges.retrieve(demo.charge.id);
    expect(charge).toMatchObject({ paid: true, amount: 2_500, created: seconds(createdAt), metadata: appMetadata });
    const [txn] = (await world.stripe.balanceTransactions.list({ source: charge.id })).data;
    expect(txn).toMatchObject({ id: charge.balance_transaction, amount: 2_500, net: 2_500 - 73 - 30, available_on: seconds(createdAt) + 2 * DAY, status: 'available' });

    world.standin.giveDemoGift({ amount: 1_000, currency: 'usd', email: 'heard@example.org' });
    await world.standin.deliverAll();
    expect((await world.stripe.events.list({ limit: 100 })).data).toHaveLength(3);
    expect(world.standin.events()).toHaveLength(3);
    expect(world.receiver.received.map((event) => (event.data.object as { metadata?: Record<string, string> }).metadata?.source)).toEqual(['blue-heart', 'blue-heart', 'blue-heart']);
    expect(JSON.stringify(world.receiver.received)).not.toContain(demo.charge.id);
    expect(JSON.stringify(world.receiver.received)).not.toContain(demo.paymentIntent.id);
  });

  it('refuses a refund dated before its gift, and a monthly demo gift', async () => {
    world = await startWorld();
    const demo = world.standin.giveDemoGift({ amount: 2_500, currency: 'usd', email: 'a@example.org', createdAt: new Date('2026-02-01T00:00:00Z'), silent: true });
    expect(() => world.standin.refund(demo.charge.id, { createdAt: new Date('2026-01-31T23:59:59Z') })).toThrow(/cannot come before/);
    expect(() => world.standin.giveDemoGift({ amount: 2_500, currency: 'usd', email: 'a@example.org', metadata: { frequency: 'monthly' } })).toThrow(/one-off/);
    const refund = world.standin.refund(demo.charge.id, { amount: 1_000, createdAt: new Date('2026-02-02T00:00:00Z') });
    expect(refund).toMatchObject({ amount: 1_000, created: seconds(new Date('2026-02-02T00:00:00Z')), status: 'succeeded' });
    expect((await world.stripe.charges.retrieve(demo.charge.id)).amount_refunded).toBe(1_000);
  });
});
