/**
 * Finance · Reports: receipts of a range of months grouped as asked, as a table and as a bar
 * chart of the net in the reporting currency; the same report and the journal as CSV files.
 */
import { api, send } from './api.js';
import { $, el, errorMessage, say } from './dom.js';
import { barChart, chartSummary, type Bar } from './finance-chart.js';
import { busy, download, formValues, reportError } from './finance-forms.js';
import { CATEGORY_WORDS, monthOf, money } from './finance-format.js';
import { noteReportingCurrency } from './finance-receipts.js';
import type { MoneyTotals, Report, ReportDimension, ReportRow } from './finance-types.js';

const DIMENSION_WORDS: Record<ReportDimension, string> = { month: 'Month', category: 'Donor category', campaign: 'Campaign', currency: 'Currency given' };

function query(): { from: string; to: string; groupBy: string } {
  const form = $<HTMLFormElement>('report-form');
  const { from = '', to = '' } = formValues(form);
  const groupBy = new FormData(form).getAll('groupBy').map(String);
  return { from, to, groupBy: groupBy.join(',') };
}

const dimensionText = (row: ReportRow, dimension: ReportDimension): string => {
  const value = row[dimension];
  if (value === undefined) return '—';
  if (dimension === 'category') return CATEGORY_WORDS[value] ?? value;
  if (dimension === 'campaign') return value === 'none' ? 'No campaign' : value;
  if (dimension === 'currency') return value.toUpperCase();
  return value;
};

const rowLabel = (row: ReportRow, groupBy: readonly ReportDimension[]): string => groupBy.map((d) => dimensionText(row, d)).join(' · ');

/** One amount a line: `1,000.00 USD`, `40,000 JPY`. */
const amounts = (entries: Array<[string, string]>): Node | string =>
  entries.length ? el('ul', { class: 'amounts' }, ...entries.map(([, text]) => el('li', {}, text))) : '—';
const perCurrency = (given: Partial<Record<string, number>>) => amounts(Object.entries(given).map(([currency, minor]) => [currency, money(minor ?? 0, currency)]));
const unconvertedText = (unconverted: Record<string, MoneyTotals>) => amounts(Object.entries(unconverted).map(([currency, totals]) => [currency, `net ${money(totals.net, currency)}`]));

function cells(row: ReportRow, report: Report, heading: Node | string | null): HTMLElement[] {
  const currency = report.reportingCurrency;
  return [
    ...(heading === null ? report.groupBy.map((d, i) => el(i === 0 ? 'th' : 'td', { ...(i === 0 ? { scope: 'row' } : {}), class: 'nowrap' }, dimensionText(row, d))) : [el('th', { scope: 'row', colspan: Math.max(report.groupBy.length, 1) }, heading)]),
    el('td', { class: 'numeric' }, String(row.gifts)),
    el('td', { class: 'numeric' }, String(row.undoings)),
    el('td', { class: 'numeric' }, String(row.reversals)),
    el('td', { class: 'numeric' }, perCurrency(row.given)),
    el('td', { class: 'numeric' }, money(row.reporting.gross, currency)),
    el('td', { class: 'numeric' }, money(row.reporting.fees, currency)),
    el('td', { class: 'numeric', 'data-col': 'net' }, money(row.reporting.net, currency)),
    el('td', {}, unconvertedText(row.unconverted)),
  ];
}

function render(report: Report): void {
  const currency = report.reportingCurrency.toUpperCase();
  $('report-head').replaceChildren(
    el(
      'tr',
      {},
      ...report.groupBy.map((d) => el('th', { scope: 'col' }, DIMENSION_WORDS[d])),
      ...['Gifts', 'Refunds, disputes', 'Disputes won'].map((title) => el('th', { scope: 'col', class: 'numeric' }, title)),
      el('th', { scope: 'col', class: 'numeric' }, 'Given (as given)'),
      ...['Gross', 'Fees', 'Net'].map((title) => el('th', { scope: 'col', class: 'numeric' }, `${title} (${currency})`)),
      el('th', { scope: 'col' }, 'Not converted'),
    ),
  );
  $('report-rows').replaceChildren(...report.rows.map((row) => el('tr', { 'data-row': rowLabel(row, report.groupBy) }, ...cells(row, report, null))));
  $('report-totals').replaceChildren(el('tr', {}, ...cells(report.totals, report, 'Total')));
  $('report-caption').textContent = `Receipts from ${report.from} to ${report.to} by ${report.groupBy.map((d) => DIMENSION_WORDS[d].toLowerCase()).join(' and ')}: ${report.rows.length} row(s), amounts in ${currency}; what Stripe settled in other currencies is under “Not converted”.`;

  const bars: Bar[] = report.rows.map((row) => ({ label: rowLabel(row, report.groupBy), value: row.reporting.net, text: money(row.reporting.net, report.reportingCurrency) }));
  const figure = $('report-chart');
  figure.querySelector('svg')?.remove();
  figure.hidden = bars.length === 0;
  if (bars.length === 0) return;
  const title = `Net receipts in ${currency} per row`;
  $('report-chart-caption').textContent = `${title}. The table above has the same figures.`;
  figure.prepend(barChart(bars, { id: 'report-chart-svg', title, summary: chartSummary(bars, `net receipts in ${currency}`) }));
}

export async function loadReport(): Promise<void> {
  const form = $<HTMLFormElement>('report-form');
  try {
    const { report } = await send<{ report: Report }>('GET', `/api/finance/reports?${new URLSearchParams(query())}`);
    noteReportingCurrency(report.reportingCurrency);
    render(report);
  } catch (error) {
    reportError(form, error);
  }
}

async function csv(button: HTMLButtonElement, url: string, name: string): Promise<void> {
  await busy($('report-form'), [button], async () => {
    const saved = await download(await api(url), name);
    say(`${saved} downloaded.`);
  });
}

export function setUpReports(): void {
  const month = monthOf(new Date());
  $<HTMLInputElement>('report-from').value = `${month.slice(0, 4)}-01`;
  $<HTMLInputElement>('report-to').value = month;
  $('report-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadReport().catch((error: unknown) => say(errorMessage(error)));
  });
  const report = $<HTMLButtonElement>('report-csv');
  report.addEventListener('click', () => {
    const q = query();
    void csv(report, `/api/finance/reports.csv?${new URLSearchParams(q)}`, `blue-heart-receipts-${q.from}-to-${q.to}.csv`);
  });
  const journal = $<HTMLButtonElement>('journal-csv');
  journal.addEventListener('click', () => {
    const { from, to } = query();
    void csv(journal, `/api/finance/journal.csv?${new URLSearchParams({ from, to })}`, `blue-heart-journal-${from}-to-${to}.csv`);
  });
}

export function resetReports(): void {
  $('report-chart').hidden = true;
  $('report-chart').querySelector('svg')?.remove();
  $('report-caption').textContent = 'Choose the months and show the report.';
}
