import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaigns } from '../../functions/dev/seed.js';
import { seedDemoDonations } from '../../functions/dev/seed-donations.js';
import type { StripeStandin } from '../../functions/dev/stripe-standin/index.js';
import { startTestPlatform } from '../support/running-platform.js';
import { startWorld } from './stripe-standin/support.js';

const DAY = 86_400;
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000);

async function all<T>(list: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of list) items.push(item);
  return items;
}

/** What the stand-in holds after seeding, read through the API as finance would. */
async function readBack(standin: StripeStandin) {
  const stripe = new Stripe(standin.secretKey, { host: standin.host, port: standin.port, protocol: 'http' });
  const chargeTxns = await all(stripe.balanceTransactions.list({ type: 'charge', limit: 100 }));
  const charges = await Promise.all(chargeTxns.map((txn) => stripe.charges.retrieve(String(txn.source))));
  const heard = new Set(standin.events().flatMap((event) => (event.type === 'charge.succeeded' ? [event.data.object.id] : [])));
  const payouts = await all(stripe.payouts.list({ limit: 100 }));
  const refunds = await all(stripe.balanceTransactions.list({ type: 'refund', limit: 100 }));
  return { stripe, chargeTxns, charges, heard, payouts, refunds };
}

describe('seedDemoDonations', () => {
  let world: Awaited<ReturnType<typeof startWorld>>;
  let twin: Awaited<ReturnType<typeof startWorld>>;
  let result: Awaited<ReturnType<typeof seedDemoDonations>>;
  beforeAll(async () => {
    world = await startWorld();
    twin = await startWorld();
    result = await seedDemoDonations(world.standin, { now: NOW });
  });
  afterAll(async () => {
    await world?.stop();
    await twin?.stop();
  });

  it('makes the gifts, payouts and lost webhook it reports', async () => {
    const { charges, heard, payouts } = await readBack(world.standin);
    expect(result.gifts).toBeGreaterThanOrEqual(35);
    expect(charges).toHaveLength(result.gifts);
    expect(charges.every((charge) => charge.paid && charge.metadata.source === 'blue-heart' && /^donor-\d+@example\.org$/.test(charge.billing_details.email ?? ''))).toBe(true);
    expect(result.lostWebhooks).toBe(1);
    expect(charges.filter((charge) => !heard.has(charge.id))).toHaveLength(1);
    expect(payouts).toHaveLength(result.payouts);
    expect(result.payouts).toBeGreaterThanOrEqual(3);

    // Every event, payouts' included, reached the endpoint; none of them names the lost gift.
    expect(world.receiver.received.map((event) => event.id)).toEqual(world.standin.events().map((event) => event.id));
    const lost = charges.find((charge) => !heard.has(charge.id))!;
    expect(JSON.stringify(world.receiver.received)).not.toContain(lost.payment_intent as string);
    expect(world.receiver.ofType('payout.reconciliation_completed').map((event) => event.data.object.id).sort()).toEqual(payouts.map((payout) => payout.id).sort());
  });

  it('spreads gifts over the last six days, across currencies, categories, campaigns and earmarks, with one refund', async () => {
    const { charges, chargeTxns, refunds } = await readBack(world.standin);
    const now = Math.floor(NOW.getTime() / 1000);
    expect(charges.every((charge) => charge.created < now && charge.created >= now - 6 * DAY)).toBe(true);
    expect(new Set(charges.map((charge) => Math.floor((now - charge.created) / DAY))).size).toBe(6);
    expect(new Set(charges.map((charge) => charge.currency))).toEqual(new Set(['usd', 'eur', 'gbp', 'chf', 'jpy', 'mxn']));
    expect(new Set(chargeTxns.map((txn) => txn.currency))).toEqual(new Set(['usd']));
    expect(new Set(charges.map((charge) => charge.metadata.donorCategory))).toEqual(new Set(['individual', 'private-sector', 'foundation', 'government']));
    const for2026 = charges.filter((charge) => charge.metadata.campaignYear === '2026').length;
    expect(for2026).toBeGreaterThan(charges.length / 2);
    expect(for2026).toBeLessThan(charges.length);
    expect(charges.filter((charge) => charge.metadata.earmark !== '').length).toBeGreaterThan(0);
    expect(charges.every((charge) => charge.metadata.frequency === 'once' && ['', 'small-grants', 'direct-assistance'].includes(charge.metadata.earmark!))).toBe(true);

    const refunded = charges.filter((charge) => charge.refunded);
    expect(refunded).toHaveLength(1);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]!.created).toBeGreaterThan(refunded[0]!.created);
    expect(world.receiver.ofType('charge.refunded').map((event) => event.data.object.id)).toEqual([refunded[0]!.id]);
  });

  it("pays out each day's available balance, one payout a day, arriving two days later at most", async () => {
    const { stripe, payouts, chargeTxns } = await readBack(world.standin);
    const now = Math.floor(NOW.getTime() / 1000);
    const days = payouts.map((payout) => Math.floor(payout.created / DAY));
    expect(new Set(days).size).toBe(payouts.length);
    let paidOut = 0;
    for (const payout of payouts) {
      const txns = await all(stripe.balanceTransactions.list({ payout: payout.id, limit: 100 }));
      expect(txns.filter((txn) => txn.type !== 'payout').reduce((sum, txn) => sum + txn.net, 0)).toBe(payout.amount);
      expect(payout.arrival_date).toBeLessThanOrEqual(Math.min(now, Math.floor(payout.created / DAY) * DAY + 2 * DAY));
      paidOut += txns.filter((txn) => txn.type === 'charge').length;
    }
    // Gifts of the last two days are not available yet; every older one is paid out.
    expect(paidOut).toBe(chargeTxns.filter((txn) => txn.available_on <= now).length);
    expect(paidOut).toBeLessThan(chargeTxns.length);
  });

  it('is the same every time for the same moment', async () => {
    const again = await seedDemoDonations(twin.standin, { now: NOW });
    expect(again).toEqual(result);
    const summary = async (standin: StripeStandin) =>
      (await readBack(standin)).charges
        .map((charge) => [charge.created, charge.amount, charge.currency, charge.billing_details.email, charge.billing_details.name, charge.amount_refunded, charge.metadata])
        .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[3]).localeCompare(String(b[3])));
    expect(await summary(twin.standin)).toEqual(await summary(world.standin));
  });
});

describe('seedDemoDonations against the app', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    platform = await startTestPlatform();
    await seedCampaigns(platform.deps.campaigns.repository, new Date('2026-01-01T00:00:00Z'));
  });
  afterAll(async () => platform?.stop());

  it('the ledger records every gift but the one whose webhook was lost, and the refund', async () => {
    const standin = platform.stripeStandin!;
    const seeded = await seedDemoDonations(standin, { now: NOW });
    const failed = standin.deliveries().filter((attempt) => attempt.status === null || attempt.status >= 300);
    expect(failed).toEqual([]);

    const { charges, heard, refunds } = await readBack(standin);
    const ledger = platform.deps.donations.ledger;
    const entries = await Promise.all(charges.map(async (charge) => [charge, await ledger.get(`gift:${charge.id}`)] as const));
    const missing = entries.filter(([, entry]) => !entry).map(([charge]) => charge.id);
    expect(missing).toHaveLength(seeded.lostWebhooks);
    expect(heard.has(missing[0]!)).toBe(false);
    for (const [charge, entry] of entries.filter(([, recorded]) => recorded)) {
      expect(entry).toMatchObject({
        kind: 'gift',
        amount: charge.amount,
        currency: charge.currency,
        occurredAt: new Date(charge.created * 1000).toISOString(),
        donorCategory: charge.metadata.donorCategory,
        settlement: { balanceTransactionId: charge.balance_transaction, currency: 'usd' },
      });
    }
    const refund = (await ledger.get(`refund:${String(refunds[0]!.source)}`))!;
    expect(refund).toMatchObject({ kind: 'refund', occurredAt: new Date(refunds[0]!.created * 1000).toISOString() });
  });
});
