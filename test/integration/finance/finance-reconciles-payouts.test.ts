import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PayoutRecord, ReconciliationCheck } from '../../../functions/domain/finance/finance.js';
import type { LedgerEntry } from '../../../functions/domain/donations/ledger.js';
import { parseCsv } from '../../../functions/domain/shared/csv.js';
import { DAY_MS } from '../../../functions/domain/shared/clock.js';
import { startTestPlatform } from '../../support/running-platform.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;
interface Listed { payout: PayoutRecord['payout']; record: PayoutRecord | null; locked: boolean }

const daysAgo = (days: number, hours = 12) => new Date(Date.now() - days * DAY_MS + (hours - 12) * 3_600_000);

/**
 * Finance reconciles what the Stripe stand-in paid out: an old payout (a closed month) that is
 * clean, and a recent one with a gift whose webhook never arrived. Stripe's own
 * payout.reconciliation_completed starts each run; finance signs off, reopens, locks the month.
 */
describe('finance reconciles Stripe payouts against the ledger', () => {
  let platform: Running;
  let oldPayout: Listed;
  let recentPayout: Listed;
  let silentCharge: string;
  const tokens: Record<string, string> = {};

  const finance = async (method: string, path: string, body?: unknown, as = 'finance') => {
    const response = await fetch(`${platform.url}/api/finance${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens[as]}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    // ignoreBOM keeps the byte-order mark a CSV starts with (fetch's text() would drop it).
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    tokens.finance = await platform.identity.issueToken('finance@blueheart.local');
    tokens.finance2 = await platform.identity.issueToken('finance2@blueheart.local');
    const standin = platform.stripeStandin!;
    const gift = (amount: number, currency: string, createdAt: Date, extra: { silent?: boolean; category?: string } = {}) =>
      standin.giveDemoGift({ amount, currency, email: `donor-${randomUUID().slice(0, 8)}@example.org`, name: 'Donor', createdAt, metadata: { campaignYear: '2026', donorCategory: extra.category ?? 'individual' }, silent: extra.silent ?? false });
    gift(5_000, 'usd', daysAgo(45));
    gift(2_500, 'eur', daysAgo(45, 14), { category: 'private-sector' });
    const refunded = gift(10_000, 'usd', daysAgo(5));
    silentCharge = gift(7_500, 'usd', daysAgo(5, 13), { silent: true }).charge.id;
    standin.refund(refunded.charge.id, { amount: 4_000, createdAt: daysAgo(5, 15) });
    await standin.deliverAll();
    standin.createPayouts({ asOf: new Date(), perDay: true });
    await standin.deliverAll();
    const { body } = await finance('GET', `/payouts?from=${daysAgo(60).toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`);
    const payouts = (body as { payouts: Listed[] }).payouts;
    expect(payouts).toHaveLength(2);
    [recentPayout, oldPayout] = payouts as [Listed, Listed]; // newest first
  });
  afterAll(async () => platform?.stop());

  it("reconciles each payout when Stripe says its transactions are final", () => {
    expect(oldPayout.record?.lastRun).toMatchObject({ trigger: 'stripe-event', status: 'clean' });
    expect(oldPayout.record?.lastRun?.counts.matched).toBe(2);
    expect(recentPayout.record?.lastRun).toMatchObject({ trigger: 'stripe-event', status: 'discrepancies' });
    expect(recentPayout.record?.lastRun?.counts.discrepancies.missing_from_ledger).toBe(1);
    expect(recentPayout.record?.lastRun?.discrepancies.map((found) => found.kind)).toEqual(['missing_from_ledger']);
  });

  it('shows a payout line by line: the lost gift, and gross − fees = net = the payout', async () => {
    const { status, body } = await finance('GET', `/payouts/${recentPayout.payout.id}`);
    expect(status).toBe(200);
    const { reconciliation } = body as { reconciliation: { lines: Array<{ balanceTransaction: { type: string; sourceId: string }; outcome: string }>; totals: Array<{ currency: string; gross: number; fees: number; net: number }> } };
    const outcomes = reconciliation.lines.map((line) => `${line.balanceTransaction.type}:${line.outcome}`).sort();
    expect(outcomes).toEqual(['charge:discrepancy', 'charge:matched', 'payout:payout', 'refund:matched']);
    expect(reconciliation.lines.find((line) => line.outcome === 'discrepancy')?.balanceTransaction.sourceId).toBe(silentCharge);
    const [usd] = reconciliation.totals;
    expect(usd!.gross - usd!.fees).toBe(usd!.net);
    expect(usd!.net).toBe(recentPayout.payout.amount);
  });

  it('signs off a payout with discrepancies only with a note, and reopens only with a reason', async () => {
    const id = recentPayout.payout.id;
    const bare = await finance('POST', `/payouts/${id}/mark-reconciled`, {});
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual([{ field: 'note', message: 'is required when the payout has discrepancies' }]);
    const marked = await finance('POST', `/payouts/${id}/mark-reconciled`, { note: 'Gift of 75.00 recorded by hand after the lost webhook (ticket 42).' });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ state: 'reconciled', reconciledBy: 'finance@blueheart.local' });
    expect((await finance('POST', `/payouts/${id}/mark-reconciled`, { note: 'again' })).status).toBe(409);
    expect((await finance('POST', `/payouts/${id}/reopen`, {})).status).toBe(400);
    const reopened = await finance('POST', `/payouts/${id}/reopen`, { reason: 'The hand entry was never made.' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.state).toBe('unreviewed');
    expect(reopened.body.reconciledBy).toBeUndefined();
  });

  it('a redelivered Stripe event refreshes the findings without undoing a sign-off', async () => {
    const marked = await finance('POST', `/payouts/${oldPayout.payout.id}/mark-reconciled`, {});
    expect(marked.status).toBe(200);
    const standin = platform.stripeStandin!;
    const event = standin.events().find((e) => e.type === 'payout.reconciliation_completed' && (e.data.object as { id: string }).id === oldPayout.payout.id)!;
    await standin.redeliver(event.id);
    const { record } = (await finance('GET', `/payouts?from=${oldPayout.payout.arrivalDate.slice(0, 10)}&to=${oldPayout.payout.arrivalDate.slice(0, 10)}`)).body.payouts[0] as Listed;
    expect(record).toMatchObject({ state: 'reconciled', version: 2 });
    expect(record!.lastRun!.at > oldPayout.record!.lastRun!.at).toBe(true);
    expect((await finance('POST', `/payouts/${oldPayout.payout.id}/reopen`, { reason: 'To test the lock' })).status).toBe(200);
  });

  it('a locked month refuses changes until it is unlocked with a reason; the current month cannot be locked', async () => {
    const period = oldPayout.record!.period;
    expect((await finance('POST', `/periods/${new Date().toISOString().slice(0, 7)}/lock`, {})).status).toBe(400);
    expect((await finance('POST', `/periods/${period}/lock`, { reason: 'Month closed' })).status).toBe(200);
    expect((await finance('POST', `/periods/${period}/lock`, {})).status).toBe(409);
    const refused = await finance('POST', `/payouts/${oldPayout.payout.id}/mark-reconciled`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`${period} is locked`);
    const listed = (await finance('GET', `/payouts?from=${oldPayout.payout.arrivalDate.slice(0, 10)}&to=${oldPayout.payout.arrivalDate.slice(0, 10)}`)).body.payouts as Listed[];
    expect(listed[0]).toMatchObject({ locked: true, record: { state: 'unreviewed' } });
    expect((await finance('POST', `/periods/${period}/unlock`, {})).status).toBe(400);
    expect((await finance('POST', `/periods/${period}/unlock`, { reason: 'Stripe corrected a fee' })).status).toBe(200);
    expect((await finance('POST', `/payouts/${oldPayout.payout.id}/mark-reconciled`, {})).status).toBe(200);
    const { periods } = (await finance('GET', `/periods?year=${period.slice(0, 4)}`)).body as { periods: Array<{ period: string; lock: { locked: boolean; reason?: string } | null }> };
    expect(periods.find((p) => p.period === period)?.lock).toMatchObject({ locked: false, reason: 'Stripe corrected a fee' });
  });

  it('keeps every action in the audit log, with who, what, before and after', async () => {
    const from = oldPayout.record!.period;
    const { entries } = (await finance('GET', `/audit?from=${from}&to=${new Date().toISOString().slice(0, 7)}`)).body as { entries: Array<{ action: string; by: string; subject: string; before: unknown; after: unknown; reason?: string }> };
    expect(entries.map((entry) => entry.action).reverse()).toEqual([
      'payout.mark-reconciled', 'payout.reopen', 'payout.mark-reconciled', 'payout.reopen', 'period.lock', 'period.unlock', 'payout.mark-reconciled',
    ]);
    const reopen = entries.find((entry) => entry.action === 'payout.reopen' && entry.subject === recentPayout.payout.id)!;
    expect(reopen).toMatchObject({ by: 'finance@blueheart.local', reason: 'The hand entry was never made.', before: { state: 'reconciled' }, after: { state: 'unreviewed' } });
  });

  it('logs a run by hand, and still leaves the sign-off as it was', async () => {
    const { status, body } = await finance('POST', `/payouts/${oldPayout.payout.id}/reconcile`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ state: 'reconciled', lastRun: { trigger: 'by-hand', by: 'finance@blueheart.local', status: 'clean' } });
    const today = new Date().toISOString().slice(0, 7);
    const { entries } = (await finance('GET', `/audit?from=${today}&to=${today}`)).body as { entries: Array<{ action: string; subject: string; after: unknown }> };
    expect(entries[0]).toMatchObject({ action: 'payout.reconcile', subject: oldPayout.payout.id, after: { status: 'clean', matched: 2, discrepancies: 0 } });
  });

  it('the nightly check finds a gift no payout paid out, and emails finance without personal data', async () => {
    // A ledger entry whose balance transaction Stripe never paid out (e.g. recorded from a test-mode event).
    const at = daysAgo(20).toISOString();
    const orphan: LedgerEntry = {
      id: 'gift:ch_orphan', kind: 'gift', occurredAt: at, amount: 1_000, currency: 'usd',
      settlement: { amount: 1_000, fee: 59, net: 941, currency: 'usd', exchangeRate: null, balanceTransactionId: 'txn_orphan' },
      stripe: { chargeId: 'ch_orphan' }, donorCategory: 'individual', frequency: 'once', language: 'en', anonymous: true, donor: { email: 'orphan.donor@example.org' },
    };
    await platform.deps.donations.ledger.append(orphan);
    const { status, body } = await finance('POST', '/checks');
    expect(status).toBe(200);
    const check = body as ReconciliationCheck;
    expect(check.status).toBe('discrepancies');
    expect(check.discrepancies.map((found) => `${found.kind}:${found.entryId}`)).toEqual(['missing_from_stripe:gift:ch_orphan']);
    // The check covers payouts of the last 35 days: the recent one, not the 45-day-old one.
    expect(check.payouts.total).toBe(1);
    expect(check.payoutsWithDiscrepancies.map((payout) => payout.id)).toEqual([recentPayout.payout.id]);
    expect(check.newPayouts).toEqual([]);
    expect((await finance('GET', '/checks/latest')).body.check.at).toBe(check.at);
    const [email] = await platform.emailsTo('finance@blueheart.local');
    expect(email?.subject).toBe(`Reconciliation ${check.at.slice(0, 10)}: 1 of 1 payouts with discrepancies, 1 gifts missing from Stripe`);
    expect(email?.body.text).toContain('gift:ch_orphan');
    expect(email?.body.text).toContain(silentCharge);
    expect(email?.body.text).not.toMatch(/@example\.org/);
  });

  it('counts a bank transfer only after a second finance user approves it', async () => {
    const period = oldPayout.record!.period;
    const totalsBefore = await platform.deps.donations.ledger.totals(2026);
    const recorded = await finance('POST', '/offline-receipts', {
      donorName: 'Ministère des Affaires étrangères', donorCategory: 'government', campaignYear: 2026, amount: 4_500_000, currency: 'eur',
      settledAmount: 4_862_000, valueDate: `${period}-20`, bankReference: '=HYPERLINK("http://evil")',
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ status: 'pending', settledCurrency: 'usd', recordedBy: 'finance@blueheart.local' });
    const report = async () => (await finance('GET', `/reports?from=${period}&to=${period}&groupBy=category`)).body.report as { rows: Array<{ category: string; gifts: number; reporting: { net: number } }> };
    expect((await report()).rows.map((row) => row.category)).not.toContain('government');

    const own = await finance('POST', `/offline-receipts/${recorded.body.id}/approve`);
    expect(own.status).toBe(403);
    const approved = await finance('POST', `/offline-receipts/${recorded.body.id}/approve`, undefined, 'finance2');
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', decidedBy: 'finance2@blueheart.local' });
    expect((await finance('POST', `/offline-receipts/${recorded.body.id}/approve`, undefined, 'finance2')).status).toBe(409);

    expect((await report()).rows.find((row) => row.category === 'government')).toMatchObject({ gifts: 1, reporting: { net: 4_862_000 } });
    const totalsAfter = await platform.deps.donations.ledger.totals(2026);
    expect((totalsAfter.raised.usd ?? 0) - (totalsBefore.raised.usd ?? 0)).toBe(4_862_000);

    const csv = (await finance('GET', `/journal.csv?from=${period}&to=${period}`)).body as string;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    const column = (name: string) => header!.indexOf(name);
    const sum = (name: string) => rows.reduce((total, row) => total + Math.round(Number(row[column(name)]) * 100), 0);
    expect(sum('debit')).toBe(sum('credit'));
    expect(rows.some((row) => row[column('reference')] === `'=HYPERLINK("http://evil")`)).toBe(true);
  });

  it('refuses a receipt in a locked month, and one dated in the future', async () => {
    const period = oldPayout.record!.period;
    expect((await finance('POST', `/periods/${period}/lock`, {})).status).toBe(200);
    const receipt = { donorName: 'Acme Foundation', donorCategory: 'foundation', amount: 100_000, currency: 'usd', valueDate: `${period}-21`, bankReference: 'TRF-1' };
    const locked = await finance('POST', '/offline-receipts', receipt);
    expect(locked.status).toBe(409);
    const future = await finance('POST', '/offline-receipts', { ...receipt, valueDate: new Date(Date.now() + 2 * DAY_MS).toISOString().slice(0, 10) });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].field).toBe('valueDate');
    const foreign = await finance('POST', '/offline-receipts', { ...receipt, currency: 'chf', valueDate: new Date().toISOString().slice(0, 10) });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields[0].field).toBe('settledAmount');
  });
});
