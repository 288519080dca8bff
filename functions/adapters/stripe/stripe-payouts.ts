import type Stripe from 'stripe';
import type { PayoutSource } from '../../domain/finance/ports.js';
import type { BalanceTransaction, Payout } from '../../domain/reconciliation/types.js';

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);
const iso = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString();

/**
 * Payouts and their balance transactions from Stripe. The client's auto-pagination follows
 * `has_more` through every page (100 a request, Stripe's maximum), so a payout of 100,000
 * transactions is read in full, one page in memory at a time.
 */
export class StripePayouts implements PayoutSource {
  constructor(private readonly stripe: Stripe) {}

  async *payouts(range: { from: string; to: string }): AsyncIterable<Payout> {
    for await (const payout of this.stripe.payouts.list({ arrival_date: { gte: seconds(range.from), lt: seconds(range.to) }, limit: 100 })) {
      yield payoutOf(payout);
    }
  }

  async payout(id: string): Promise<Payout | undefined> {
    try {
      return payoutOf(await this.stripe.payouts.retrieve(id));
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  async *balanceTransactions(payoutId: string): AsyncIterable<BalanceTransaction> {
    for await (const txn of this.stripe.balanceTransactions.list({ payout: payoutId, limit: 100 })) yield balanceTransactionOf(txn);
  }
}

export const payoutOf = (payout: Stripe.Payout): Payout => ({
  id: payout.id,
  amount: payout.amount,
  currency: payout.currency,
  arrivalDate: iso(payout.arrival_date),
  status: payout.status as Payout['status'],
  balanceTransactionId: typeof payout.balance_transaction === 'string' ? payout.balance_transaction : (payout.balance_transaction?.id ?? null),
});

export const balanceTransactionOf = (txn: Stripe.BalanceTransaction): BalanceTransaction => ({
  id: txn.id,
  type: txn.type,
  reportingCategory: txn.reporting_category,
  amount: txn.amount,
  fee: txn.fee,
  net: txn.net,
  currency: txn.currency,
  sourceId: typeof txn.source === 'string' ? txn.source : (txn.source?.id ?? null),
  createdAt: iso(txn.created),
});
