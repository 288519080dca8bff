/** Finance · Audit log: every finance action of a range of months, newest first. */
import { send } from './api.js';
import { $, el, utc } from './dom.js';
import { formValues, reportError } from './finance-forms.js';
import { AUDIT_WORDS, describeChange, monthOf, monthsBefore } from './finance-format.js';
import type { AuditEntry } from './finance-types.js';

export async function loadAudit(): Promise<void> {
  const form = $<HTMLFormElement>('audit-form');
  const { from = '', to = '' } = formValues(form);
  try {
    const { entries } = await send<{ entries: AuditEntry[] }>('GET', `/api/finance/audit?${new URLSearchParams({ from, to })}`);
    $('audit-rows').replaceChildren(
      ...entries.map((entry) => {
        const changes = describeChange(entry.before, entry.after);
        return el(
          'tr',
          { 'data-action': entry.action },
          el('td', {}, utc(entry.at)),
          el('td', {}, entry.by),
          el('td', {}, AUDIT_WORDS[entry.action] ?? entry.action),
          el('td', {}, el('code', {}, entry.subject)),
          el('td', {}, changes.length ? el('ul', { class: 'changes' }, ...changes.map((line) => el('li', {}, line))) : '—'),
          el('td', {}, entry.reason ?? '—'),
        );
      }),
    );
    $('audit-caption').textContent = entries.length ? `${entries.length} action(s) from ${from} to ${to}, newest first.` : `No finance action from ${from} to ${to}.`;
  } catch (error) {
    reportError(form, error);
  }
}

export function setUpAudit(): void {
  const month = monthOf(new Date());
  $<HTMLInputElement>('audit-from').value = monthsBefore(month, 2);
  $<HTMLInputElement>('audit-to').value = month;
  $('audit-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadAudit();
  });
}
