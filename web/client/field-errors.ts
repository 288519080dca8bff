/** One problem the API (or the page's own check) found with a field. */
export interface FieldError {
  field: string;
  message: string;
}

export interface FieldErrorsOptions {
  /** The input an error is about, or null when the page has no such field. */
  controlFor: (field: string) => HTMLElement | null;
  /** The element that shows the field's error (with its own translated wording in `data-message`). */
  errorFor: (field: string) => HTMLElement | null;
}

const CONTAINER = '.field, [data-field]';

/**
 * Errors next to the fields, for every enhanced form: the message (the page's own translated
 * wording when it has one), `aria-invalid`, and the message tied to the input through
 * `aria-describedby`. Returns the marked fields, and the messages it had no field for.
 */
export function fieldErrors(form: HTMLFormElement, options: FieldErrorsOptions) {
  const clear = (): void => {
    for (const error of form.querySelectorAll<HTMLElement>('.field-error')) {
      error.hidden = true;
      error.textContent = '';
      error.closest(CONTAINER)?.classList.remove('field-has-error');
    }
    for (const control of form.querySelectorAll<HTMLElement>('[aria-invalid]')) {
      control.removeAttribute('aria-invalid');
      const describedBy = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
      if (describedBy.length > 0) control.setAttribute('aria-describedby', describedBy.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  };

  /** `ownMessage`: show the given message (the page's own check) rather than the field's wording. */
  const show = (fields: FieldError[], ownMessage = false): { marked: Array<{ text: string; control: HTMLElement; field: string }>; unmatched: string[] } => {
    const seen = new Set<string>();
    const marked: Array<{ text: string; control: HTMLElement; field: string }> = [];
    const unmatched: string[] = [];
    for (const { field, message } of fields) {
      if (seen.has(field)) continue;
      seen.add(field);
      const control = options.controlFor(field);
      const error = options.errorFor(field);
      if (!control || !error) {
        unmatched.push(message);
        continue;
      }
      const text = (ownMessage && message) || error.dataset.message || message;
      error.textContent = text;
      error.hidden = false;
      error.closest(CONTAINER)?.classList.add('field-has-error');
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [error.id, control.getAttribute('aria-describedby')].filter(Boolean).join(' '));
      marked.push({ text, control, field });
    }
    return { marked, unmatched };
  };

  return { clear, show };
}

/** The error summary above a form: a linked list of what to fix, focused so it is read first. */
export function showErrorSummary(summary: HTMLElement | null | undefined, list: Element | null | undefined, items: Array<{ text: string; target?: HTMLElement }>): void {
  if (!summary || !list) return;
  list.replaceChildren(
    ...items.map(({ text, target }) => {
      const item = document.createElement('li');
      if (target) {
        const link = document.createElement('a');
        link.href = `#${target.id}`;
        link.textContent = text;
        link.addEventListener('click', (event) => {
          event.preventDefault();
          target.focus();
        });
        item.append(link);
      } else {
        item.textContent = text;
      }
      return item;
    }),
  );
  summary.hidden = false;
  summary.focus();
}
