import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StripePayouts } from '../../../functions/adapters/stripe/stripe-payouts.js';
import { startWorld } from '../stripe-standin/support.js';

type World = Awaited<ReturnType<typeof startWorld>>;

const DAY_MS = 86_400_000;
/** UTC midnight `days` days ago. */
const midnightDaysAgo = (days: number) => new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - days * DAY_MS);

async function all<T>(list: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of list) items.push(item);
  return items;
}

/**
 * The Stripe adapter reconciliation reads through: every payout in a range and every balance
 * transaction of a payout, however many pages (Stripe gives 100 at most per request).
 */
describe('StripePayouts reads every page', () => {
  let world: World;
  let payouts: StripePayouts;
  const busyDay = midnightDaysAgo(10);

  beforeAll(async () => {
    world = await startWorld();
    payouts = new StripePayouts(world.stripe);
    // 130 quiet days with one gift each, then one busy day with 250 gifts.
    for (let day = 140; day > 10; day--) {
      world.standin.giveDemoGift({ amount: 2_000, currency: 'usd', email: `d${day}@example.org`, createdAt: new Date(midnightDaysAgo(day).getTime() + 12 * 3_600_000), silent: true });
    }
    for (let i = 0; i < 250; i++) {
      world.standin.giveDemoGift({ amount: 1_000 + i, currency: 'eur', email: `b${i}@example.org`, createdAt: new Date(busyDay.getTime() + 8 * 3_600_000 + i * 60_000), silent: true });
    }
    world.standin.createPayouts({ asOf: midnightDaysAgo(1), perDay: true });
  });
  afterAll(async () => world?.stop());

  it('lists every payout that arrived in the range, each once, and none outside it', async () => {
    const everything = await all(payouts.payouts({ from: midnightDaysAgo(200).toISOString(), to: new Date().toISOString() }));
    expect(everything).toHaveLength(131);
    expect(new Set(everything.map((payout) => payout.id)).size).toBe(131);
    const from = midnightDaysAgo(60).toISOString();
    const to = midnightDaysAgo(30).toISOString();
    const some = await all(payouts.payouts({ from, to }));
    expect(some.length).toBe(30);
    expect(some.every((payout) => payout.arrivalDate >= from && payout.arrivalDate < to)).toBe(true);
  });

  it("reads all of a payout's balance transactions, its own included, with their times", async () => {
    const [busy] = await all(payouts.payouts({ from: busyDay.toISOString(), to: new Date(busyDay.getTime() + 3 * DAY_MS).toISOString() }));
    expect(busy).toBeDefined();
    const transactions = await all(payouts.balanceTransactions(busy!.id));
    expect(transactions).toHaveLength(251);
    expect(new Set(transactions.map((txn) => txn.id)).size).toBe(251);
    expect(transactions.filter((txn) => txn.type === 'payout').map((txn) => txn.id)).toEqual([busy!.balanceTransactionId]);
    const charges = transactions.filter((txn) => txn.type === 'charge');
    expect(charges.reduce((sum, txn) => sum + txn.net, 0)).toBe(busy!.amount);
    expect(charges.every((txn) => txn.createdAt! >= busyDay.toISOString() && txn.sourceId?.startsWith('ch_'))).toBe(true);
  });

  it('answers undefined for a payout Stripe does not have', async () => {
    expect(await payouts.payout('po_does_not_exist')).toBeUndefined();
  });
});
