import { describe, expect, it } from 'vitest';
import { LedgerIndex } from '../../../functions/domain/reconciliation/ledger-index.js';
import { reconcilePayout } from '../../../functions/domain/reconciliation/reconcile-payout.js';
import type { BalanceTransaction } from '../../../functions/domain/reconciliation/types.js';
import { entryFor, payoutOf, txn } from './fixtures.js';

const gift1 = txn('txn_g1', 'charge', 10_000, 320);
const gift2 = txn('txn_g2', 'charge', 2_500, 103);
const refund = txn('txn_r1', 'refund', -2_500, 0, { reportingCategory: 'refund' });
const dispute = txn('txn_d1', 'adjustment', -10_000, 1_500, { reportingCategory: 'dispute' });
const reversal = txn('txn_d2', 'adjustment', 10_000, 0, { reportingCategory: 'dispute_reversal' });
const radarFee = txn('txn_f1', 'stripe_fee', -200, 0);

function cleanLedger(): LedgerIndex {
  return LedgerIndex.of([entryFor(gift1, 'gift'), entryFor(gift2, 'gift'), entryFor(refund, 'refund'), entryFor(dispute, 'dispute'), entryFor(reversal, 'dispute_reversal')]);
}

describe('reconcilePayout', () => {
  it('matches gifts, refunds, disputes and reversals (negative amounts) and counts Stripe-only fees in the totals', async () => {
    const { payout, transactions } = payoutOf('po_1', [gift1, gift2, refund, dispute, reversal, radarFee]);
    const result = await reconcilePayout(payout, transactions, cleanLedger());

    expect(result.status).toBe('clean');
    expect(result.discrepancies).toEqual([]);
    expect(result.counts).toMatchObject({ lines: 7, matched: 5, stripeOnly: 1 });
    expect(Object.values(result.counts.discrepancies).every((n) => n === 0)).toBe(true);
    // gross − fees = net = the payout, the payout's own transaction left out.
    const gross = 10_000 + 2_500 - 2_500 - 10_000 + 10_000 - 200;
    const fees = 320 + 103 + 1_500;
    expect(result.totals).toEqual([{ currency: 'usd', transactions: 6, gross, fees, net: gross - fees }]);
    expect(payout.amount).toBe(gross - fees);
    expect(result.lines.map((line) => line.outcome)).toEqual(['matched', 'matched', 'matched', 'matched', 'matched', 'stripe_only', 'payout']);
    expect(result.lines[0]?.entryId).toBe('gift:src_txn_g1');
  });

  it('reports a Stripe transaction with no ledger entry as missing from the ledger', async () => {
    const stray = txn('txn_g9', 'charge', 5_000, 175);
    const { payout, transactions } = payoutOf('po_1', [gift1, stray]);
    const result = await reconcilePayout(payout, transactions, LedgerIndex.of([entryFor(gift1, 'gift')]));

    expect(result.status).toBe('discrepancies');
    expect(result.counts.discrepancies.missing_from_ledger).toBe(1);
    expect(result.discrepancies[0]).toMatchObject({ kind: 'missing_from_ledger', payoutId: 'po_1', balanceTransactionId: 'txn_g9', entryId: null, stripe: 5_000 });
    expect(result.lines[1]).toMatchObject({ outcome: 'discrepancy', entryId: null });
  });

  it('treats an unfamiliar transaction type as needing an entry, and an adjustment of unknown category as any kind', async () => {
    const unknown = txn('txn_u1', 'obligation_inbound', 700);
    const other = txn('txn_a1', 'adjustment', -300, 0, { reportingCategory: 'other_adjustment' });
    const { payout, transactions } = payoutOf('po_1', [unknown, other]);
    const result = await reconcilePayout(payout, transactions, LedgerIndex.of([entryFor(other, 'refund')]));

    expect(result.discrepancies.map((d) => [d.kind, d.balanceTransactionId])).toEqual([['missing_from_ledger', 'txn_u1']]);
  });

  it('reports amount, fee, kind and currency differences field by field', async () => {
    const feeWrong = txn('txn_g3', 'charge', 4_000, 146);
    const { payout, transactions } = payoutOf('po_1', [gift1, gift2, refund, feeWrong]);
    const ledger = LedgerIndex.of([
      entryFor(gift1, 'gift', { amount: 9_999, net: 9_679 }),
      entryFor(gift2, 'gift', { currency: 'eur', amount: 1 }),
      entryFor(refund, 'gift'),
      entryFor(feeWrong, 'gift', { fee: 150, net: 3_850 }),
    ]);
    const result = await reconcilePayout(payout, transactions, ledger);

    expect(result.discrepancies.map((d) => [d.kind, d.balanceTransactionId, d.stripe, d.ledger])).toEqual([
      ['amount_mismatch', 'txn_g1', 10_000, 9_999],
      // A different currency makes the amounts incomparable: only the currency is reported.
      ['currency_mismatch', 'txn_g2', 'usd', 'eur'],
      ['kind_mismatch', 'txn_r1', 'refund', 'gift'],
      ['fee_difference', 'txn_g3', 146, 150],
    ]);
    expect(result.counts.discrepancies).toMatchObject({ amount_mismatch: 1, currency_mismatch: 1, kind_mismatch: 1, fee_difference: 1 });
    expect(result.counts.matched).toBe(0);
    // Stripe's figures still add up to the payout: the ledger is what is wrong.
    expect(result.counts.discrepancies.net_differs_from_payout).toBe(0);
  });

  it('reports a payout whose transactions do not net to its amount', async () => {
    const { payout, transactions } = payoutOf('po_1', [gift1, gift2], 'usd', 12_000);
    const result = await reconcilePayout(payout, transactions, cleanLedger());

    const net = gift1.net + gift2.net;
    expect(result.totals).toEqual([{ currency: 'usd', transactions: 2, gross: 12_500, fees: 423, net }]);
    expect(result.discrepancies).toMatchObject([{ kind: 'net_differs_from_payout', payoutId: 'po_1', currency: 'usd', stripe: 12_000, ledger: net }]);
  });

  it("reports a line whose amount − fee ≠ net, and a payout's own transaction that is not −amount", async () => {
    const broken = { ...gift1, net: gift1.net - 1 };
    const { payout, transactions } = payoutOf('po_1', [broken, gift2]);
    const own = transactions.at(-1)!;
    transactions[transactions.length - 1] = { ...own, amount: own.amount - 5, net: own.net - 5 };
    const result = await reconcilePayout(payout, transactions, cleanLedger());

    expect(result.discrepancies.map((d) => d.kind)).toEqual(['unbalanced_line', 'payout_transaction_mismatch']);
    expect(result.lines.at(-1)?.outcome).toBe('discrepancy');
  });

  it('reconciles multi-currency: a EUR gift settled in USD matches on the settlement, and a stray EUR line must net to 0', async () => {
    // Gift of €50 at 1.08 settles as $54.00 on a USD account; the ledger's gift currency is EUR.
    const eurGift = txn('txn_e1', 'charge', 5_400, 187, { sourceId: 'ch_eur' });
    const strayEur = txn('txn_e2', 'charge', 3_000, 117, { currency: 'eur' });
    const { payout, transactions } = payoutOf('po_1', [eurGift, strayEur], 'usd');
    const ledger = LedgerIndex.of([entryFor(eurGift, 'gift', { exchangeRate: 1.08 }), entryFor(strayEur, 'gift')]);
    const result = await reconcilePayout(payout, transactions, ledger);

    expect(result.totals.map((t) => [t.currency, t.net])).toEqual([
      ['usd', 5_213],
      ['eur', 2_883],
    ]);
    expect(result.counts.matched).toBe(2);
    expect(result.discrepancies).toMatchObject([{ kind: 'net_differs_from_payout', currency: 'eur', stripe: 0, ledger: 2_883 }]);
  });

  it('reconciles a payout in another settlement currency (EUR account)', async () => {
    const g = txn('txn_e3', 'charge', 8_000, 137, { currency: 'eur' });
    const r = txn('txn_e4', 'refund', -1_000, 0, { currency: 'eur' });
    const { payout, transactions } = payoutOf('po_eur', [g, r], 'eur');
    const result = await reconcilePayout(payout, transactions, LedgerIndex.of([entryFor(g, 'gift'), entryFor(r, 'refund')]));

    expect(result.status).toBe('clean');
    expect(result.totals).toEqual([{ currency: 'eur', transactions: 2, gross: 7_000, fees: 137, net: 6_863 }]);
  });

  it('reports an empty payout of a positive amount', async () => {
    const result = await reconcilePayout({ id: 'po_0', amount: 100, currency: 'usd', arrivalDate: '2026-07-03T00:00:00.000Z', status: 'paid', balanceTransactionId: null }, [], new LedgerIndex());
    expect(result.totals).toEqual([{ currency: 'usd', transactions: 0, gross: 0, fees: 0, net: 0 }]);
    expect(result.counts.discrepancies.net_differs_from_payout).toBe(1);
  });

  it('takes the transactions page by page (async iterable) and can keep only the lines with discrepancies', async () => {
    const stray = txn('txn_g9', 'charge', 5_000, 175);
    const { payout, transactions } = payoutOf('po_1', [gift1, gift2, refund, stray]);
    async function* pages(size: number): AsyncGenerator<BalanceTransaction> {
      for (let i = 0; i < transactions.length; i += size) {
        const page = await Promise.resolve(transactions.slice(i, i + size));
        yield* page;
      }
    }
    const result = await reconcilePayout(payout, pages(2), cleanLedger(), { keepLines: 'discrepancies' });

    expect(result.counts).toMatchObject({ lines: 5, matched: 3 });
    expect(result.lines.map((line) => line.balanceTransaction.id)).toEqual(['txn_g9']);
  });
});
