/**
 * What /api/finance answers (functions/http/routes/finance.ts), typed from the domain so the
 * console stops compiling when an answer changes shape. Amounts are integers in minor units.
 */
import type { PayoutRecord } from '../../functions/domain/finance/finance.js';
import type { Payout, PayoutReconciliation } from '../../functions/domain/reconciliation/types.js';

export type { AuditEntry, OfflineReceipt, PayoutRecord, PeriodLock, ReconciliationCheck as Check } from '../../functions/domain/finance/finance.js';
export type { Report, ReportDimension, ReportRow, MoneyTotals } from '../../functions/domain/finance/report.js';
export type { CurrencyTotals, Discrepancy, Payout, ReconciledLine } from '../../functions/domain/reconciliation/types.js';

/** `GET /payouts`: each payout Stripe lists, its record once reconciled, and its month's lock. */
export interface PayoutListItem { payout: Payout; record: PayoutRecord | null; locked: boolean }

/** `GET /payouts/{id}`: the reconciliation computed now (without the payout itself). */
export interface PayoutDetail {
  payout: Payout;
  record: PayoutRecord | null;
  locked: boolean;
  reconciliation: Omit<PayoutReconciliation, 'payout'>;
}

/** What the console knows of a payout before opening it (from the list, or from a check). */
export type PayoutSeen = Pick<Payout, 'id' | 'amount' | 'currency' | 'arrivalDate'> & Partial<Payout>;

/** Words for who started a run. */
export const TRIGGER_WORDS: Record<string, string> = { 'stripe-event': 'when Stripe finished the payout', nightly: 'by the nightly check', 'by-hand': 'by hand' };
