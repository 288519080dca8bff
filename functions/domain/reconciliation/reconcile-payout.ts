import { ledgerExpectation } from './ledger-expectation.js';
import type { LedgerIndex } from './ledger-index.js';
import {
  emptyCounts,
  type BalanceTransaction,
  type CurrencyTotals,
  type Discrepancy,
  type DiscrepancyCounts,
  type LedgerLine,
  type LineOutcome,
  type Payout,
  type PayoutReconciliation,
  type ReconciledLine,
} from './types.js';

export interface ReconcileOptions {
  /** 'discrepancies' drops clean lines as they pass, for runs over many transactions. Default 'all'. */
  keepLines?: 'all' | 'discrepancies';
}

type Transactions = Iterable<BalanceTransaction> | AsyncIterable<BalanceTransaction>;

/**
 * Reconciles one payout: each of its balance transactions against the ledger entry that
 * recorded it, then, per currency, the sum of nets against the payout amount. One pass, O(1)
 * per transaction; the transactions may arrive page by page (an async iterable).
 */
export async function reconcilePayout(payout: Payout, transactions: Transactions, ledger: LedgerIndex, options: ReconcileOptions = {}): Promise<PayoutReconciliation> {
  const reconciler = new PayoutReconciler(payout, ledger, options);
  if (Symbol.asyncIterator in transactions) {
    for await (const txn of transactions) reconciler.add(txn);
  } else {
    for (const txn of transactions) reconciler.add(txn);
  }
  return reconciler.finish();
}

const NONE: readonly Discrepancy[] = Object.freeze([]);

/** The same, pushed one transaction at a time (for callers that own the paging loop). */
export class PayoutReconciler {
  private readonly lines: ReconciledLine[] = [];
  private readonly discrepancies: Discrepancy[] = [];
  private readonly counts: DiscrepancyCounts = emptyCounts();
  private readonly totals = new Map<string, CurrencyTotals>();
  private lineCount = 0;
  private matched = 0;
  private stripeOnly = 0;

  constructor(
    private readonly payout: Payout,
    private readonly ledger: LedgerIndex,
    private readonly options: ReconcileOptions = {},
  ) {}

  add(txn: BalanceTransaction): void {
    this.lineCount++;
    if (txn.id === this.payout.balanceTransactionId || (txn.type === 'payout' && txn.sourceId === this.payout.id)) {
      this.keep(txn, null, 'payout', this.checkOwnTransaction(txn));
      return;
    }
    this.addToTotals(txn);
    const found: Discrepancy[] = [];
    if (txn.amount - txn.fee !== txn.net) {
      found.push(this.found('unbalanced_line', txn, null, { stripe: txn.net, ledger: txn.amount - txn.fee, detail: `${txn.id}: amount ${txn.amount} − fee ${txn.fee} ≠ net ${txn.net}.` }));
    }
    const claimed = this.ledger.claim(txn.id, this.payout.id);
    const expected = ledgerExpectation(txn);
    if (!claimed) {
      if (expected.entry) {
        found.push(this.found('missing_from_ledger', txn, null, { stripe: txn.amount, detail: `${txn.type} ${txn.id} (${txn.sourceId ?? 'no source'}, ${txn.amount} ${txn.currency}) has no ledger entry.` }));
      } else if (found.length === 0) {
        this.stripeOnly++;
      }
      this.keep(txn, null, found.length ? 'discrepancy' : 'stripe_only', found);
      return;
    }
    const { entry, paidOutBefore } = claimed;
    if (paidOutBefore !== null) {
      found.push(this.found('paid_out_twice', txn, entry, { detail: `${txn.id} is listed by ${this.payout.id} and was already paid out in ${paidOutBefore}.` }));
    }
    this.compare(txn, entry, expected.entry ? expected.kinds : null, found);
    if (found.length === 0) this.matched++;
    this.keep(txn, entry.id, found.length ? 'discrepancy' : 'matched', found);
  }

  finish(): PayoutReconciliation {
    const { payout } = this;
    if (!this.totals.has(payout.currency)) this.totals.set(payout.currency, { currency: payout.currency, transactions: 0, gross: 0, fees: 0, net: 0 });
    for (const total of this.totals.values()) {
      const expected = total.currency === payout.currency ? payout.amount : 0;
      if (total.net !== expected) {
        this.record({
          kind: 'net_differs_from_payout',
          payoutId: payout.id,
          balanceTransactionId: null,
          entryId: null,
          currency: total.currency,
          stripe: expected,
          ledger: total.net,
          detail: `${payout.id}: the ${total.currency} transactions net ${total.net}; the payout is ${expected} ${total.currency}.`,
        });
      }
    }
    return {
      payout,
      status: this.discrepancies.length ? 'discrepancies' : 'clean',
      lines: this.lines,
      totals: [...this.totals.values()],
      discrepancies: this.discrepancies,
      counts: { lines: this.lineCount, matched: this.matched, stripeOnly: this.stripeOnly, discrepancies: this.counts },
    };
  }

  /** Field by field; a currency difference makes amounts incomparable, so it stops there. */
  private compare(txn: BalanceTransaction, entry: LedgerLine, kinds: readonly string[] | null, found: Discrepancy[]): void {
    const settled = entry.settlement;
    if (kinds && !kinds.includes(entry.kind)) {
      found.push(this.found('kind_mismatch', txn, entry, { stripe: txn.type, ledger: entry.kind, detail: `${txn.type} ${txn.id} is recorded as a ${entry.kind} (${entry.id}).` }));
    }
    if (settled.currency !== txn.currency) {
      found.push(this.found('currency_mismatch', txn, entry, { stripe: txn.currency, ledger: settled.currency, detail: `${txn.id} settled in ${txn.currency}; ${entry.id} says ${settled.currency}.` }));
      return;
    }
    if (settled.amount !== txn.amount) {
      found.push(this.found('amount_mismatch', txn, entry, { stripe: txn.amount, ledger: settled.amount, detail: `${txn.id} moved ${txn.amount} ${txn.currency}; ${entry.id} says ${settled.amount}.` }));
    }
    if (settled.fee !== txn.fee) {
      found.push(this.found('fee_difference', txn, entry, { stripe: txn.fee, ledger: settled.fee, detail: `${txn.id} fee ${txn.fee} ${txn.currency}; ${entry.id} says ${settled.fee}.` }));
    }
  }

  private checkOwnTransaction(txn: BalanceTransaction): Discrepancy[] {
    const { payout } = this;
    if (txn.currency === payout.currency && txn.amount === -payout.amount && txn.net === -payout.amount) return [];
    return [
      this.found('payout_transaction_mismatch', txn, null, {
        stripe: `${txn.net} ${txn.currency}`,
        ledger: `${-payout.amount} ${payout.currency}`,
        detail: `${payout.id}'s own balance transaction ${txn.id} nets ${txn.net} ${txn.currency}, not −${payout.amount} ${payout.currency}.`,
      }),
    ];
  }

  private addToTotals(txn: BalanceTransaction): void {
    let total = this.totals.get(txn.currency);
    if (!total) this.totals.set(txn.currency, (total = { currency: txn.currency, transactions: 0, gross: 0, fees: 0, net: 0 }));
    total.transactions++;
    total.gross += txn.amount;
    total.fees += txn.fee;
    total.net += txn.net;
  }

  private found(kind: Discrepancy['kind'], txn: BalanceTransaction, entry: LedgerLine | null, rest: Pick<Discrepancy, 'stripe' | 'ledger' | 'detail'>): Discrepancy {
    const discrepancy: Discrepancy = { kind, payoutId: this.payout.id, balanceTransactionId: txn.id, entryId: entry?.id ?? null, currency: txn.currency, ...rest };
    this.record(discrepancy);
    return discrepancy;
  }

  private record(discrepancy: Discrepancy): void {
    this.discrepancies.push(discrepancy);
    this.counts[discrepancy.kind]++;
  }

  private keep(txn: BalanceTransaction, entryId: string | null, outcome: LineOutcome, found: Discrepancy[]): void {
    const discrepancies = found.length ? found : NONE;
    if (this.options.keepLines === 'discrepancies' && discrepancies.length === 0) return;
    this.lines.push({ balanceTransaction: txn, entryId, outcome: discrepancies.length ? 'discrepancy' : outcome, discrepancies });
  }
}
