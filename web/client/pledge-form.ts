import { fieldErrors, showErrorSummary, type FieldError } from './field-errors.js';
import { isLanguage } from '../../functions/domain/shared/languages.js';
import { API, pageHref } from '../site/paths.js';
import { pageLanguage } from './counts.js';
import { isFresh, solveProofOfWork, type Proof } from './proof-of-work.js';
import { busyButton } from './busy-button.js';

/**
 * Enhances the pledge form: solves the proof of work in the background once the form is first
 * focused, posts JSON, and shows the API's validation errors next to the fields (aria-invalid,
 * aria-describedby, a focused summary). Anything unexpected falls back to the plain form post.
 */
export function initPledgeForm(form: HTMLFormElement): void {
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  const summaryList = summary?.querySelector('[data-error-list]');
  const submitting = busyButton(form.querySelector<HTMLButtonElement>('button[type="submit"]'));
  let proof: Proof | undefined;
  let solving: AbortController | undefined;

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

  const errors = fieldErrors(form, {
    controlFor: (field) => document.getElementById(`pledge-${field}`),
    errorFor: (field) => document.getElementById(`pledge-${field}-error`),
  });
  const clearErrors = (): void => {
    errors.clear();
    if (summary) summary.hidden = true;
  };
  const showFieldErrors = (fields: FieldError[]): void => {
    const { marked, unmatched } = errors.show(fields);
    showErrorSummary(summary, summaryList, [...marked.map(({ text, control }) => ({ text, target: control })), ...unmatched.map((text) => ({ text }))]);
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
    if (submitting.busy) return;
    submitting.start();
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
    const done = (): void => {
      submitting.done();
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
          else showErrorSummary(summary, summaryList, [{ text: form.dataset.errorGeneric ?? '' }]);
        } else if (response.status === 429) {
          showErrorSummary(summary, summaryList, [{ text: form.dataset.errorRateLimited ?? '' }]);
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
