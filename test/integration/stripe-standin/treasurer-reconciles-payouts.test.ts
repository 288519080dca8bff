import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneOffSession, payOnPage, startWorld } from './support.js';

const THREE_DAYS = 3 * 86_400_000;

describe('the treasurer reconciles disputes and payouts', () => {
  let world: Awaited<ReturnType<typeof startWorld>>;
  beforeAll(async () => {
    world = await startWorld({ feePercent: 2.9, feeFixed: { usd: 30 } });
  });
  afterAll(() => world.stop());

  const paidCharge = async (): Promise<Stripe.Charge> => {
    const session = await oneOffSession(world.stripe);
    await payOnPage(session.url!, { number: '4242424242424242' });
    const done = await world.stripe.checkout.sessions.retrieve(session.id, { expand: ['payment_intent.latest_charge'] });
    return (done.payment_intent as Stripe.PaymentIntent).latest_charge as Stripe.Charge;
  };

  it('a dispute withdraws the gift and a fee; winning reinstates the gift', async () => {
    const charge = await paidCharge();
    const dispute = world.standin.dispute(charge.id);
    expect(dispute).toMatchObject({ status: 'needs_response', amount: 5000, charge: charge.id });
    const [withdrawal] = dispute.balance_transactions;
    expect(withdrawal).toMatchObject({ amount: -5000, fee: 1500, net: -6500, type: 'adjustment', reporting_category: 'dispute', source: dispute.id });
    expect((await world.stripe.charges.retrieve(charge.id)).disputed).toBe(true);
    await expect(world.stripe.refunds.create({ charge: charge.id })).rejects.toMatchObject({ code: 'charge_disputed' });

    const won = world.standin.closeDispute(dispute.id, 'won');
    expect(won.status).toBe('won');
    expect(won.balance_transactions[1]).toMatchObject({ amount: 5000, fee: 0, net: 5000, reporting_category: 'dispute_reversal' });

    await world.standin.idle();
    const types = world.receiver.received.map((event) => event.type).filter((type) => type.startsWith('charge.dispute'));
    expect(types).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn', 'charge.dispute.funds_reinstated', 'charge.dispute.closed']);
    const closed = world.receiver.ofType('charge.dispute.closed')[0]!;
    expect(closed.data.object.status).toBe('won');
    expect((await world.stripe.disputes.retrieve(dispute.id)).status).toBe('won');
  });

  it('pays out available balance per currency; balance transactions list by payout with pagination', async () => {
    for (let i = 0; i < 4; i += 1) await paidCharge();
    expect(world.standin.createPayouts()).toEqual([]); // charges are pending for two days

    const [payout, ...others] = world.standin.createPayouts({ asOf: new Date(Date.now() + THREE_DAYS) });
    expect(others).toEqual([]);
    // 5 paid gifts of 50.00 (net 48.25 each), one dispute: -65.00 then +50.00
    expect(payout).toMatchObject({ object: 'payout', currency: 'usd', status: 'paid', amount: 5 * 4825 - 6500 + 5000 });
    expect(world.standin.createPayouts({ asOf: new Date(Date.now() + THREE_DAYS) })).toEqual([]); // nothing left

    const listed = await world.stripe.payouts.list({ limit: 1 });
    expect(listed.data.map((p) => p.id)).toEqual([payout!.id]);
    expect(listed.has_more).toBe(false);
    expect((await world.stripe.payouts.retrieve(payout!.id)).amount).toBe(payout!.amount);

    const page1 = await world.stripe.balanceTransactions.list({ payout: payout!.id, limit: 3 });
    expect(page1.data).toHaveLength(3);
    expect(page1.has_more).toBe(true);
    const page2 = await world.stripe.balanceTransactions.list({ payout: payout!.id, limit: 3, starting_after: page1.data.at(-1)!.id });
    const page3 = await world.stripe.balanceTransactions.list({ payout: payout!.id, limit: 3, starting_after: page2.data.at(-1)!.id });
    expect(page3.has_more).toBe(false);
    const all = [...page1.data, ...page2.data, ...page3.data];
    expect(new Set(all.map((txn) => txn.id)).size).toBe(8); // 5 charges, 2 dispute adjustments, the payout itself
    expect(all.reduce((sum, txn) => sum + txn.net, 0)).toBe(0); // the payout's own transaction balances the rest
    expect(all.filter((txn) => txn.type === 'charge').every((txn) => txn.status === 'available')).toBe(true);

    const autoPaged: string[] = [];
    for await (const txn of world.stripe.balanceTransactions.list({ payout: payout!.id, limit: 2 })) autoPaged.push(txn.id);
    expect(autoPaged).toEqual(all.map((txn) => txn.id));

    await world.standin.idle();
    expect(world.receiver.ofType('payout.paid').map((event) => event.data.object.id)).toEqual([payout!.id]);
  });
});
