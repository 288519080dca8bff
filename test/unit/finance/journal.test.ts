import { describe, expect, it } from 'vitest';
import { type ChartOfAccounts, DEFAULT_CHART_OF_ACCOUNTS } from '../../../functions/domain/finance/accounts.js';
import type { PayoutLine, ReceiptLine } from '../../../functions/domain/finance/finance.js';
import { type JournalLine, journalCsv, journalEntries } from '../../../functions/domain/finance/journal.js';
import { DONOR_CATEGORIES } from '../../../functions/domain/donations/donation.js';
import { CSV_BOM, parseCsv } from '../../../functions/domain/shared/csv.js';

function line(more: Partial<ReceiptLine> = {}): ReceiptLine {
  return {
    source: 'stripe',
    id: 'gift:ch_1',
    kind: 'gift',
    date: '2026-07-10T12:00:00.000Z',
    donorCategory: 'individual',
    campaignYear: 2026,
    amount: 10_000,
    currency: 'usd',
    settled: { amount: 10_000, fee: 320, currency: 'usd' },
    reference: 'BH-2026-000001',
    ...more,
  };
}

/** account → [debit, credit] pairs, to read postings at a glance. */
const postings = (lines: JournalLine[]) => lines.map((l) => [l.account, l.debit, l.credit]);

describe('journalEntries', () => {
  it('posts a Stripe gift to clearing and its category’s contributions, and its fee to fees', () => {
    const lines = journalEntries([line()], []);
    expect(postings(lines)).toEqual([
      ['1210', 10_000, 0], ['4130', 0, 10_000],
      ['6510', 320, 0], ['1210', 0, 320],
    ]);
    expect(lines[0]).toEqual({
      date: '2026-07-10', account: '1210', accountName: 'Stripe clearing', debit: 10_000, credit: 0, currency: 'usd',
      reference: 'BH-2026-000001', description: 'Gift – individual, campaign 2026',
    });
  });

  it('reverses a refund, and posts a dispute’s fee as a fee; a won dispute’s returned fee goes back', () => {
    const refund = line({ kind: 'refund', amount: -10_000, settled: { amount: -10_000, fee: 0, currency: 'usd' }, reference: 're_1' });
    const dispute = line({ kind: 'dispute', donorCategory: 'government', amount: -10_000, settled: { amount: -10_000, fee: 1_500, currency: 'usd' }, reference: 'dp_1' });
    const won = line({ kind: 'dispute_reversal', donorCategory: 'government', amount: 10_000, settled: { amount: 10_000, fee: -1_500, currency: 'usd' }, reference: 'dp_1' });
    expect(postings(journalEntries([refund], []))).toEqual([['4130', 10_000, 0], ['1210', 0, 10_000]]);
    expect(postings(journalEntries([dispute], []))).toEqual([['4100', 10_000, 0], ['1210', 0, 10_000], ['6510', 1_500, 0], ['1210', 0, 1_500]]);
    expect(postings(journalEntries([won], []))).toEqual([['1210', 10_000, 0], ['4100', 0, 10_000], ['1210', 1_500, 0], ['6510', 0, 1_500]]);
  });

  it('posts a bank receipt to the bank and a payout from clearing to the bank, each on its own date', () => {
    const bank = line({ source: 'bank', id: 'off_1', date: '2026-07-02', donorCategory: 'government', amount: 10_000_000, currency: 'jpy', settled: { amount: 6_702_000, fee: 0, currency: 'usd' }, reference: 'MOFA/117' });
    const payout: PayoutLine = { id: 'po_1', date: '2026-07-12T00:00:00.000Z', amount: 9_680, currency: 'usd' };
    const lines = journalEntries([line(), bank], [payout]);
    expect(lines.map((l) => [l.date, l.account, l.debit, l.credit, l.reference])).toEqual([
      ['2026-07-02', '1010', 6_702_000, 0, 'MOFA/117'], ['2026-07-02', '4100', 0, 6_702_000, 'MOFA/117'],
      ['2026-07-10', '1210', 10_000, 0, 'BH-2026-000001'], ['2026-07-10', '4130', 0, 10_000, 'BH-2026-000001'],
      ['2026-07-10', '6510', 320, 0, 'BH-2026-000001'], ['2026-07-10', '1210', 0, 320, 'BH-2026-000001'],
      ['2026-07-12', '1010', 9_680, 0, 'po_1'], ['2026-07-12', '1210', 0, 9_680, 'po_1'],
    ]);
    expect(lines[0]!.description).toBe('Bank transfer – government, campaign 2026');
    expect(lines.at(-1)!.description).toBe('Stripe payout');
  });

  it('uses the chart of accounts it is given', () => {
    const chart: ChartOfAccounts = { ...DEFAULT_CHART_OF_ACCOUNTS, stripeClearing: { code: '1299', name: 'Stripe' }, contributions: { ...DEFAULT_CHART_OF_ACCOUNTS.contributions, individual: { code: '7000', name: 'Dons' } } };
    expect(postings(journalEntries([line()], [], chart)).map(([account]) => account)).toEqual(['1299', '7000', '6510', '1299']);
  });

  it('balances per currency, and clearing nets to zero once every gift of the period is paid out', () => {
    // A deterministic mix of every kind, category, sign and settlement currency.
    let seed = 7;
    const next = (limit: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % limit;
    const kinds = ['gift', 'gift', 'gift', 'refund', 'dispute', 'dispute_reversal'] as const;
    const receipts: ReceiptLine[] = Array.from({ length: 500 }, (_, i) => {
      const kind = kinds[next(kinds.length)]!;
      const sign = kind === 'refund' || kind === 'dispute' ? -1 : 1;
      const amount = sign * (100 + next(1_000_000));
      const fee = kind === 'dispute' ? 1_500 : kind === 'dispute_reversal' ? -1_500 : kind === 'gift' ? Math.round(amount * 0.029) + 30 : 0;
      return line({
        source: next(10) === 0 && kind === 'gift' ? 'bank' : 'stripe',
        id: `${kind}:${i}`, kind, amount,
        date: `2026-07-${String(1 + next(28)).padStart(2, '0')}`,
        donorCategory: DONOR_CATEGORIES[next(4)]!,
        settled: { amount, fee, currency: ['usd', 'eur', 'jpy'][next(3)]! },
      });
    });
    const payouts: PayoutLine[] = ['usd', 'eur', 'jpy'].map((currency) => ({
      id: `po_${currency}`, date: '2026-07-31', currency,
      amount: receipts.filter((r) => r.source === 'stripe' && r.settled.currency === currency).reduce((sum, r) => sum + r.settled.amount - r.settled.fee, 0),
    }));
    const lines = journalEntries(receipts, payouts);

    const sums = new Map<string, { debit: number; credit: number }>();
    for (const l of lines) {
      expect(l.debit === 0 || l.credit === 0).toBe(true);
      expect(l.debit >= 0 && l.credit >= 0).toBe(true);
      const key = `${l.currency}|${l.account}`;
      const sum = sums.get(key) ?? { debit: 0, credit: 0 };
      sums.set(key, { debit: sum.debit + l.debit, credit: sum.credit + l.credit });
    }
    for (const currency of ['usd', 'eur', 'jpy']) {
      const inCurrency = [...sums].filter(([key]) => key.startsWith(`${currency}|`)).map(([, s]) => s);
      expect(inCurrency.reduce((t, s) => t + s.debit, 0)).toBe(inCurrency.reduce((t, s) => t + s.credit, 0));
      const clearing = sums.get(`${currency}|1210`)!;
      expect(clearing.debit).toBeGreaterThan(0);
      expect(clearing.debit - clearing.credit).toBe(0);
    }
    // Without the payouts, clearing holds exactly what is still to be paid out.
    const unpaid = journalEntries(receipts, []).filter((l) => l.currency === 'usd' && l.account === '1210');
    expect(unpaid.reduce((t, l) => t + l.debit - l.credit, 0)).toBe(payouts[0]!.amount);
  });
});

describe('journalCsv', () => {
  it('writes BOM, CRLF, the columns, major units by the currency’s decimals; names in any script round-trip', () => {
    const chart: ChartOfAccounts = {
      ...DEFAULT_CHART_OF_ACCOUNTS,
      bank: { code: '1010', name: 'البنك – حساب الصندوق' },
      contributions: { ...DEFAULT_CHART_OF_ACCOUNTS.contributions, government: { code: '4100', name: '政府捐款' } },
    };
    const bank = line({ source: 'bank', date: '2026-07-02', donorCategory: 'government', amount: 1_000, currency: 'jpy', settled: { amount: 1_000, fee: 0, currency: 'jpy' }, reference: 'تحويل/٢٠٢٦ 汇款' });
    const refund = line({ kind: 'refund', amount: -2_500, settled: { amount: -2_500, fee: 0, currency: 'usd' }, reference: 're_1' });
    const csv = journalCsv(journalEntries([bank, refund], [], chart));
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(6);
    expect(parseCsv(csv)).toEqual([
      ['date', 'account', 'account_name', 'debit', 'credit', 'currency', 'reference', 'description'],
      ['2026-07-02', '1010', 'البنك – حساب الصندوق', '1000', '0', 'jpy', 'تحويل/٢٠٢٦ 汇款', 'Bank transfer – government, campaign 2026'],
      ['2026-07-02', '4100', '政府捐款', '0', '1000', 'jpy', 'تحويل/٢٠٢٦ 汇款', 'Bank transfer – government, campaign 2026'],
      ['2026-07-10', '4130', 'Contributions – individuals', '25.00', '0.00', 'usd', 're_1', 'Refund – individual, campaign 2026'],
      ['2026-07-10', '1210', 'Stripe clearing', '0.00', '25.00', 'usd', 're_1', 'Refund – individual, campaign 2026'],
    ]);
  });

  it('neutralises formulas in references and account names, while amounts stay plain numbers', () => {
    const lines: JournalLine[] = ['=HYPERLINK("http://evil.example","click")', '+cmd', '@SUM(A1)', '-1+1'].map((reference) => ({
      date: '2026-07-10', account: '=1+1', accountName: '-2+3', debit: 0, credit: 2_500, currency: 'usd', reference, description: '\tTab',
    }));
    const rows = parseCsv(journalCsv(lines)).slice(1);
    expect(rows.map((r) => r[6])).toEqual(["'=HYPERLINK(\"http://evil.example\",\"click\")", "'+cmd", "'@SUM(A1)", "'-1+1"]);
    for (const row of rows) expect([row[1], row[2], row[3], row[4], row[7]]).toEqual(["'=1+1", "'-2+3", '0.00', '25.00', "'\tTab"]);
  });

  it('refuses a journal line whose amount is not whole minor units instead of writing it', () => {
    const bad: JournalLine = { date: '2026-07-10', account: '1010', accountName: 'Bank', debit: 10.5, credit: 0, currency: 'usd', reference: 'x', description: 'x' };
    expect(() => journalCsv([bad])).toThrow();
  });
});
