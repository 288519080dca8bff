import { describe, expect, it } from 'vitest';
import { LedgerIndex } from '../../../functions/domain/reconciliation/ledger-index.js';
import { reconcilePayout } from '../../../functions/domain/reconciliation/reconcile-payout.js';
import { summarizeReconciliation } from '../../../functions/domain/reconciliation/summarize-reconciliation.js';
import { entryFor, payoutOf, txn } from './fixtures.js';

const a1 = txn('txn_a1', 'charge', 10_000, 320);
const a2 = txn('txn_a2', 'refund', -1_000);
const b1 = txn('txn_b1', 'charge', 5_000, 175);
const lost = txn('txn_lost', 'charge', 7_000, 233);
const late = txn('txn_late', 'charge', 2_000, 88);

describe('summarizeReconciliation', () => {
  it('finds ledger entries missing from Stripe across every payout of the run', async () => {
    const ledger = LedgerIndex.of([
      entryFor(a1, 'gift'),
      entryFor(a2, 'refund'),
      entryFor(b1, 'gift'),
      entryFor(lost, 'gift', {}, '2026-06-30T09:00:00.000Z'),
      entryFor(late, 'gift', {}, '2026-07-02T18:00:00.000Z'),
    ]);
    const a = payoutOf('po_a', [a1, a2]);
    const b = payoutOf('po_b', [b1]);
    const results = [await reconcilePayout(a.payout, a.transactions, ledger), await reconcilePayout(b.payout, b.transactions, ledger)];
    expect(results.map((r) => r.status)).toEqual(['clean', 'clean']);

    const summary = summarizeReconciliation(results, ledger, { awaitingPayoutFrom: '2026-07-01T00:00:00.000Z' });

    expect(summary.status).toBe('discrepancies');
    expect(summary.payouts).toEqual({ total: 2, clean: 2, withDiscrepancies: 0 });
    expect(summary.paidOut).toEqual({ usd: a.payout.amount + b.payout.amount });
    expect(summary.discrepancies).toMatchObject([{ kind: 'missing_from_stripe', entryId: 'gift:src_txn_lost', balanceTransactionId: 'txn_lost', ledger: 7_000 }]);
    expect(summary.awaitingPayout).toBe(1);
    expect(summary.counts.missing_from_stripe).toBe(1);

    // Without a cut-off, the recent entry counts as missing too.
    expect(summarizeReconciliation(results, ledger).counts.missing_from_stripe).toBe(2);
  });

  it('reports a transaction paid out by two payouts, and two entries naming one transaction', async () => {
    const ledger = LedgerIndex.of([entryFor(a1, 'gift'), { ...entryFor(a1, 'gift'), id: 'gift:ch_copy' }, entryFor(a1, 'gift')]);
    const first = payoutOf('po_a', [a1]);
    const second = payoutOf('po_b', [a1]);
    const results = [await reconcilePayout(first.payout, first.transactions, ledger), await reconcilePayout(second.payout, second.transactions, ledger)];

    expect(results[0]?.status).toBe('clean');
    expect(results[1]?.discrepancies).toMatchObject([{ kind: 'paid_out_twice', payoutId: 'po_b', balanceTransactionId: 'txn_a1', entryId: 'gift:src_txn_a1' }]);
    const summary = summarizeReconciliation(results, ledger);
    // The same entry added twice is one entry; a second entry for the same transaction is a duplicate.
    expect(summary.discrepancies).toMatchObject([{ kind: 'duplicate_in_ledger', entryId: 'gift:ch_copy', ledger: 'gift:src_txn_a1' }]);
    expect(summary.counts).toMatchObject({ paid_out_twice: 1, duplicate_in_ledger: 1, missing_from_stripe: 0 });
    expect(summary.payouts).toEqual({ total: 2, clean: 1, withDiscrepancies: 1 });
  });

  it('is clean when every payout is clean and every entry was paid out', async () => {
    const ledger = LedgerIndex.of([entryFor(a1, 'gift')]);
    const { payout, transactions } = payoutOf('po_a', [a1]);
    const summary = summarizeReconciliation([await reconcilePayout(payout, transactions, ledger)], ledger);
    expect(summary.status).toBe('clean');
    expect(Object.values(summary.counts).every((n) => n === 0)).toBe(true);
  });
});
