import { isLanguage } from '../../functions/domain/shared/languages.js';
import { API, pageHref } from '../site/paths.js';
import { pageLanguage } from './counts.js';
import { isFresh, solveProofOfWork, type Proof } from './proof-of-work.js';

interface FieldError {
  field: string;
  message: string;
}

/**
 * Enhances the pledge form: solves the proof of work in the background once the form is first
 * focused, posts JSON, and shows the API's validation errors next to the fields (aria-invalid,
 * aria-describedby, a focused summary). Anything unexpected falls back to the plain form post.
 */
export function initPledgeForm(form: HTMLFormElement): void {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  const summaryList = summary?.querySelector('[data-error-list]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  let proof: Proof | undefined;
  let solving: AbortController | undefined;
  let busy = false;

  const startSolving = (): void => {
    solving?.abort();
    const controller = new AbortController();
    solving = controller;
    proof = undefined;
    void solveProofOfWork(controller.signal).then((solved) => {
      if (solving === controller) proof = solved;
    });
  };
  form.addEventListener('focusin', startSolving, { once: true });

  // The browser's own "please fill in this field" bubbles speak the browser's language; give
  // them the page's wording instead, and clear it as soon as the field changes.
  form.addEventListener(
    'invalid',
    (event) => {
      const control = event.target as HTMLInputElement;
      const message = document.getElementById(`${control.id}-error`)?.dataset.message;
      if (message && control.validity.customError === false) control.setCustomValidity(message);
    },
    true,
  );
  const resetValidity = (event: Event): void => (event.target as HTMLInputElement).setCustomValidity?.('');
  form.addEventListener('input', resetValidity, true);
  form.addEventListener('change', resetValidity, true);

  const clearErrors = (): void => {
    for (const error of form.querySelectorAll<HTMLElement>('.field-error')) {
      error.hidden = true;
      error.textContent = '';
      const control = document.getElementById(error.id.replace(/-error$/, ''));
      control?.removeAttribute('aria-invalid');
      const describedBy = (control?.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
      if (describedBy.length > 0) control?.setAttribute('aria-describedby', describedBy.join(' '));
      else control?.removeAttribute('aria-describedby');
      error.closest('.field')?.classList.remove('field-has-error');
    }
    if (summary) summary.hidden = true;
  };

  const showSummary = (items: { text: string; target?: HTMLElement }[]): void => {
    if (!summary || !summaryList) return;
    summaryList.replaceChildren(
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
  };

  const showFieldErrors = (fields: FieldError[]): void => {
    const seen = new Set<string>();
    const items: { text: string; target?: HTMLElement }[] = [];
    for (const { field, message } of fields) {
      if (seen.has(field)) continue;
      seen.add(field);
      const control = document.getElementById(`pledge-${field}`);
      const error = document.getElementById(`pledge-${field}-error`);
      if (!control || !error) {
        items.push({ text: message });
        continue;
      }
      const text = error.dataset.message || message;
      error.textContent = text;
      error.hidden = false;
      error.closest('.field')?.classList.add('field-has-error');
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', [error.id, control.getAttribute('aria-describedby')].filter(Boolean).join(' '));
      items.push({ text, target: control });
    }
    showSummary(items);
  };

  /** The plain form post, with the proof when there is one. */
  const postForm = (withProof: Proof | undefined): void => {
    if (withProof) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'altcha';
      input.value = withProof.payload;
      form.append(input);
    }
    HTMLFormElement.prototype.submit.call(form);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    clearErrors();
    const data = new FormData(form);
    const text = (name: string): string => String(data.get(name) ?? '').trim();
    const sentProof = isFresh(proof) ? proof : undefined;
    const body = {
      name: text('name'),
      email: text('email'),
      country: text('country'),
      language: text('language'),
      showOnWall: data.has('showOnWall'),
      wantsUpdates: data.has('wantsUpdates'),
      ...(text('organisation') ? { organisation: text('organisation') } : {}),
      ...(data.has('chapter') ? { chapter: text('chapter') } : {}),
      website: String(data.get('website') ?? ''),
      ...(sentProof ? { altcha: sentProof.payload } : {}),
    };
    const label = button?.textContent ?? '';
    if (button) {
      button.setAttribute('aria-disabled', 'true');
      button.textContent = button.dataset.sendingLabel ?? label;
    }
    const done = (): void => {
      busy = false;
      if (button) {
        button.removeAttribute('aria-disabled');
        button.textContent = label;
      }
      // A proof is accepted once: whatever happened to this one, get a fresh one for next time.
      if (sentProof) startSolving();
    };
    fetch(API.pledges, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    })
      .then(async (response) => {
        if (response.ok) {
          const language = isLanguage(body.language) ? body.language : pageLanguage();
          location.assign(pageHref(language as Parameters<typeof pageHref>[0], form.dataset.nextPath ?? ''));
          return;
        }
        if (response.status === 400) {
          const answer = (await response.json().catch(() => undefined)) as { error?: { fields?: unknown } } | undefined;
          const fields = Array.isArray(answer?.error?.fields) ? (answer.error.fields as FieldError[]) : [];
          if (fields.length > 0) showFieldErrors(fields);
          else showSummary([{ text: form.dataset.errorGeneric ?? '' }]);
        } else if (response.status === 429) {
          showSummary([{ text: form.dataset.errorRateLimited ?? '' }]);
        } else {
          postForm(undefined);
        }
        done();
      })
      .catch(() => {
        done();
        postForm(undefined);
      });
  });
}
