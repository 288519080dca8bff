import { periodOf, periodsBetween, type AuditEntry, type OfflineReceipt, type PayoutRecord, type Period } from './finance.js';
import type { Payout } from '../reconciliation/types.js';
import type { FinanceDeps } from './ports.js';

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();

/** Stripe's payouts that arrived on the days from `from` to `to` (dates), each with its record and its month's lock. */
export async function listPayouts(deps: FinanceDeps, range: { from: string; to: string }): Promise<Array<{ payout: Payout; record: PayoutRecord | null; locked: boolean }>> {
  const payouts: Payout[] = [];
  for await (const payout of deps.source.payouts({ from: `${range.from}T00:00:00.000Z`, to: nextDay(range.to) })) payouts.push(payout);
  const [records, locks] = await Promise.all([
    deps.store.payoutRecords(payouts.map((payout) => payout.id)),
    deps.store.locks([...new Set(payouts.map((payout) => periodOf(payout.arrivalDate)))]),
  ]);
  return payouts.map((payout) => ({ payout, record: records.get(payout.id) ?? null, locked: Boolean(locks.get(periodOf(payout.arrivalDate))?.locked) }));
}

/** Offline receipts with a value date in the months, newest first. */
export async function offlineReceiptsBetween(deps: FinanceDeps, range: { from: Period; to: Period }): Promise<OfflineReceipt[]> {
  const months = await Promise.all(periodsBetween(range.from, range.to).map((period) => deps.store.offlineReceiptsIn(period)));
  return months.flat().sort((a, b) => b.valueDate.localeCompare(a.valueDate) || b.recordedAt.localeCompare(a.recordedAt));
}

/** The audit log of the months, newest first. */
export async function auditLogOf(deps: FinanceDeps, range: { from: Period; to: Period }): Promise<AuditEntry[]> {
  const months = await Promise.all(periodsBetween(range.from, range.to).map((period) => deps.store.auditLog(period)));
  return months.flat().sort((a, b) => b.at.localeCompare(a.at));
}
