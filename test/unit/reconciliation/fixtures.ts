import type { LedgerEntryKind } from '../../../functions/domain/donations/ledger.js';
import type { BalanceTransaction, LedgerLine, Payout } from '../../../functions/domain/reconciliation/types.js';

/** A balance transaction with net = amount − fee unless given. */
export function txn(id: string, type: string, amount: number, fee = 0, more: Partial<BalanceTransaction> = {}): BalanceTransaction {
  return { id, type, amount, fee, net: amount - fee, currency: 'usd', sourceId: `src_${id}`, ...more };
}

/** The ledger entry that recorded `t` exactly as Stripe did. */
export function entryFor(t: BalanceTransaction, kind: LedgerEntryKind, more: Partial<LedgerLine['settlement']> = {}, occurredAt = '2026-07-01T10:00:00.000Z'): LedgerLine {
  return {
    id: `${kind}:${t.sourceId}`,
    kind,
    occurredAt,
    settlement: { amount: t.amount, fee: t.fee, net: t.net, currency: t.currency, exchangeRate: null, balanceTransactionId: t.id, ...more },
  };
}

/** A payout of the given transactions' net, with its own balance transaction appended. */
export function payoutOf(id: string, txns: BalanceTransaction[], currency = 'usd', amount?: number): { payout: Payout; transactions: BalanceTransaction[] } {
  const total = amount ?? txns.filter((t) => t.currency === currency).reduce((sum, t) => sum + t.net, 0);
  const own = txn(`txn_${id}`, 'payout', -total, 0, { currency, sourceId: id });
  const payout: Payout = { id, amount: total, currency, arrivalDate: '2026-07-03T00:00:00.000Z', status: 'paid', balanceTransactionId: own.id };
  return { payout, transactions: [...txns, own] };
}
