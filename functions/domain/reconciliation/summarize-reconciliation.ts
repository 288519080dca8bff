import type { LedgerIndex } from './ledger-index.js';
import { emptyCounts, type Discrepancy, type DiscrepancyCounts, type LedgerLine, type PayoutReconciliation } from './types.js';

export interface ReconciliationSummary {
  status: 'clean' | 'discrepancies';
  payouts: { total: number; clean: number; withDiscrepancies: number };
  /** Per currency: what the reconciled payouts paid out. */
  paidOut: Record<string, number>;
  /** Discrepancies not tied to one payout: entries missing from Stripe, duplicate entries. */
  discrepancies: Discrepancy[];
  /** Over every payout and the period-level discrepancies. */
  counts: DiscrepancyCounts;
  /** Unclaimed entries on or after `awaitingPayoutFrom`: not paid out yet, not a discrepancy. */
  awaitingPayout: number;
}

export interface SummarizeOptions {
  /**
   * ISO instant: an entry that occurred on or after it may simply not have been paid out yet
   * (Stripe holds charges for days before they become available). Without it, every entry
   * no payout listed counts as missing from Stripe.
   */
  awaitingPayoutFrom?: string;
  /**
   * ISO instant: entries that occurred before it are outside the run (the index reaches back
   * further only so that early transactions of the first payouts find their entries); they were
   * paid out by earlier payouts and are neither claimed nor missing.
   */
  countFrom?: string;
}

/**
 * Closes a reconciliation run: call it after every payout of the period has been reconciled
 * against `ledger`. The payout results may be the trimmed ones; only status and counts are read.
 */
export function summarizeReconciliation(
  results: Iterable<Pick<PayoutReconciliation, 'payout' | 'status' | 'counts'>>,
  ledger: LedgerIndex,
  options: SummarizeOptions = {},
): ReconciliationSummary {
  const counts = emptyCounts();
  const paidOut: Record<string, number> = {};
  const payouts = { total: 0, clean: 0, withDiscrepancies: 0 };
  for (const result of results) {
    payouts.total++;
    if (result.status === 'clean') payouts.clean++;
    else payouts.withDiscrepancies++;
    paidOut[result.payout.currency] = (paidOut[result.payout.currency] ?? 0) + result.payout.amount;
    for (const kind of Object.keys(counts) as (keyof DiscrepancyCounts)[]) counts[kind] += result.counts.discrepancies[kind];
  }
  const discrepancies: Discrepancy[] = [...ledger.duplicates];
  let awaitingPayout = 0;
  // ISO-8601 instants in UTC ('…Z') compare correctly as strings.
  const cutoff = options.awaitingPayoutFrom;
  for (const entry of ledger.unclaimed()) {
    if (options.countFrom !== undefined && entry.occurredAt < options.countFrom) continue;
    if (cutoff !== undefined && entry.occurredAt >= cutoff) awaitingPayout++;
    else discrepancies.push(missingFromStripe(entry));
  }
  for (const discrepancy of discrepancies) counts[discrepancy.kind]++;
  const clean = payouts.withDiscrepancies === 0 && discrepancies.length === 0;
  return { status: clean ? 'clean' : 'discrepancies', payouts, paidOut, discrepancies, counts, awaitingPayout };
}

const missingFromStripe = (entry: LedgerLine): Discrepancy => ({
  kind: 'missing_from_stripe',
  payoutId: null,
  balanceTransactionId: entry.settlement.balanceTransactionId,
  entryId: entry.id,
  currency: entry.settlement.currency,
  ledger: entry.settlement.amount,
  detail: `${entry.kind} ${entry.id} (${entry.settlement.amount} ${entry.settlement.currency}) names balance transaction ${entry.settlement.balanceTransactionId}, which no reconciled payout lists.`,
});
