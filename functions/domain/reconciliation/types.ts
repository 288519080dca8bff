import type { LedgerEntry } from '../donations/ledger.js';

/**
 * Reconciliation: every balance transaction Stripe paid out matched to the ledger entry that
 * recorded it, by the balance transaction's id (`LedgerEntry.settlement.balanceTransactionId`).
 * Plain data in, plain data out: the Stripe adapter maps `Stripe.Payout` and
 * `Stripe.BalanceTransaction` to these shapes, a ledger query supplies the entries.
 * Amounts are integers in minor units of their currency, as everywhere in the ledger.
 */

/** A Stripe payout: what reached the bank (positive, in `currency`). */
export interface Payout {
  id: string;
  amount: number;
  currency: string;
  /** ISO date-time of Stripe's `arrival_date`. */
  arrivalDate: string;
  status: 'paid' | 'pending' | 'in_transit' | 'canceled' | 'failed';
  /** The payout's own (negative) balance transaction, which Stripe lists among the payout's transactions. */
  balanceTransactionId: string | null;
}

/** Stripe's balance transaction types the ledger knows about; any other string is accepted too. */
export type BalanceTransactionType =
  | 'charge'
  | 'payment'
  | 'refund'
  | 'payment_refund'
  | 'payment_failure_refund'
  | 'adjustment'
  | 'payout'
  | 'stripe_fee'
  | (string & {});

/** A Stripe balance transaction: `amount − fee = net`, all signed, in the settlement currency. */
export interface BalanceTransaction {
  id: string;
  type: BalanceTransactionType;
  /** Stripe's `reporting_category` (`dispute`, `dispute_reversal`, …): tells adjustments apart. */
  reportingCategory?: string;
  amount: number;
  fee: number;
  net: number;
  currency: string;
  /** The charge, refund, dispute or payout it belongs to (`ch_…`, `re_…`, `dp_…`, `po_…`). */
  sourceId: string | null;
  /** ISO instant Stripe created it: where to look for its ledger entry. */
  createdAt?: string;
}

/** What reconciliation reads of a ledger entry (a full `LedgerEntry` fits). */
export type LedgerLine = Pick<LedgerEntry, 'id' | 'kind' | 'occurredAt' | 'settlement'>;

export const DISCREPANCY_KINDS = [
  /** A balance transaction that needs a ledger entry has none. */
  'missing_from_ledger',
  /** A ledger entry whose balance transaction is in none of the payouts reconciled. */
  'missing_from_stripe',
  'amount_mismatch',
  'currency_mismatch',
  'fee_difference',
  /** E.g. a refund's balance transaction matched to a gift. */
  'kind_mismatch',
  /** Stripe's own line does not add up: amount − fee ≠ net. */
  'unbalanced_line',
  /** The same balance transaction listed twice (in one payout or in two). */
  'paid_out_twice',
  /** Two ledger entries name the same balance transaction. */
  'duplicate_in_ledger',
  /** Per currency, the sum of nets differs from the payout amount (0 for other currencies). */
  'net_differs_from_payout',
  /** The payout's own balance transaction is not −amount in the payout's currency. */
  'payout_transaction_mismatch',
] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];
export type DiscrepancyCounts = Record<DiscrepancyKind, number>;

export interface Discrepancy {
  kind: DiscrepancyKind;
  payoutId: string | null;
  balanceTransactionId: string | null;
  entryId: string | null;
  currency?: string;
  /** What Stripe says and what the ledger (or the payout) says, for the field that differs. */
  stripe?: number | string;
  ledger?: number | string;
  /** One English sentence for logs and the nightly email; the console renders from the fields. */
  detail: string;
}

export type LineOutcome =
  /** Matched to its ledger entry, every field equal. */
  | 'matched'
  /** Needs no ledger entry (Stripe's own fees, reserves, payout reversals): counted in the totals. */
  | 'stripe_only'
  /** The payout's own balance transaction: checked against the payout, not in the totals. */
  | 'payout'
  | 'discrepancy';

export interface ReconciledLine {
  balanceTransaction: BalanceTransaction;
  entryId: string | null;
  outcome: LineOutcome;
  discrepancies: readonly Discrepancy[];
}

/** Per currency, over the payout's transactions except its own: gross − fees = net. */
export interface CurrencyTotals {
  currency: string;
  transactions: number;
  gross: number;
  fees: number;
  net: number;
}

export interface PayoutReconciliation {
  payout: Payout;
  status: 'clean' | 'discrepancies';
  /** Every line, or only those with discrepancies (`keepLines: 'discrepancies'`). */
  lines: ReconciledLine[];
  totals: CurrencyTotals[];
  /** Line-level and payout-level discrepancies, in the order found. */
  discrepancies: Discrepancy[];
  counts: { lines: number; matched: number; stripeOnly: number; discrepancies: DiscrepancyCounts };
}

export const emptyCounts = (): DiscrepancyCounts =>
  Object.fromEntries(DISCREPANCY_KINDS.map((kind) => [kind, 0])) as DiscrepancyCounts;
