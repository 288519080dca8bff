/**
 * Finance · Periods: the months of a year with their lock; lock a past month (reason optional)
 * or unlock one (reason required), through one small form under the table.
 */
import { send } from './api.js';
import { $, el, say, utc } from './dom.js';
import { busy, clearFieldErrors, formValues, reportError } from './finance-forms.js';
import { monthOf } from './finance-format.js';
import type { PeriodLock } from './finance-types.js';

let changing: { period: string; lock: boolean } | null = null;

export async function loadPeriods(): Promise<void> {
  const form = $<HTMLFormElement>('periods-form');
  const { year = '' } = formValues(form);
  try {
    const { periods } = await send<{ periods: Array<{ period: string; lock: PeriodLock | null }> }>('GET', `/api/finance/periods?${new URLSearchParams({ year })}`);
    render(periods);
    $('periods-caption').textContent = periods.length ? `The months of ${year} so far: ${periods.filter((p) => p.lock?.locked).length} locked.` : `${year} has not begun.`;
  } catch (error) {
    reportError(form, error);
  }
}

function render(periods: Array<{ period: string; lock: PeriodLock | null }>): void {
  const current = monthOf(new Date());
  $('periods-rows').replaceChildren(
    ...periods.map(({ period, lock }) => {
      const locked = Boolean(lock?.locked);
      const over = period < current;
      const action = el('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `${locked ? 'Unlock' : 'Lock'} ${period}` }, locked ? 'Unlock' : 'Lock');
      action.addEventListener('click', () => ask(period, !locked));
      const cell = el('td', {}, over || locked ? action : el('span', { class: 'hint' }, 'Not over yet'));
      return el(
        'tr',
        { 'data-period': period },
        el('th', { scope: 'row' }, period),
        el('td', {}, el('span', { class: `badge ${locked ? 'badge-locked' : 'badge-neutral'}` }, locked ? 'Locked' : 'Open')),
        el('td', {}, lock ? `${lock.locked ? 'Locked' : 'Unlocked'} by ${lock.by}, ${utc(lock.at)}` : '—'),
        el('td', {}, lock?.reason ?? '—'),
        cell,
      );
    }),
  );
}

function ask(period: string, lock: boolean): void {
  changing = { period, lock };
  const form = $<HTMLFormElement>('period-form');
  clearFieldErrors(form);
  $('period-form-title').textContent = `${lock ? 'Lock' : 'Unlock'} ${period}`;
  $('period-reason-hint').textContent = lock
    ? 'Optional. Once locked, no payout of the month can be signed off or reopened and no bank receipt in it changes.'
    : 'Required: it is kept in the audit log.';
  $<HTMLTextAreaElement>('period-reason').required = !lock;
  $<HTMLTextAreaElement>('period-reason').value = '';
  $('period-confirm').textContent = `${lock ? 'Lock' : 'Unlock'} ${period}`;
  $('period-confirm').className = `button ${lock ? 'button-primary' : 'button-danger'}`;
  form.hidden = false;
  $('period-form-title').focus();
}

export function setUpPeriods(): void {
  $<HTMLInputElement>('periods-year').value = String(new Date().getUTCFullYear());
  $('periods-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadPeriods();
  });
  const form = $<HTMLFormElement>('period-form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!changing) return;
    const { period, lock } = changing;
    const { reason } = formValues(form);
    void busy(form, [$('period-confirm')], async () => {
      await send<PeriodLock>('POST', `/api/finance/periods/${period}/${lock ? 'lock' : 'unlock'}`, reason ? { reason } : {});
      form.hidden = true;
      changing = null;
      await loadPeriods();
      say(`${period} ${lock ? 'locked' : 'unlocked'}.`);
    });
  });
  $('period-cancel').addEventListener('click', () => {
    form.hidden = true;
    changing = null;
  });
}

export function resetPeriods(): void {
  $('period-form').hidden = true;
  changing = null;
}
