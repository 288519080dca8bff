/**
 * Validation errors, from the editor's own checks or the API's `fields`: a message under each
 * input (aria-invalid + aria-describedby) and a summary of links to them that takes focus.
 */
import type { Language } from '../../functions/domain/shared/languages.js';
import type { FieldError } from './api.js';
import { $, el } from './dom.js';
import { describePath, inputPathFor } from './campaign-rules.js';

export function clearErrors(): void {
  for (const message of document.querySelectorAll('#campaign-form .field-error')) message.remove();
  for (const input of document.querySelectorAll<HTMLElement>('#campaign-form [aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    const rest = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.includes('-error-'));
    if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
    else input.removeAttribute('aria-describedby');
  }
  $('campaign-errors').hidden = true;
}

/**
 * Shows the errors and focuses the summary. `reveal` is called with the language of an error in
 * a hidden column, so that column can be shown.
 */
export function showErrors(errors: FieldError[], reveal: (language: Language) => void, message = 'The draft was not saved. Correct these and save again:'): void {
  clearErrors();
  const paths = [...document.querySelectorAll<HTMLElement>('#campaign-form [data-path]')].map((input) => input.dataset.path!);
  const list = $('campaign-error-list');
  list.replaceChildren();
  errors.forEach((error, i) => {
    const path = inputPathFor(error.field, paths);
    const input = path ? document.querySelector<HTMLElement>(`#campaign-form [data-path="${path}"]`) : null;
    const text = `${describePath(error.field)}: ${error.message}`;
    if (!input) {
      list.append(el('li', {}, text));
      return;
    }
    const cell = input.closest<HTMLElement>('[data-lang]');
    if (cell?.hidden) reveal(cell.dataset.lang as Language);
    const id = `${input.id}-error-${i}`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    input.insertAdjacentElement('afterend', el('p', { id, class: 'field-error' }, error.message));
    const link = el('a', { href: `#${input.id}` }, text);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      input.focus();
    });
    list.append(el('li', {}, link));
  });
  $('campaign-error-intro').textContent = message;
  const summary = $('campaign-errors');
  summary.hidden = false;
  summary.focus();
}
