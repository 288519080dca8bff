import type { Currency } from '../donations/currencies.js';
import type { DonorCategory } from '../donations/donation.js';
import type { LedgerEntryKind } from '../donations/ledger.js';
import type { CurrencyTotals, Discrepancy, DiscrepancyCounts, Payout } from '../reconciliation/types.js';
import type { ReconciliationSummary } from '../reconciliation/summarize-reconciliation.js';

/**
 * Finance: what staff of the trust fund see and do on top of the ledger — payouts reconciled
 * and marked, periods locked, receipts by bank transfer recorded and approved (maker–checker),
 * reports and exports. Every change is one DynamoDB transaction with its audit entry.
 */

/** A calendar month, the unit of locking and of reports: `2026-07`. */
export type Period = string;
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const periodOf = (isoDate: string): Period => isoDate.slice(0, 7);

/** Who started a reconciliation run: Stripe's event, the nightly job, or a finance user. */
export type RunTrigger = 'stripe-event' | 'nightly' | 'by-hand';

/** What one reconciliation run of a payout found (lines are recomputed when shown, not kept). */
export interface PayoutRun {
  at: string;
  trigger: RunTrigger;
  /** The user, for runs by hand. */
  by?: string;
  status: 'clean' | 'discrepancies';
  totals: CurrencyTotals[];
  counts: { lines: number; matched: number; stripeOnly: number; discrepancies: DiscrepancyCounts };
  /** The first discrepancies found (at most MAX_KEPT_DISCREPANCIES); `counts` has them all. */
  discrepancies: Discrepancy[];
}

export const MAX_KEPT_DISCREPANCIES = 200;

/**
 * A reconciliation of every payout in a window against one ledger index (the nightly check):
 * besides each payout's findings, the gifts no payout paid out. The latest one is kept.
 */
export interface ReconciliationCheck extends Omit<ReconciliationSummary, 'discrepancies'> {
  at: string;
  trigger: RunTrigger;
  by?: string;
  /** Payouts that arrived in [from, to); ledger entries from `from` are expected in them. */
  window: { from: string; to: string };
  /** Payouts seen for the first time in this check. */
  newPayouts: string[];
  payoutsWithDiscrepancies: Array<{ id: string; amount: number; currency: string; arrivalDate: string; discrepancies: number }>;
  /** Period-level findings (missing from Stripe, duplicates in the ledger), the first MAX_KEPT_DISCREPANCIES. */
  discrepancies: Discrepancy[];
}

/**
 * A payout as finance sees it. `state`: `unreviewed` until a finance user marks it reconciled;
 * reopening (with a reason) makes it `unreviewed` again.
 */
export interface PayoutRecord {
  payout: Payout;
  /** The month of its arrival date: the period it belongs to. */
  period: Period;
  state: 'unreviewed' | 'reconciled';
  lastRun?: PayoutRun;
  reconciledBy?: string;
  reconciledAt?: string;
  note?: string;
  version: number;
}

export interface PeriodLock {
  period: Period;
  locked: boolean;
  by: string;
  at: string;
  reason?: string;
}

export type AuditAction =
  | 'payout.reconcile'
  | 'check.run'
  | 'payout.mark-reconciled'
  | 'payout.reopen'
  | 'period.lock'
  | 'period.unlock'
  | 'offline-receipt.record'
  | 'offline-receipt.approve'
  | 'offline-receipt.reject';

/** Append-only: written in the same transaction as the change it describes, never updated. */
export interface AuditEntry {
  id: string;
  at: string;
  by: string;
  action: AuditAction;
  /** What it was done to: a payout id, a period, an offline receipt id. */
  subject: string;
  before: unknown;
  after: unknown;
  reason?: string;
}

/**
 * A gift received outside Stripe, typically a government's bank transfer. It counts (reports,
 * campaign totals) only once a second, different finance user has approved it.
 */
export interface OfflineReceipt {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
  donorName: string;
  donorCategory: DonorCategory;
  campaignYear?: number;
  /** As given, in minor units of `currency`. */
  amount: number;
  currency: Currency;
  /** What the bank credited, in minor units of the reporting currency (the bank statement's figure). */
  settledAmount: number;
  settledCurrency: string;
  /** The value date on the bank statement (YYYY-MM-DD). */
  valueDate: string;
  bankReference: string;
  note?: string;
  recordedBy: string;
  recordedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  rejectionReason?: string;
  version: number;
}

/**
 * One receipt (or its undoing) as reports and exports see it, whichever way it came: a Stripe
 * ledger entry or an approved offline receipt. No contact details: reports are about money.
 */
export interface ReceiptLine {
  source: 'stripe' | 'bank';
  /** Ledger entry id (`gift:ch_…`) or offline receipt id. */
  id: string;
  kind: LedgerEntryKind;
  /** ISO date-time (Stripe) or date (bank value date). */
  date: string;
  donorCategory: DonorCategory;
  campaignYear?: number;
  earmark?: string;
  /** Signed, as given by the donor, in minor units of `currency`. */
  amount: number;
  currency: Currency;
  /** Signed, what reached the fund's account before fees, in minor units of `settled.currency`. */
  settled: { amount: number; fee: number; currency: string };
  /** The receipt number, the bank reference, or the Stripe id: what an accountant looks up. */
  reference: string;
}

/** A payout in the journal: the money moving from Stripe's balance to the bank. */
export interface PayoutLine {
  id: string;
  date: string;
  amount: number;
  currency: string;
}

/** Every month from `from` to `to`, both included: `2026-11`, `2026-12`, `2027-01`. */
export function periodsBetween(from: Period, to: Period): Period[] {
  const periods: Period[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (let period = from; period <= to; period = `${year}-${String(month).padStart(2, '0')}`) {
    periods.push(period);
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  return periods;
}
