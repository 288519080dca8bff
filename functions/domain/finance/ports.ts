import type { LedgerRepository } from '../donations/ledger.js';
import type { Mailer } from '../pledges/ports.js';
import type { Clock } from '../shared/clock.js';
import type { BalanceTransaction, Payout } from '../reconciliation/types.js';
import type { AuditEntry, OfflineReceipt, PayoutRecord, PayoutRun, Period, PeriodLock, ReconciliationCheck } from './finance.js';

/** Stripe's side of reconciliation: payouts and what each paid out, every page of them. */
export interface PayoutSource {
  /** Payouts that arrived in [from, to) (ISO instants), newest first. */
  payouts(range: { from: string; to: string }): AsyncIterable<Payout>;
  payout(id: string): Promise<Payout | undefined>;
  /** Every balance transaction the payout paid out, its own (negative) one included. */
  balanceTransactions(payoutId: string): AsyncIterable<BalanceTransaction>;
}

/** One change and the audit entry that describes it, written together or not at all. */
export interface FinanceStore {
  payoutRecords(ids: readonly string[]): Promise<Map<string, PayoutRecord>>;
  payoutRecordsIn(period: Period): Promise<PayoutRecord[]>;
  /** Stores a run's findings (an observation: allowed in locked periods, never changes `state`); a run by hand comes with its audit entry. */
  saveRun(payout: Payout, run: PayoutRun, audit?: AuditEntry): Promise<PayoutRecord>;
  /** Replaces a record at `expectedVersion` (a `conflict` AppError when it moved), with its audit entry; refused in a locked period. */
  changePayout(next: PayoutRecord, expectedVersion: number, audit: AuditEntry): Promise<void>;

  lock(period: Period): Promise<PeriodLock | undefined>;
  locks(periods: readonly Period[]): Promise<Map<Period, PeriodLock>>;
  /** Locks or unlocks, with its audit entry; a `conflict` AppError when it already is. */
  setLock(lock: PeriodLock, audit: AuditEntry): Promise<void>;

  offlineReceipt(id: string): Promise<OfflineReceipt | undefined>;
  offlineReceiptsIn(period: Period): Promise<OfflineReceipt[]>;
  /** New (`expectedVersion` undefined) or changed at `expectedVersion`; refused in a locked period. Approval also adds to the campaign's totals. */
  saveOfflineReceipt(receipt: OfflineReceipt, expectedVersion: number | undefined, audit: AuditEntry): Promise<void>;

  auditLog(period: Period): Promise<AuditEntry[]>;

  saveCheck(check: ReconciliationCheck, audit?: AuditEntry): Promise<void>;
  latestCheck(): Promise<ReconciliationCheck | undefined>;
}

export interface FinanceDeps {
  source: PayoutSource;
  store: FinanceStore;
  ledger: LedgerRepository;
  mailer: Mailer;
  clock: Clock;
  newId: () => string;
  /** The finance team's mailbox for the nightly summary; unset, the summary is only logged and kept. */
  financeEmail?: string;
  /** The currency reports total in (the fund's bank account currency). */
  reportingCurrency: string;
  publicUrl: string;
}
