import { describe, expect, it } from 'vitest';
import type { ReceiptLine } from '../../../functions/domain/finance/finance.js';
import { buildReport, reportCsv } from '../../../functions/domain/finance/report.js';
import { CSV_BOM, parseCsv } from '../../../functions/domain/shared/csv.js';

let n = 0;
/** A Stripe gift settled in usd with a 3% fee, unless told otherwise. */
function line(more: Partial<ReceiptLine> = {}): ReceiptLine {
  const amount = more.amount ?? 10_000;
  n++;
  return {
    source: 'stripe',
    id: `gift:ch_${n}`,
    kind: 'gift',
    date: '2026-07-10T12:00:00.000Z',
    donorCategory: 'individual',
    campaignYear: 2026,
    amount,
    currency: 'usd',
    settled: { amount, fee: Math.round(amount * 0.03), currency: 'usd' },
    reference: `BH-2026-${String(n).padStart(6, '0')}`,
    ...more,
  };
}

const undo = (kind: 'refund' | 'dispute', amount: number, fee = 0, more: Partial<ReceiptLine> = {}) =>
  line({ kind, amount: -amount, settled: { amount: -amount, fee, currency: 'usd' }, ...more });

describe('buildReport', () => {
  it('groups by month and category, counts gifts and undoings, sums given, gross, fees and net', async () => {
    const report = await buildReport(
      [
        line({ amount: 10_000 }),
        line({ amount: 5_000, donorCategory: 'foundation' }),
        undo('refund', 10_000, 0),
        undo('dispute', 5_000, 1_500, { donorCategory: 'foundation' }),
        line({ amount: 2_000, date: '2026-06-30T23:59:59.000Z' }),
        line({ kind: 'dispute_reversal', amount: 5_000, settled: { amount: 5_000, fee: -1_500, currency: 'usd' }, donorCategory: 'foundation' }),
      ],
      { groupBy: ['category', 'month'], reportingCurrency: 'USD' },
    );
    expect(report.groupBy).toEqual(['month', 'category']);
    expect(report.reportingCurrency).toBe('usd');
    expect(report.rows).toEqual([
      { month: '2026-06', category: 'individual', gifts: 1, undoings: 0, reversals: 0, given: { usd: 2_000 }, reporting: { gross: 2_000, fees: 60, net: 1_940 }, unconverted: {} },
      { month: '2026-07', category: 'individual', gifts: 1, undoings: 1, reversals: 0, given: { usd: 0 }, reporting: { gross: 0, fees: 300, net: -300 }, unconverted: {} },
      {
        month: '2026-07', category: 'foundation', gifts: 1, undoings: 1, reversals: 1,
        given: { usd: 5_000 }, reporting: { gross: 5_000, fees: 150, net: 4_850 }, unconverted: {},
      },
    ]);
    expect(report.totals).toEqual({
      gifts: 3, undoings: 2, reversals: 1, given: { usd: 7_000 }, reporting: { gross: 7_000, fees: 510, net: 6_490 }, unconverted: {},
    });
  });

  it('sorts categories in their list order, campaigns newest first (none last), currencies alphabetically', async () => {
    const { campaignYear: _, ...noCampaign } = line();
    const report = await buildReport(
      [
        line({ donorCategory: 'government', campaignYear: 2025, currency: 'usd' }),
        line({ donorCategory: 'government', campaignYear: 2026, currency: 'jpy' }),
        { ...noCampaign, donorCategory: 'government', currency: 'eur' },
        line({ donorCategory: 'individual', campaignYear: 2025, currency: 'chf' }),
        line({ donorCategory: 'government', campaignYear: 2026, currency: 'eur' }),
        line({ donorCategory: 'private-sector', campaignYear: 2024, currency: 'gbp' }),
      ],
      { groupBy: ['currency', 'campaign', 'category'], reportingCurrency: 'usd' },
    );
    expect(report.rows.map((r) => [r.category, r.campaign, r.currency])).toEqual([
      ['individual', '2025', 'chf'],
      ['private-sector', '2024', 'gbp'],
      ['government', '2026', 'eur'],
      ['government', '2026', 'jpy'],
      ['government', '2025', 'usd'],
      ['government', 'none', 'eur'],
    ]);
  });

  it('puts what was settled in another currency under unconverted, per row and overall, never in the reporting totals', async () => {
    const report = await buildReport(
      [
        line({ amount: 10_000, currency: 'usd' }),
        line({ amount: 5_000, currency: 'eur', settled: { amount: 5_000, fee: 170, currency: 'eur' } }),
        line({ amount: 3_000, currency: 'eur', settled: { amount: 3_000, fee: 100, currency: 'EUR' } }),
        line({ amount: 10_000, currency: 'jpy', settled: { amount: 6_700, fee: 220, currency: 'usd' } }),
        undo('refund', 1_000, 0, { currency: 'gbp', settled: { amount: -1_000, fee: 0, currency: 'gbp' } }),
      ],
      { groupBy: ['currency'], reportingCurrency: 'usd' },
    );
    const eur = report.rows.find((r) => r.currency === 'eur')!;
    expect(eur.reporting).toEqual({ gross: 0, fees: 0, net: 0 });
    expect(eur.unconverted).toEqual({ eur: { gross: 8_000, fees: 270, net: 7_730 } });
    // A yen gift settled in dollars is converted — by Stripe, at its rate — so it counts.
    expect(report.rows.find((r) => r.currency === 'jpy')!.reporting).toEqual({ gross: 6_700, fees: 220, net: 6_480 });
    expect(report.totals.reporting).toEqual({ gross: 16_700, fees: 520, net: 16_180 });
    expect(report.unconverted).toEqual({ eur: { gross: 8_000, fees: 270, net: 7_730 }, gbp: { gross: -1_000, fees: 0, net: -1_000 } });
    expect(report.totals.given).toEqual({ usd: 10_000, eur: 8_000, jpy: 10_000, gbp: -1_000 });
  });

  it('keeps only lines within from..to (inclusive months) and reads async pages', async () => {
    async function* pages() {
      for (const month of ['2026-05', '2026-06', '2026-07', '2026-08']) yield line({ date: `${month}-01T00:00:00.000Z` });
      yield line({ date: '2026-07-31' });
    }
    const report = await buildReport(pages(), { groupBy: ['month'], reportingCurrency: 'usd', from: '2026-06', to: '2026-07' });
    expect(report.rows.map((r) => [r.month, r.gifts])).toEqual([['2026-06', 1], ['2026-07', 2]]);
    expect(report.totals.gifts).toBe(3);
    expect(report).toMatchObject({ from: '2026-06', to: '2026-07' });
  });

  it('gives one row equal to the totals when grouped by nothing, and zeros for no lines', async () => {
    const lines = [line(), line({ donorCategory: 'government' })];
    const report = await buildReport(lines, { groupBy: [], reportingCurrency: 'usd' });
    expect(report.rows).toEqual([report.totals]);
    const empty = await buildReport([], { groupBy: ['month'], reportingCurrency: 'usd' });
    expect(empty.rows).toEqual([]);
    expect(empty.totals.reporting).toEqual({ gross: 0, fees: 0, net: 0 });
  });

  it.each([
    [{ from: '2026-13' }],
    [{ to: '26-07' }],
    [{ from: '2026-08', to: '2026-07' }],
    [{ reportingCurrency: 'dollars' }],
    [{ groupBy: ['country'] }],
  ])('refuses options %j', async (bad) => {
    await expect(buildReport([], { groupBy: ['month'], reportingCurrency: 'usd', ...bad } as never)).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('reportCsv', () => {
  it('writes BOM, CRLF, a header, major units by the currency’s decimals, negative numbers as numbers, and a totals row', async () => {
    const report = await buildReport(
      [
        line({ amount: 123_450 }),
        undo('refund', 2_500, 0),
        line({ amount: 1_000, currency: 'jpy', settled: { amount: 1_000, fee: 36, currency: 'jpy' } }),
      ],
      { groupBy: ['currency'], reportingCurrency: 'usd' },
    );
    const csv = reportCsv(report);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(parseCsv(csv)).toEqual([
      ['currency', 'gifts', 'undoings', 'reversals', 'given', 'gross_usd', 'fees_usd', 'net_usd', 'unconverted_gross_jpy', 'unconverted_fees_jpy', 'unconverted_net_jpy'],
      ['jpy', '1', '0', '0', '1000', '0.00', '0.00', '0.00', '1000', '36', '964'],
      ['usd', '1', '1', '0', '1209.50', '1209.50', '37.04', '1172.46', '0', '0', '0'],
      ['total', '2', '1', '0', '', '1209.50', '37.04', '1172.46', '1000', '36', '964'],
    ]);
  });

  it('writes one given column per currency when not grouped by currency; a negative total stays a plain number', async () => {
    const report = await buildReport([undo('refund', 2_500, 0), line({ amount: 500, currency: 'jpy', settled: { amount: 330, fee: 0, currency: 'usd' } })], {
      groupBy: ['category'],
      reportingCurrency: 'usd',
    });
    const rows = parseCsv(reportCsv(report));
    expect(rows[0]).toEqual(['category', 'gifts', 'undoings', 'reversals', 'given_jpy', 'given_usd', 'gross_usd', 'fees_usd', 'net_usd']);
    expect(rows[1]).toEqual(['individual', '1', '1', '0', '500', '-25.00', '-21.70', '0.00', '-21.70']);
    expect(rows.at(-1)![0]).toBe('total');
  });

  it('writes only the totals row when grouped by nothing', async () => {
    const rows = parseCsv(reportCsv(await buildReport([line()], { groupBy: [], reportingCurrency: 'usd' })));
    expect(rows).toEqual([
      ['gifts', 'undoings', 'reversals', 'given_usd', 'gross_usd', 'fees_usd', 'net_usd'],
      ['1', '0', '0', '100.00', '100.00', '3.00', '97.00'],
    ]);
  });
});
