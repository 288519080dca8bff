import type { Currency } from '../donations/currencies.js';
import { DONOR_CATEGORIES, type DonorCategory } from '../donations/donation.js';
import { CSV_BOM, csvCell, csvLine, csvNumber } from '../shared/csv.js';
import { AppError } from '../shared/errors.js';
import { PERIOD_PATTERN, periodOf, type Period, type ReceiptLine } from './finance.js';
import { formatMinor } from './money-format.js';

/** What a report's rows are grouped by. `month` is the UTC calendar month of the line's date. */
export type ReportDimension = 'month' | 'category' | 'campaign' | 'currency';
/** The order dimensions appear in rows, columns and sorting, whatever order they were asked in. */
const DIMENSIONS: readonly ReportDimension[] = ['month', 'category', 'campaign', 'currency'];

/** In minor units of one currency: gross (settled amount) − fees = net. */
export interface MoneyTotals {
  gross: number;
  fees: number;
  net: number;
}

export interface ReportRow {
  /** Dimension values, present for the dimensions grouped by (none on the totals row). */
  month?: Period;
  category?: DonorCategory;
  /** The campaign year, or `none`. */
  campaign?: string;
  /** The currency the donor gave in. */
  currency?: Currency;
  gifts: number;
  /** Refunds and disputes. */
  undoings: number;
  /** Disputes won (`dispute_reversal`): money that came back. */
  reversals: number;
  /** Sum of signed amounts as given, per given currency (one key when grouped by currency). */
  given: Partial<Record<Currency, number>>;
  /** Lines settled in the reporting currency. */
  reporting: MoneyTotals;
  /** Lines settled in any other currency, per settlement currency: never converted at an invented rate. */
  unconverted: Record<string, MoneyTotals>;
}

export interface Report {
  groupBy: ReportDimension[];
  reportingCurrency: string;
  from?: Period;
  to?: Period;
  rows: ReportRow[];
  totals: ReportRow;
  /** The totals' unconverted amounts: what the report could not express in the reporting currency. */
  unconverted: Record<string, MoneyTotals>;
}

export interface ReportOptions {
  groupBy: ReportDimension[];
  reportingCurrency: string;
  /** Inclusive periods (`2026-07`). */
  from?: Period;
  to?: Period;
}

/** Receipts grouped and summed in one pass over the lines (which may be streamed page by page). */
export async function buildReport(lines: Iterable<ReceiptLine> | AsyncIterable<ReceiptLine>, options: ReportOptions): Promise<Report> {
  const { from, to } = checkOptions(options);
  const groupBy = DIMENSIONS.filter((d) => options.groupBy.includes(d));
  const reportingCurrency = options.reportingCurrency.toLowerCase();
  const rows = new Map<string, ReportRow>();
  const totals = emptyRow({});

  for await (const line of lines) {
    const month = periodOf(line.date);
    if ((from && month < from) || (to && month > to)) continue;
    const values: Partial<Record<ReportDimension, string>> = {
      month,
      category: line.donorCategory,
      campaign: line.campaignYear === undefined ? 'none' : String(line.campaignYear),
      currency: line.currency,
    };
    const key = JSON.stringify(groupBy.map((d) => values[d]));
    let row = rows.get(key);
    if (!row) {
      row = emptyRow(Object.fromEntries(groupBy.map((d) => [d, values[d]])));
      rows.set(key, row);
    }
    add(row, line, reportingCurrency);
    add(totals, line, reportingCurrency);
  }

  return {
    groupBy,
    reportingCurrency,
    ...(from && { from }),
    ...(to && { to }),
    rows: [...rows.values()].sort(compareRows),
    totals,
    unconverted: totals.unconverted,
  };
}

function checkOptions({ groupBy, reportingCurrency, from, to }: ReportOptions): { from?: Period; to?: Period } {
  const fields = [
    ...groupBy.filter((d) => !DIMENSIONS.includes(d)).map(() => ({ field: 'groupBy', message: `must be among ${DIMENSIONS.join(', ')}` })),
    ...(/^[a-z]{3}$/i.test(reportingCurrency) ? [] : [{ field: 'reportingCurrency', message: 'must be a three-letter currency code' }]),
    ...(from !== undefined && !PERIOD_PATTERN.test(from) ? [{ field: 'from', message: 'must be a month, YYYY-MM' }] : []),
    ...(to !== undefined && !PERIOD_PATTERN.test(to) ? [{ field: 'to', message: 'must be a month, YYYY-MM' }] : []),
    ...(from && to && from > to ? [{ field: 'to', message: 'must not be before from' }] : []),
  ];
  if (fields.length > 0) throw new AppError('validation_failed', 'The report options are not valid.', { fields });
  return { from, to };
}

const zero = (): MoneyTotals => ({ gross: 0, fees: 0, net: 0 });

function emptyRow(values: Partial<Record<ReportDimension, string>>): ReportRow {
  return { ...(values as Partial<ReportRow>), gifts: 0, undoings: 0, reversals: 0, given: {}, reporting: zero(), unconverted: {} };
}

function add(row: ReportRow, line: ReceiptLine, reportingCurrency: string): void {
  if (line.kind === 'gift') row.gifts++;
  else if (line.kind === 'dispute_reversal') row.reversals++;
  else row.undoings++;
  row.given[line.currency] = (row.given[line.currency] ?? 0) + line.amount;
  const settledIn = line.settled.currency.toLowerCase();
  const money = settledIn === reportingCurrency ? row.reporting : (row.unconverted[settledIn] ??= zero());
  money.gross += line.settled.amount;
  money.fees += line.settled.fee;
  money.net += line.settled.amount - line.settled.fee;
}

/** Month ascending, category in DONOR_CATEGORIES order, campaign newest first (`none` last), currency ascending. */
function compareRows(a: ReportRow, b: ReportRow): number {
  const campaignRank = (c: string | undefined) => (c === undefined || c === 'none' ? -1 : Number(c));
  return (
    compareText(a.month, b.month) ||
    DONOR_CATEGORIES.indexOf(a.category!) - DONOR_CATEGORIES.indexOf(b.category!) ||
    campaignRank(b.campaign) - campaignRank(a.campaign) ||
    compareText(a.currency, b.currency)
  );
}

const compareText = (a = '', b = ''): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The report as CSV: dimension columns, counts, what was given (one `given` column in the row's
 * currency when grouped by currency, else one `given_<currency>` column per currency), the
 * reporting currency's gross, fees and net, then gross, fees and net per unconverted currency.
 * The last row is the totals (`total` in the first column). Amounts are plain major-unit
 * numbers written as numbers; every text cell goes through csvCell.
 */
export function reportCsv(report: Report): string {
  const byCurrency = report.groupBy.includes('currency');
  const givenCurrencies = Object.keys(report.totals.given).sort() as Currency[];
  const unconverted = Object.keys(report.unconverted).sort();
  const rc = report.reportingCurrency;
  const header = [
    ...report.groupBy,
    'gifts', 'undoings', 'reversals',
    ...(byCurrency ? ['given'] : givenCurrencies.map((c) => `given_${c}`)),
    `gross_${rc}`, `fees_${rc}`, `net_${rc}`,
    ...unconverted.flatMap((c) => [`unconverted_gross_${c}`, `unconverted_fees_${c}`, `unconverted_net_${c}`]),
  ];
  const amount = (minor: number, currency: string) => csvNumber(formatMinor(minor, currency));
  const line = (row: ReportRow, labels: string[]) =>
    csvLine([
      ...labels.map(csvCell),
      ...[row.gifts, row.undoings, row.reversals].map(String),
      // Summing across given currencies means nothing, so the totals row leaves `given` empty.
      ...(byCurrency ? [row.currency ? amount(row.given[row.currency] ?? 0, row.currency) : ''] : givenCurrencies.map((c) => amount(row.given[c] ?? 0, c))),
      amount(row.reporting.gross, rc), amount(row.reporting.fees, rc), amount(row.reporting.net, rc),
      ...unconverted.flatMap((c) => {
        const money = row.unconverted[c] ?? zero();
        return [amount(money.gross, c), amount(money.fees, c), amount(money.net, c)];
      }),
    ]);
  const rows = report.groupBy.length > 0 ? report.rows.map((row) => line(row, report.groupBy.map((d) => row[d] ?? ''))) : [];
  const totalLabels = report.groupBy.map((_, i) => (i === 0 ? 'total' : ''));
  return `${CSV_BOM}${csvLine(header.map(csvCell))}${rows.join('')}${line(report.totals, totalLabels)}`;
}
