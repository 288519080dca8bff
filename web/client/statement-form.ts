import { fillTemplate } from '../i18n/plural.js';
import { API } from '../site/paths.js';
import { fieldErrors, type FieldError } from './field-errors.js';
import { busyButton } from './busy-button.js';

/** The fields the form shows errors for; anything else the API names goes to the live region. */
const FIELDS = ['email', 'year'] as const;

/**
 * Enhances the statement form (pages/components/statement-form.tsx): posts JSON and then says,
 * in the live region, "If this address gave in {year}, a statement is on its way" whatever the
 * answer (202, a rate limit, a server error): the answer must not tell whether the address gave,
 * and the API sends nothing more. Only a 400 is different: its field errors show next to the
 * fields. A request that never left (offline) gets the generic error, so the donor can retry.
 */
export function initStatementForm(form: HTMLFormElement): void {
  const data = form.dataset;
  const status = form.querySelector<HTMLElement>('[data-statement-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const submitting = busyButton(button);

  const say = (text: string): void => {
    if (!status) return;
    // Emptied first, so the same sentence twice is announced twice.
    status.textContent = '';
    if (text) {
      window.setTimeout(() => {
        status.textContent = text;
      }, 50);
    }
  };

  const errors = fieldErrors(form, {
    controlFor: (field) => (FIELDS.includes(field as (typeof FIELDS)[number]) ? document.getElementById(`statement-${field}`) : null),
    errorFor: (field) => document.getElementById(`statement-${field}-error`),
  });
  const clearErrors = errors.clear;

  /** Marks the fields the API refused; the first one gets the focus. Unknown fields: the generic error. */
  const showFieldErrors = (fields: FieldError[]): void => {
    const { marked, unmatched } = errors.show(fields);
    if (unmatched.length > 0 || marked.length === 0) say(data.errorGeneric ?? '');
    marked[0]?.control.focus();
  };

  const done = submitting.done;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submitting.busy) return;
    clearErrors();
    const fields = new FormData(form);
    const text = (name: string): string => String(fields.get(name) ?? '').trim();
    const year = Number(text('year'));
    const lang = text('language') || document.documentElement.lang;
    // Inserted years keep their own direction inside Arabic sentences (as the build's `translate`).
    const shownYear = document.documentElement.dir === 'rtl' ? `\u2068${year}\u2069` : String(year);
    submitting.start();
    say('');
    fetch(API.donationsAnnualReceipt, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email: text('email'), year, language: lang }),
    })
      .then(async (response) => {
        if (response.status === 400) {
          const answer = (await response.json().catch(() => undefined)) as { error?: { fields?: unknown } } | undefined;
          showFieldErrors(Array.isArray(answer?.error?.fields) ? (answer.error.fields as FieldError[]) : []);
        } else {
          say(fillTemplate(data.sent ?? '', { year: shownYear }));
        }
        done();
      })
      .catch(() => {
        say(data.errorGeneric ?? '');
        done();
      });
  });
}
