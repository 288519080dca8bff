/**
 * Finance · Payouts: the payouts that arrived in a date range, and one payout in detail — its
 * totals per currency, its discrepancies, its lines — with Run again, Mark reconciled (with a
 * note) and Reopen (with a reason), all refused while its month is locked.
 */
import { send } from './api.js';
import { $, el, errorMessage, say, utc } from './dom.js';
import { allow, busy, formValues, reportError } from './finance-forms.js';
import { DISCREPANCY_WORDS, OUTCOME_WORDS, dateOnly, daysAgo, discrepancyTitle, discrepancyValue, money } from './finance-format.js';
import { TRIGGER_WORDS, type Discrepancy, type PayoutDetail, type PayoutListItem, type PayoutRecord, type PayoutSeen } from './finance-types.js';

const path = (id: string, action = '') => `/api/finance/payouts/${encodeURIComponent(id)}${action}`;
const discrepancyCount = (record: PayoutRecord | null): number =>
  Object.values(record?.lastRun?.counts.discrepancies ?? {}).reduce((sum, n) => sum + n, 0);

let open: PayoutSeen | null = null;
/** Set when another part sends the user to a payout: its heading takes focus once shown. */
let focusNext = false;

export async function loadPayouts(): Promise<void> {
  const form = $<HTMLFormElement>('payouts-form');
  const { from = '', to = '' } = formValues(form);
  try {
    const { payouts } = await send<{ payouts: PayoutListItem[] }>('GET', `/api/finance/payouts?${new URLSearchParams({ from, to })}`);
    renderList(payouts);
    $('payouts-caption').textContent = payouts.length
      ? `${payouts.length} payout(s) arrived from ${from} to ${to}, newest first.`
      : `No payout arrived from ${from} to ${to}.`;
  } catch (error) {
    reportError(form, error);
  }
}

function renderList(payouts: PayoutListItem[]): void {
  const rows = $<HTMLTableSectionElement>('payouts-rows');
  rows.replaceChildren();
  for (const { payout, record, locked } of payouts) {
    const period = payout.arrivalDate.slice(0, 7);
    const run = record?.lastRun;
    const openButton = el('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Open payout ${payout.id} of ${money(payout.amount, payout.currency)}` }, 'Open');
    openButton.addEventListener('click', () => void openPayout(payout));
    const row = el(
      'tr',
      { 'data-payout': payout.id, ...(open?.id === payout.id ? { 'aria-current': 'true' } : {}) },
      el('td', {}, dateOnly(payout.arrivalDate)),
      el('td', {}, el('code', {}, payout.id), payout.status && payout.status !== 'paid' ? el('span', { class: 'hint block' }, `Stripe: ${payout.status.replace('_', ' ')}`) : ''),
      el('td', { class: 'numeric' }, money(payout.amount, payout.currency)),
      el('td', {}, period, locked ? el('span', { class: 'badge badge-locked' }, 'Locked') : ''),
      el('td', {}, stateBadge(record)),
      el('td', {}, run ? el('span', { class: `badge badge-${run.status}` }, run.status === 'clean' ? 'Clean' : 'Discrepancies') : 'Not run yet', run ? el('span', { class: 'hint block' }, utc(run.at)) : ''),
      el('td', { class: 'numeric', 'data-col': 'discrepancies' }, run ? String(discrepancyCount(record)) : '—'),
      el('td', {}, openButton),
    );
    rows.append(row);
  }
}

const stateBadge = (record: PayoutRecord | null): HTMLElement =>
  !record
    ? el('span', { class: 'badge' }, 'Not reconciled yet')
    : record.state === 'reconciled'
      ? el('span', { class: 'badge badge-clean' }, 'Reconciled')
      : el('span', { class: 'badge badge-pending' }, 'Unreviewed');

/** A table body of discrepancies (also the latest check's findings). */
export function renderDiscrepancies(body: HTMLTableSectionElement, discrepancies: readonly Discrepancy[]): void {
  body.replaceChildren(
    ...discrepancies.map((d) =>
      el(
        'tr',
        { 'data-kind': d.kind },
        el('th', { scope: 'row' }, discrepancyTitle(d.kind), el('span', { class: 'hint block' }, DISCREPANCY_WORDS[d.kind]?.meaning ?? '')),
        el('td', {}, d.balanceTransactionId ? el('code', {}, d.balanceTransactionId) : '—'),
        el('td', {}, d.entryId ? el('code', {}, d.entryId) : '—'),
        el('td', { class: 'numeric' }, discrepancyValue(d.stripe, d.currency)),
        el('td', { class: 'numeric' }, discrepancyValue(d.ledger, d.currency)),
        el('td', {}, d.detail),
      ),
    ),
  );
}

export async function openPayout(seen: PayoutSeen, options: { focus?: boolean } = {}): Promise<void> {
  try {
    const detail = await send<PayoutDetail>('GET', path(seen.id));
    open = { ...seen, ...detail.payout };
    renderDetail(open, detail);
    for (const row of $('payouts-rows').querySelectorAll('tr')) row.toggleAttribute('aria-current', row.dataset.payout === seen.id);
    $('payout-detail').hidden = false;
    if (options.focus !== false) $('payout-title').focus();
  } catch (error) {
    say(errorMessage(error));
  }
}

function fact(list: HTMLElement, term: string, ...value: Array<Node | string>): void {
  list.append(el('dt', {}, term), el('dd', {}, ...value));
}

function renderDetail(payout: PayoutSeen, { record, locked, reconciliation }: PayoutDetail): void {
  const period = payout.arrivalDate.slice(0, 7);
  document.querySelector('[data-bind="payout-id"]')!.textContent = payout.id;
  const facts = $('payout-facts');
  facts.replaceChildren();
  fact(facts, 'Paid to the bank', money(payout.amount, payout.currency));
  fact(facts, 'Arrival date', dateOnly(payout.arrivalDate), payout.status ? ` (Stripe: ${payout.status.replace('_', ' ')})` : '');
  fact(facts, 'Month', period, locked ? el('span', { class: 'badge badge-locked' }, 'Locked') : ' (open)');
  fact(facts, 'State', stateBadge(record), record?.state === 'reconciled' ? ` by ${record.reconciledBy} on ${utc(record.reconciledAt!)}` : '');
  if (record?.note) fact(facts, 'Note', record.note);
  const run = record?.lastRun;
  fact(
    facts,
    'Last kept run',
    run ? `${run.status === 'clean' ? 'Clean' : 'Discrepancies'}, ${utc(run.at)}, ${TRIGGER_WORDS[run.trigger] ?? run.trigger}${run.by ? ` (${run.by})` : ''}` : 'None yet: run it to keep its findings.',
  );
  fact(facts, 'Now', `${reconciliation.status === 'clean' ? 'Clean' : 'Discrepancies'}, computed just now from Stripe and the ledger${run && run.status !== reconciliation.status ? ' — not what the last kept run found: run it again to keep this' : ''}.`);

  $('payout-totals').replaceChildren(
    ...reconciliation.totals.map((total) => {
      const expected = total.currency === payout.currency ? payout.amount : 0;
      const equal = total.net === expected;
      const adds = total.gross - total.fees === total.net;
      return el(
        'tr',
        { 'data-currency': total.currency },
        el('th', { scope: 'row' }, total.currency.toUpperCase()),
        el('td', { class: 'numeric' }, String(total.transactions)),
        el('td', { class: 'numeric' }, money(total.gross, total.currency)),
        el('td', { class: 'numeric' }, `− ${money(total.fees, total.currency)}`),
        el('td', { class: 'numeric' }, `= ${money(total.net, total.currency)}`, adds ? '' : el('span', { class: 'hint block' }, 'gross − fees does not give this net')),
        el('td', { class: 'numeric' }, money(expected, total.currency)),
        el('td', {}, el('span', { class: `badge badge-${equal ? 'clean' : 'discrepancies'}` }, equal ? 'Yes' : `No: off by ${money(total.net - expected, total.currency)}`)),
      );
    }),
  );

  const counts = Object.entries(reconciliation.counts.discrepancies).filter(([, n]) => n > 0);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  $('payout-discrepancy-summary').textContent = total
    ? `${total} discrepanc${total === 1 ? 'y' : 'ies'}: ${counts.map(([kind, n]) => `${n} × ${discrepancyTitle(kind).toLowerCase()}`).join(', ')}.`
    : `No discrepancies: all ${reconciliation.counts.lines} lines agree with the ledger.`;
  $('payout-discrepancy-table').parentElement!.hidden = total === 0;
  renderDiscrepancies($('payout-discrepancies'), reconciliation.discrepancies);

  $('payout-lines-caption').textContent = `${reconciliation.counts.lines} line(s): ${reconciliation.counts.matched} matched, ${reconciliation.counts.stripeOnly} Stripe only`;
  $('payout-lines').replaceChildren(
    ...reconciliation.lines.map(({ balanceTransaction: txn, entryId, outcome, discrepancies }) =>
      el(
        'tr',
        { 'data-outcome': outcome },
        el('td', {}, el('code', {}, txn.id)),
        el('td', {}, txn.type),
        el('td', {}, txn.sourceId ? el('code', {}, txn.sourceId) : '—'),
        el('td', { class: 'numeric' }, money(txn.amount, txn.currency)),
        el('td', { class: 'numeric' }, money(txn.fee, txn.currency)),
        el('td', { class: 'numeric' }, money(txn.net, txn.currency)),
        el('td', {}, entryId ? el('code', {}, entryId) : '—'),
        el('td', {}, el('span', { class: `badge badge-${outcome === 'discrepancy' ? 'discrepancies' : outcome === 'matched' ? 'clean' : 'neutral'}` }, OUTCOME_WORDS[outcome] ?? outcome), ...discrepancies.map((d) => el('span', { class: 'hint block' }, discrepancyTitle(d.kind)))),
      ),
    ),
  );

  const lockedWhy = locked ? `${period} is locked: nothing about this payout can change until the month is unlocked (Periods), with a reason.` : undefined;
  const notice = $('payout-locked');
  notice.hidden = !locked;
  notice.textContent = lockedWhy ?? '';
  const reconciled = record?.state === 'reconciled';
  $('payout-mark-form').hidden = reconciled;
  $('payout-reopen-form').hidden = !reconciled;
  allow($('payout-run'), lockedWhy);
  allow($('payout-mark'), lockedWhy ?? (record ? undefined : 'Run it first: nothing is kept for this payout yet.'));
  allow($('payout-reopen'), lockedWhy);
  if (!locked && !record) {
    notice.hidden = false;
    notice.textContent = 'Run it first: nothing is kept for this payout yet, so it cannot be marked reconciled.';
  }
  for (const [id, hint] of [['payout-run', 'payout-run-hint'], ['payout-mark', ''], ['payout-reopen', '']] as const) {
    const button = $(id);
    const describedBy = button.dataset.disabledWhy ? 'payout-locked' : hint;
    if (describedBy) button.setAttribute('aria-describedby', describedBy);
    else button.removeAttribute('aria-describedby');
  }
  $<HTMLTextAreaElement>('payout-note').required = run?.status !== 'clean';
  $<HTMLTextAreaElement>('payout-note').value = '';
  $<HTMLTextAreaElement>('payout-reason').value = '';
}

/** The list again, and the payout open below it (a month may have been locked meanwhile). */
export async function refreshPayouts(): Promise<void> {
  const focus = focusNext;
  focusNext = false;
  await Promise.all([loadPayouts(), ...(open ? [openPayout(open, { focus })] : [])]);
}

/** Opens this payout when the Payouts part is next shown (from the latest check). */
export function openPayoutNext(seen: PayoutSeen): void {
  open = seen;
  focusNext = true;
}

/** After a change: the detail again, and the list, so both say the same. */
async function refresh(message: string): Promise<void> {
  await refreshPayouts();
  say(message);
}

export function setUpPayouts(): void {
  $<HTMLInputElement>('payouts-from').value = daysAgo(35);
  $<HTMLInputElement>('payouts-to').value = daysAgo(0);
  $('payouts-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadPayouts();
  });

  const run = $<HTMLButtonElement>('payout-run');
  run.addEventListener('click', () =>
    busy($('payout-detail'), [run], async () => {
      const record = await send<PayoutRecord>('POST', path(open!.id, '/reconcile'));
      await refresh(`Payout ${open!.id} reconciled again: ${record.lastRun?.status === 'clean' ? 'clean' : `${discrepancyCount(record)} discrepancy(ies)`}.`);
    }),
  );

  const markForm = $<HTMLFormElement>('payout-mark-form');
  markForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const { note } = formValues(markForm);
    void busy(markForm, [$('payout-mark')], async () => {
      await send<PayoutRecord>('POST', path(open!.id, '/mark-reconciled'), note ? { note } : {});
      await refresh(`Payout ${open!.id} marked reconciled.`);
    });
  });

  const reopenForm = $<HTMLFormElement>('payout-reopen-form');
  reopenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const { reason = '' } = formValues(reopenForm);
    void busy(reopenForm, [$('payout-reopen')], async () => {
      await send<PayoutRecord>('POST', path(open!.id, '/reopen'), { reason });
      await refresh(`Payout ${open!.id} reopened.`);
    });
  });
}

export function resetPayouts(): void {
  open = null;
  $('payout-detail').hidden = true;
}
