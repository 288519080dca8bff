import { periodsBetween, type PayoutLine, type Period, type ReceiptLine } from './finance.js';
import { offlineReceiptsBetween } from './finance-queries.js';
import { journalCsv, journalEntries } from './journal.js';
import type { FinanceDeps } from './ports.js';
import { receiptLineOfEntry, receiptLineOfOffline } from './receipt-lines.js';
import { buildReport, reportCsv, type Report, type ReportDimension } from './report.js';

export interface PeriodRange {
  from: Period;
  to: Period;
}

/** The first instant of the month after `period`. */
function monthAfter(period: Period): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1)).toISOString();
}

/** Every receipt of the months: the ledger's Stripe entries page by page, then approved bank transfers. */
export async function* receiptLinesBetween(deps: FinanceDeps, range: PeriodRange): AsyncIterable<ReceiptLine> {
  for await (const page of deps.ledger.entriesBetween(`${range.from}-01T00:00:00.000Z`, monthAfter(range.to))) {
    for (const entry of page) yield receiptLineOfEntry(entry);
  }
  for (const receipt of await offlineReceiptsBetween(deps, range)) if (receipt.status === 'approved') yield receiptLineOfOffline(receipt);
}

export function financeReport(deps: FinanceDeps, range: PeriodRange, groupBy: ReportDimension[]): Promise<Report> {
  return buildReport(receiptLinesBetween(deps, range), { groupBy, reportingCurrency: deps.reportingCurrency, ...range });
}

export async function financeReportCsv(deps: FinanceDeps, range: PeriodRange, groupBy: ReportDimension[]): Promise<string> {
  return reportCsv(await financeReport(deps, range, groupBy));
}

/** The journal of the months: every receipt, and every paid payout that arrived in them. */
export async function journalCsvBetween(deps: FinanceDeps, range: PeriodRange): Promise<string> {
  const receipts: ReceiptLine[] = [];
  for await (const line of receiptLinesBetween(deps, range)) receipts.push(line);
  const records = (await Promise.all(periodsBetween(range.from, range.to).map((period) => deps.store.payoutRecordsIn(period)))).flat();
  const payouts: PayoutLine[] = records
    .filter((record) => record.payout.status === 'paid')
    .map(({ payout }) => ({ id: payout.id, date: payout.arrivalDate, amount: payout.amount, currency: payout.currency }));
  return journalCsv(journalEntries(receipts, payouts));
}
