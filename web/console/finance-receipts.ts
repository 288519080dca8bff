/**
 * Finance · Bank receipts (offline receipts, maker–checker): record one from the bank statement
 * in major units as printed ("1 250,50"), list them by value date, approve those someone else
 * recorded, reject with a reason.
 */
import type { FieldError } from './api.js';
import { claims, send, token } from './api.js';
import { $, el, say, utc } from './dom.js';
import { busy, clearFieldErrors, formValues, reportError, showFieldErrors } from './finance-forms.js';
import { CATEGORY_WORDS, isCurrency, monthOf, monthsBefore, money, parseTypedAmount, type Currency } from './finance-format.js';
import type { OfflineReceipt } from './finance-types.js';

/** The deployment's reporting currency (GET /api/finance/settings; reports say it too). */
let reportingCurrency = 'usd';
export function noteReportingCurrency(currency: string): void {
  reportingCurrency = currency.toLowerCase();
  for (const label of document.querySelectorAll('[data-bind="reporting-currency"]')) label.textContent = reportingCurrency.toUpperCase();
}

const me = (): string => claims(token() ?? '').username ?? '';
let rejecting: OfflineReceipt | null = null;

export async function loadReceipts(): Promise<void> {
  const form = $<HTMLFormElement>('receipts-form');
  const { from = '', to = '' } = formValues(form);
  try {
    const [{ receipts }, settings] = await Promise.all([
      send<{ receipts: OfflineReceipt[] }>('GET', `/api/finance/offline-receipts?${new URLSearchParams({ from, to })}`),
      send<{ reportingCurrency: string }>('GET', '/api/finance/settings'),
    ]);
    noteReportingCurrency(settings.reportingCurrency);
    render(receipts);
    const pending = receipts.filter((r) => r.status === 'pending').length;
    $('receipts-caption').textContent = receipts.length ? `${receipts.length} receipt(s) with a value date from ${from} to ${to}, ${pending} waiting for approval.` : `No receipt with a value date from ${from} to ${to}.`;
  } catch (error) {
    reportError(form, error);
  }
}

function render(receipts: OfflineReceipt[]): void {
  const user = me();
  $('receipts-rows').replaceChildren(
    ...receipts.map((receipt) => {
      const actions = el('td', {});
      if (receipt.status === 'pending') {
        const own = receipt.recordedBy === user;
        const whyId = `receipt-${receipt.id}-why`;
        const approve = el('button', { type: 'button', class: 'button button-primary button-small', 'aria-label': `Approve ${receipt.bankReference}`, ...(own ? { disabled: true, 'aria-describedby': whyId } : {}) }, 'Approve');
        const reject = el('button', { type: 'button', class: 'button button-danger button-small', 'aria-label': `Reject ${receipt.bankReference}` }, 'Reject');
        approve.addEventListener('click', () => void decide(receipt, approve));
        reject.addEventListener('click', () => askReason(receipt));
        actions.append(el('span', { class: 'row-actions' }, approve, reject));
        if (own) actions.append(el('span', { id: whyId, class: 'hint block' }, 'You recorded this receipt: another finance user must approve it.'));
      } else {
        actions.textContent = '—';
      }
      const status =
        receipt.status === 'pending'
          ? el('span', { class: 'badge badge-pending' }, 'Waiting for approval')
          : el('span', { class: `badge ${receipt.status === 'approved' ? 'badge-clean' : 'badge-discrepancies'}` }, receipt.status === 'approved' ? 'Approved' : 'Rejected');
      return el(
        'tr',
        { 'data-receipt': receipt.id, 'data-status': receipt.status },
        el('td', { class: 'nowrap' }, receipt.valueDate),
        el('td', {}, receipt.donorName, el('span', { class: 'hint block' }, CATEGORY_WORDS[receipt.donorCategory] ?? receipt.donorCategory)),
        el('td', {}, receipt.campaignYear ? String(receipt.campaignYear) : '—'),
        el('td', { class: 'numeric' }, money(receipt.amount, receipt.currency)),
        el('td', { class: 'numeric' }, money(receipt.settledAmount, receipt.settledCurrency)),
        el('td', {}, receipt.bankReference, receipt.note ? el('span', { class: 'hint block' }, receipt.note) : ''),
        el('td', {}, receipt.recordedBy, el('span', { class: 'hint block' }, utc(receipt.recordedAt))),
        el(
          'td',
          {},
          status,
          receipt.decidedBy ? el('span', { class: 'hint block' }, `by ${receipt.decidedBy}, ${utc(receipt.decidedAt!)}`) : '',
          receipt.rejectionReason ? el('span', { class: 'hint block' }, `Why: ${receipt.rejectionReason}`) : '',
        ),
        actions,
      );
    }),
  );
}

async function decide(receipt: OfflineReceipt, button: HTMLButtonElement): Promise<void> {
  await busy($('receipts-rows'), [button], async () => {
    await send<OfflineReceipt>('POST', `/api/finance/offline-receipts/${receipt.id}/approve`);
    await loadReceipts();
    say(`Receipt ${receipt.bankReference} approved: it counts from now on.`);
  });
}

function askReason(receipt: OfflineReceipt): void {
  rejecting = receipt;
  const form = $<HTMLFormElement>('reject-form');
  clearFieldErrors(form);
  $('reject-form-title').textContent = `Reject ${receipt.bankReference} (${receipt.donorName}, ${money(receipt.amount, receipt.currency)})`;
  $<HTMLTextAreaElement>('reject-reason').value = '';
  form.hidden = false;
  $('reject-form-title').focus();
}

/** The form's input as the API wants it, amounts in minor units; errors the browser can tell at once. */
function readReceipt(form: HTMLFormElement): { body: Record<string, unknown>; errors: FieldError[] } {
  const values = formValues(form);
  const errors: FieldError[] = [];
  const currency = (values.currency ?? 'usd') as Currency;
  const { amount: typed, settledAmount: typedSettled, campaignYear, ...rest } = values;
  const body: Record<string, unknown> = { ...rest, currency };
  if (typed !== undefined) {
    const amount = parseTypedAmount(typed, currency);
    if (amount === undefined) errors.push({ field: 'amount', message: `is not an amount in ${currency.toUpperCase()} (${currency === 'jpy' ? 'whole yen' : 'at most two decimals'})` });
    else body.amount = amount;
  }
  if (typedSettled !== undefined) {
    const settled = isCurrency(reportingCurrency) ? parseTypedAmount(typedSettled, reportingCurrency) : undefined;
    if (settled === undefined) errors.push({ field: 'settledAmount', message: `is not an amount in ${reportingCurrency.toUpperCase()}` });
    else body.settledAmount = settled;
  }
  if (campaignYear !== undefined) body.campaignYear = Number(campaignYear);
  return { body, errors };
}

export function setUpReceipts(): void {
  const now = new Date();
  $<HTMLInputElement>('receipts-from').value = monthsBefore(monthOf(now), 2);
  $<HTMLInputElement>('receipts-to').value = monthOf(now);
  $<HTMLInputElement>('receipt-date').max = now.toISOString().slice(0, 10);
  $('receipts-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadReceipts();
  });

  const form = $<HTMLFormElement>('receipt-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { body, errors } = readReceipt(form);
    if (errors.length) {
      showFieldErrors(form, errors);
      say('The receipt was not recorded: correct the amounts.');
      return;
    }
    void busy(form, [$('receipt-record')], async () => {
      const receipt = await send<OfflineReceipt>('POST', '/api/finance/offline-receipts', body);
      noteReportingCurrency(receipt.settledCurrency);
      form.reset();
      const month = receipt.valueDate.slice(0, 7);
      const from = $<HTMLInputElement>('receipts-from');
      const to = $<HTMLInputElement>('receipts-to');
      if (month < from.value) from.value = month;
      if (month > to.value) to.value = month;
      await loadReceipts();
      say(`Receipt ${receipt.bankReference} recorded (${money(receipt.amount, receipt.currency)}). It counts once another finance user approves it.`);
    });
  });

  const reject = $<HTMLFormElement>('reject-form');
  reject.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!rejecting) return;
    const receipt = rejecting;
    const { reason = '' } = formValues(reject);
    void busy(reject, [$('reject-confirm')], async () => {
      await send<OfflineReceipt>('POST', `/api/finance/offline-receipts/${receipt.id}/reject`, { reason });
      reject.hidden = true;
      rejecting = null;
      await loadReceipts();
      say(`Receipt ${receipt.bankReference} rejected.`);
    });
  });
  $('reject-cancel').addEventListener('click', () => {
    reject.hidden = true;
    rejecting = null;
  });
}

export function resetReceipts(): void {
  $('reject-form').hidden = true;
  rejecting = null;
}
