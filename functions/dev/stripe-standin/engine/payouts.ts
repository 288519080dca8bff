import type Stripe from 'stripe';
import { nowSeconds } from '../ids.js';
import { newPayout } from '../objects/ledger.js';
import { newBalanceTransaction } from '../objects/payments.js';
import type { Engine } from './context.js';

/**
 * Test helper: Stripe's automatic payout. Per currency, every balance transaction available at
 * `asOf` and not yet paid out goes into one payout of the sum of their nets; the payout's own
 * (negative) balance transaction joins them, so `GET /v1/balance_transactions?payout=po_…`
 * lists what reconciliation needs, as on Stripe.
 */
export function createPayouts(engine: Engine, options: { asOf?: Date } = {}): Stripe.Payout[] {
  const { state } = engine;
  const asOf = Math.floor((options.asOf?.getTime() ?? Date.now()) / 1000);
  const byCurrency = new Map<string, Stripe.BalanceTransaction[]>();
  for (const txn of state.balanceTransactions.values()) {
    if (state.paidOutBy.has(txn.id) || txn.type === 'payout' || txn.available_on > asOf) continue;
    txn.status = 'available';
    byCurrency.set(txn.currency, [...(byCurrency.get(txn.currency) ?? []), txn]);
  }
  const payouts: Stripe.Payout[] = [];
  for (const [currency, txns] of byCurrency) {
    const amount = txns.reduce((sum, txn) => sum + txn.net, 0);
    if (amount <= 0) continue; // a negative balance stays until later charges cover it
    const own = newBalanceTransaction({ amount: -amount, fee: 0, currency, type: 'payout', reportingCategory: 'payout', source: '', description: 'STRIPE PAYOUT', availableInDays: 0 });
    const payout = newPayout({ amount, currency, balanceTransaction: own.id, arrivalDate: Math.max(asOf, nowSeconds()) });
    own.source = payout.id;
    state.balanceTransactions.set(own.id, own);
    state.payouts.set(payout.id, payout);
    for (const txn of [...txns, own]) state.paidOutBy.set(txn.id, payout.id);
    engine.outbox.emit('payout.created', payout);
    engine.outbox.emit('payout.paid', payout);
    payouts.push(payout);
  }
  return payouts;
}
