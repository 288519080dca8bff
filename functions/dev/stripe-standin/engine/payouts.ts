import type Stripe from 'stripe';
import { atTime, nowSeconds } from '../ids.js';
import { newPayout } from '../objects/ledger.js';
import { newBalanceTransaction } from '../objects/payments.js';
import type { Engine } from './context.js';

const DAY = 86_400;

export interface PayoutOptions {
  /** Pays out what is available at this moment (default now). */
  asOf?: Date;
  /**
   * One payout per currency per UTC day of the transactions' `created` (Stripe's daily automatic
   * payouts), each `created` at that day's end and arriving two days after the day began (both
   * capped at `asOf`), with `payout.created`, `payout.paid` and `payout.reconciliation_completed`.
   */
  perDay?: boolean;
}

/**
 * Test helper: Stripe's automatic payout. Per currency, every balance transaction available at
 * `asOf` and not yet paid out goes into one payout of the sum of their nets; the payout's own
 * (negative) balance transaction joins them, so `GET /v1/balance_transactions?payout=po_…`
 * lists what reconciliation needs, as on Stripe. `perDay` splits them by the day they were made.
 */
export function createPayouts(engine: Engine, options: PayoutOptions = {}): Stripe.Payout[] {
  const { state } = engine;
  const asOf = Math.floor((options.asOf?.getTime() ?? Date.now()) / 1000);
  const ready: Stripe.BalanceTransaction[] = [];
  for (const txn of state.balanceTransactions.values()) {
    if (state.paidOutBy.has(txn.id) || txn.type === 'payout' || txn.available_on > asOf) continue;
    txn.status = 'available';
    ready.push(txn);
  }
  return options.perDay ? payPerDay(engine, ready, asOf) : payAtOnce(engine, ready, asOf);
}

function payAtOnce(engine: Engine, ready: Stripe.BalanceTransaction[], asOf: number): Stripe.Payout[] {
  const byCurrency = new Map<string, Stripe.BalanceTransaction[]>();
  for (const txn of ready) byCurrency.set(txn.currency, [...(byCurrency.get(txn.currency) ?? []), txn]);
  const payouts: Stripe.Payout[] = [];
  for (const [currency, txns] of byCurrency) {
    const amount = txns.reduce((sum, txn) => sum + txn.net, 0);
    if (amount <= 0) continue; // a negative balance stays until later charges cover it
    const payout = recordPayout(engine, { currency, txns, amount, arrivalDate: Math.max(asOf, nowSeconds()) });
    engine.outbox.emit('payout.created', payout);
    engine.outbox.emit('payout.paid', payout);
    payouts.push(payout);
  }
  return payouts;
}

/**
 * Days oldest first, so payouts and their events come in the order they happened. A day whose
 * transactions net to zero or less (refunds and no available gifts) pays nothing: its
 * transactions join the next day's payout in that currency, or wait for a later call.
 */
function payPerDay(engine: Engine, ready: Stripe.BalanceTransaction[], asOf: number): Stripe.Payout[] {
  const byDay = new Map<number, Map<string, Stripe.BalanceTransaction[]>>();
  for (const txn of [...ready].sort((a, b) => a.created - b.created)) {
    const day = Math.floor(txn.created / DAY) * DAY;
    const currencies = byDay.get(day) ?? new Map<string, Stripe.BalanceTransaction[]>();
    currencies.set(txn.currency, [...(currencies.get(txn.currency) ?? []), txn]);
    byDay.set(day, currencies);
  }
  const carried = new Map<string, Stripe.BalanceTransaction[]>();
  const payouts: Stripe.Payout[] = [];
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    for (const [currency, ofDay] of byDay.get(day)!) {
      const txns = [...(carried.get(currency) ?? []), ...ofDay];
      const amount = txns.reduce((sum, txn) => sum + txn.net, 0);
      if (amount <= 0) {
        carried.set(currency, txns);
        continue;
      }
      carried.delete(currency);
      const created = Math.min(day + DAY - 1, asOf);
      const arrivalDate = Math.max(created, Math.min(day + 2 * DAY, asOf));
      const payout = atTime(created, () => recordPayout(engine, { currency, txns, amount, arrivalDate }));
      // Stripe's automatic payout: pending when made, paid on arrival, then its transactions are final.
      const final = { status: payout.status, reconciliation_status: payout.reconciliation_status };
      Object.assign(payout, { status: 'pending', reconciliation_status: 'in_progress' });
      atTime(created, () => engine.outbox.emit('payout.created', payout));
      payout.status = final.status;
      atTime(arrivalDate, () => engine.outbox.emit('payout.paid', payout));
      payout.reconciliation_status = final.reconciliation_status;
      atTime(arrivalDate, () => engine.outbox.emit('payout.reconciliation_completed', payout));
      payouts.push(payout);
    }
  }
  return payouts;
}

/** The payout, its own (negative) balance transaction, and the link from each paid transaction. */
function recordPayout(engine: Engine, input: { currency: string; txns: Stripe.BalanceTransaction[]; amount: number; arrivalDate: number }): Stripe.Payout {
  const { state } = engine;
  const { currency, txns, amount, arrivalDate } = input;
  const own = newBalanceTransaction({ amount: -amount, fee: 0, currency, type: 'payout', reportingCategory: 'payout', source: '', description: 'STRIPE PAYOUT', availableInDays: 0 });
  const payout = newPayout({ amount, currency, balanceTransaction: own.id, arrivalDate });
  own.source = payout.id;
  state.balanceTransactions.set(own.id, own);
  state.payouts.set(payout.id, payout);
  for (const txn of [...txns, own]) state.paidOutBy.set(txn.id, payout.id);
  return payout;
}
