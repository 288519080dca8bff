import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, OfflineReceipt } from '../../../functions/domain/finance/finance.js';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform.js';

/**
 * The rules the finance store enforces in DynamoDB itself, whatever a caller checked before:
 * the maker never approves, a decision is taken once, a locked month refuses changes, and no
 * change is written without its audit entry.
 */
describe('the finance store holds the rules where the data is', () => {
  let platform: TestPlatform;
  const audit = (action: AuditEntry['action'], subject: string, n: number): AuditEntry => ({
    id: `audit-${action}-${n}`, at: new Date(Date.UTC(2026, 5, 1, 12, 0, n)).toISOString(), by: 'test', action, subject, before: null, after: null,
  });
  const receipt: OfflineReceipt = {
    id: 'receipt-1', status: 'pending', donorName: 'Government of Norway', donorCategory: 'government', campaignYear: 2026, amount: 10_000_000, currency: 'usd',
    settledAmount: 10_000_000, settledCurrency: 'usd', valueDate: '2026-06-10', bankReference: 'NO-2026-7', recordedBy: 'maker@blueheart.local', recordedAt: '2026-06-11T09:00:00.000Z', version: 1,
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    await platform.deps.finance.store.saveOfflineReceipt(receipt, undefined, audit('offline-receipt.record', receipt.id, 1));
  });

  it('refuses an approval by the maker even when the caller did not check', async () => {
    const byMaker = { ...receipt, status: 'approved' as const, decidedBy: receipt.recordedBy, version: 2 };
    await expect(platform.deps.finance.store.saveOfflineReceipt(byMaker, 1, audit('offline-receipt.approve', receipt.id, 2))).rejects.toMatchObject({ code: 'conflict' });
    expect((await platform.deps.finance.store.offlineReceipt(receipt.id))?.status).toBe('pending');
    expect((await platform.deps.finance.store.auditLog('2026-06')).map((entry) => entry.action)).toEqual(['offline-receipt.record']);
  });

  it('lets exactly one of two simultaneous checkers decide', async () => {
    const store = platform.deps.finance.store;
    const approve = (checker: string, n: number) =>
      store.saveOfflineReceipt({ ...receipt, status: 'approved', decidedBy: checker, version: 2 }, 1, audit('offline-receipt.approve', receipt.id, n));
    const outcomes = await Promise.allSettled([approve('checker-a@blueheart.local', 3), approve('checker-b@blueheart.local', 4)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const totals = await platform.deps.donations.ledger.totals(2026);
    expect(totals.raised.usd).toBe(10_000_000);
    expect((await store.auditLog('2026-06')).filter((entry) => entry.action === 'offline-receipt.approve')).toHaveLength(1);
  });

  it('refuses any change in a locked month, and writes no audit entry for it', async () => {
    const store = platform.deps.finance.store;
    await store.setLock({ period: '2026-06', locked: true, by: 'test', at: '2026-07-02T00:00:00.000Z' }, audit('period.lock', '2026-06', 5));
    const late = { ...receipt, id: 'receipt-2', bankReference: 'NO-2026-8' };
    await expect(store.saveOfflineReceipt(late, undefined, audit('offline-receipt.record', late.id, 6))).rejects.toThrow('2026-06 is locked');
    expect(await store.offlineReceipt(late.id)).toBeUndefined();
    expect((await store.auditLog('2026-06')).filter((entry) => entry.subject === late.id)).toEqual([]);
  });
});
