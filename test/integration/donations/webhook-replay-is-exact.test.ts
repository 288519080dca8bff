import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDocumentClient } from '../../../functions/adapters/dynamodb/client.js';
import type { LedgerEntry } from '../../../functions/domain/donations/ledger.js';
import { readMailbox } from '../../../functions/dev/ses-local.js';
import { deliver, startReplayHarness, type DeliveryReport, type ReplayHarness } from './replay-harness.js';
import { expectedFromStripe, generateTraffic, seededRandom, shuffle, type ExpectedTotals, type Traffic } from './stripe-traffic.js';

const SEED = Number(process.env.REPLAY_SEED ?? 20261124);
const FAILURE_RATE = Number(process.env.REPLAY_FAILURE_RATE ?? 0.12);

/**
 * 1,000 webhook events, each delivered one to three times in shuffled order, with storage
 * failures injected at random (on DynamoDB Local, before and after the write) → the ledger
 * totals equal what Stripe's own objects add up to, exactly. Set REPLAY_SEED to replay a run.
 */
describe('Stripe webhooks replayed in any order, with storage failing, leave an exact ledger', () => {
  let harness: ReplayHarness;
  let traffic: Traffic;
  let expected: ExpectedTotals;
  let report: DeliveryReport;
  let entries: LedgerEntry[];
  const emailTag = `replay${SEED}x${Date.now().toString(36)}`;

  beforeAll(async () => {
    const random = seededRandom(SEED);
    harness = await startReplayHarness({ dynamoEndpoint: inject('dynamoEndpoint'), sesEndpoint: inject('sesEndpoint'), failureRate: FAILURE_RATE, seed: SEED });
    harness.injectFailures(false);
    traffic = await generateTraffic({ standin: harness.standin, stripe: harness.stripe, openCheckout: harness.openCheckout, minEvents: 1_000, random, emailTag });
    const events = harness.standin.events();
    const queue = shuffle(events.flatMap((event) => Array.from({ length: 1 + Math.floor(random() * 3) }, () => event)), random);
    harness.injectFailures(true);
    report = await deliver(harness.app, queue, { concurrency: 8, random });
    harness.injectFailures(false);
    expected = await expectedFromStripe(harness.stripe, harness.standin, traffic);
    entries = await ledgerEntries(harness);
    console.info(
      `replay seed ${SEED}: ${report.events} events (${events.length - new Set(events.map((e) => e.id)).size} repeated ids), ` +
        `${queue.length} queued deliveries, ${report.deliveries} POSTs, ${report.retried} answered 5xx, ` +
        `${harness.failures.before + harness.failures.after} injected failures (${harness.failures.before} before, ${harness.failures.after} after the write, ` +
        `of ${harness.failures.calls} storage calls) ${JSON.stringify(harness.failures.byCommand)}; ` +
        `${traffic.chargeIds.length} charges, ${traffic.refunds} refunds, ${traffic.disputeIds.length} disputes, ${traffic.subscriptionIds.length} monthly donors, ${traffic.declines} declines; ` +
        `${(report.elapsedMs / 1000).toFixed(1)} s delivering`,
    );
  }, 120_000);
  afterAll(async () => harness?.stop());

  it('delivered at least 1,000 events, some of them several times, through injected failures', () => {
    expect(report.events).toBeGreaterThanOrEqual(1_000);
    expect(report.deliveries).toBeGreaterThan(report.events);
    expect(harness.failures.before).toBeGreaterThan(0);
    expect(harness.failures.after).toBeGreaterThan(0);
    expect(report.retried).toBeGreaterThan(0);
  });

  it('has every campaign total equal to what Stripe moved, to the cent', async () => {
    expect([...expected.campaigns.keys()].sort()).toEqual([2025, 2026]);
    for (const [year, campaign] of expected.campaigns) {
      const totals = await harness.ledger.totals(year);
      expect({ year, raised: totals.raised, gross: totals.byCurrency }).toEqual({ year, raised: { usd: campaign.raised }, gross: { usd: campaign.gross } });
    }
  });

  it('has one gift entry per paid charge, and entries that add up to the totals', async () => {
    const gifts = entries.filter((entry) => entry.kind === 'gift');
    expect(gifts).toHaveLength(expected.gifts);
    expect(new Set(gifts.map((gift) => gift.stripe.chargeId))).toEqual(new Set(traffic.chargeIds));
    for (const [year, campaign] of expected.campaigns) {
      const mine = entries.filter((entry) => entry.campaignYear === year);
      expect(mine.filter((entry) => entry.kind === 'gift')).toHaveLength(campaign.gifts);
      expect(mine.reduce((sum, entry) => sum + entry.settlement.amount, 0)).toBe(campaign.raised);
      expect(mine.reduce((sum, entry) => sum + entry.amount, 0)).toBe(campaign.gross);
    }
  });

  it('never gives two gifts the same receipt number', () => {
    const numbers = entries.filter((entry) => entry.kind === 'gift').map((entry) => entry.receiptNumber);
    expect(numbers.every((number) => /^BH-\d{4}-\d{6}$/.test(number ?? ''))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  // BUG (see donors-and-receipts-after-a-failure.test.ts): a donor is lost when the failure
  // falls after the ledger's transaction and before its donor count. Remove `.fails` once fixed.
  it('counts each donor once per campaign', async () => {
    for (const [year, campaign] of expected.campaigns) {
      expect({ year, donors: (await harness.ledger.totals(year)).donors }).toEqual({ year, donors: campaign.donors.size });
    }
  });

  // BUG (see donors-and-receipts-after-a-failure.test.ts): a receipt goes out twice when marking
  // it sent fails, or when two deliveries of the same gift run at once. Remove `.fails` once fixed.
  it('sends each gift exactly one receipt', async () => {
    const receipts = (await readMailbox(inject('sesEndpoint'))).filter((email) => email.destination.to.some((to) => to.startsWith(`${emailTag}-`)));
    const perAddress = new Map<string, number>();
    for (const email of receipts) for (const to of email.destination.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    const wrong = [...new Set([...perAddress.keys(), ...expected.receiptsTo.keys()])]
      .map((to) => ({ to, sent: perAddress.get(to) ?? 0, gifts: expected.receiptsTo.get(to) ?? 0 }))
      .filter(({ sent, gifts }) => sent !== gifts);
    expect(wrong).toEqual([]);
  });
});

async function ledgerEntries(harness: ReplayHarness): Promise<LedgerEntry[]> {
  const documents = createDocumentClient({ region: 'local', endpoint: inject('dynamoEndpoint') });
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(new ScanCommand({ TableName: harness.tableName, FilterExpression: '#type = :entry', ExpressionAttributeNames: { '#type': 'type' }, ExpressionAttributeValues: { ':entry': 'ledger-entry' }, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  documents.destroy();
  return items.map(({ PK: _pk, SK: _sk, type: _type, ...entry }) => entry as unknown as LedgerEntry);
}
