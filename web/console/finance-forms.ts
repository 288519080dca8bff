/**
 * The finance area's forms: the API's per-field errors shown at their inputs (aria-invalid,
 * aria-describedby, a message under the input), the outcome in the live region, and the submit
 * button disabled while a request is out (no double sign-off, no double receipt).
 */
import { ApiError, type FieldError } from './api.js';
import { el, errorMessage, say } from './dom.js';

export function clearFieldErrors(form: HTMLElement): void {
  for (const message of form.querySelectorAll('.field-error')) message.remove();
  for (const input of form.querySelectorAll<HTMLElement>('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    const rest = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
    else input.removeAttribute('aria-describedby');
  }
}

/** Puts each error under the input named after its field; returns the errors no input owns. */
export function showFieldErrors(form: HTMLElement, fields: readonly FieldError[]): FieldError[] {
  clearFieldErrors(form);
  const unplaced: FieldError[] = [];
  let first: HTMLElement | null = null;
  for (const error of fields) {
    const input = form.querySelector<HTMLElement>(`[name="${CSS.escape(error.field)}"]`);
    if (!input || !input.id) {
      unplaced.push(error);
      continue;
    }
    const id = `${input.id}-error`;
    document.getElementById(id)?.remove();
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    const label = form.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent?.trim() ?? error.field;
    input.insertAdjacentElement('afterend', el('p', { id, class: 'field-error' }, `${label}: ${error.message}`));
    first ??= input;
  }
  first?.focus();
  return unplaced;
}

/** An error from a form's request: at the inputs when the API named fields, and in the live region. */
export function reportError(form: HTMLElement, error: unknown): void {
  if (error instanceof ApiError && error.fields.length > 0) {
    const unplaced = showFieldErrors(form, error.fields);
    say([error.message, ...unplaced.map((field) => `${field.field} ${field.message}`)].join(' '));
    return;
  }
  say(errorMessage(error));
}

/**
 * Disables a button for a reason the page says (a locked month, your own receipt), or enables
 * it; `busy` leaves buttons disabled this way disabled after a request.
 */
export function allow(button: HTMLButtonElement, why?: string): void {
  button.disabled = why !== undefined;
  if (why === undefined) delete button.dataset.disabledWhy;
  else button.dataset.disabledWhy = why;
}

/** Runs a form's request with its buttons disabled meanwhile; errors are reported at the form. */
export async function busy(form: HTMLElement, buttons: HTMLButtonElement[], work: () => Promise<void>): Promise<void> {
  for (const button of buttons) button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    clearFieldErrors(form);
    await work();
  } catch (error) {
    reportError(form, error);
  } finally {
    form.removeAttribute('aria-busy');
    for (const button of buttons) button.disabled = button.dataset.disabledWhy !== undefined;
  }
}

/** A form's fields as strings, trimmed, empty ones left out. */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value.trim() !== '') values[key] = value.trim();
  return values;
}

/** A file from the API (CSV): fetched with the bearer token, saved through an object URL. */
export async function download(response: Response, fallbackName: string): Promise<string> {
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const blob = await response.blob();
  const link = el('a', { href: URL.createObjectURL(blob), download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1_000);
  return name;
}
