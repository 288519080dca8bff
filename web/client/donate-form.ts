import { fieldErrors, showErrorSummary, type FieldError } from './field-errors.js';
import { CURRENCY_RULES, isCurrency, parseMajorAmount, type Currency } from '../../functions/domain/donations/currencies.js';
import { fillTemplate } from '../i18n/plural.js';
import { asciiDigits, formatMoney, majorAmountValue } from '../site/money.js';
import { API } from '../site/paths.js';
import { pageLanguage } from './counts.js';
import { busyButton } from './busy-button.js';

/** A v4 UUID: `crypto.randomUUID` where the browser has it (secure contexts), the same from random bytes otherwise. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The amount a donor chose, in minor units: the typed amount when there is one (Arabic-Indic
 * digits accepted), the checked suggestion otherwise. The same rules as the API
 * (`parseMajorAmount`, then the currency's limits).
 */
export function chosenAmount(custom: string, suggested: string | undefined, currency: Currency): { amount: number } | { error: 'invalid' | 'range' } {
  const text = custom.trim() ? asciiDigits(custom) : (suggested ?? '');
  const amount = parseMajorAmount(text, currency);
  if (amount === undefined || amount <= 0) return { error: 'invalid' };
  const { min, max } = CURRENCY_RULES[currency];
  return amount < min || amount > max ? { error: 'range' } : { amount };
}

/**
 * Enhances the donate form (pages/components/donation-form.tsx): the suggested amounts follow
 * the currency, the amount is checked before posting, the gift goes as JSON with an
 * idempotency key made once per form (a double click or a retry never opens two checkouts),
 * the browser goes to the checkout URL, and the API's errors show next to the fields.
 */
export function initDonateForm(form: HTMLFormElement): void {
  const lang = pageLanguage();
  const data = form.dataset;
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  const summaryList = summary?.querySelector('[data-error-list]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const currencySelect = form.querySelector<HTMLSelectElement>('select[name="currency"]');
  const options = form.querySelector<HTMLElement>('[data-amount-options]');
  const custom = form.querySelector<HTMLInputElement>('input[name="customAmount"]');
  const hint = form.querySelector<HTMLElement>('[data-amount-hint]');
  const keyInput = form.querySelector<HTMLInputElement>('[data-idempotency-key]');
  const showName = form.querySelector<HTMLInputElement>('input[name="showName"]');
  const nameField = document.getElementById('donate-displayName-field');

  const currency = (): Currency => {
    const value = currencySelect?.value ?? '';
    return isCurrency(value) ? value : 'usd';
  };
  // Inserted amounts keep their own direction inside Arabic sentences (as the build's `translate`).
  const isolate = (value: string): string => (document.documentElement.dir === 'rtl' ? `\u2068${value}\u2069` : value);
  const range = (code: Currency) => ({
    min: isolate(formatMoney(lang, CURRENCY_RULES[code].min, code)),
    max: isolate(formatMoney(lang, CURRENCY_RULES[code].max, code)),
  });
  const newKey = (): void => {
    if (keyInput) keyInput.value = newIdempotencyKey();
  };
  newKey();

  // Back from Stripe's page with the back button (page restored from the cache): a new attempt.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    newKey();
    done();
  });

  /** The suggestions of the chosen currency; the same position stays checked. */
  const showSuggestions = (): void => {
    if (!options) return;
    const code = currency();
    const radios = [...options.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    const checkedAt = radios.findIndex((radio) => radio.checked);
    options.replaceChildren(
      ...CURRENCY_RULES[code].suggested.map((minor, index) => {
        const wrapper = document.createElement('div');
        wrapper.className = 'amount-option';
        const input = document.createElement('input');
        input.type = 'radio';
        input.name = 'amount';
        input.id = `donate-amount-${index}`;
        input.value = majorAmountValue(minor, code);
        input.checked = index === checkedAt;
        const label = document.createElement('label');
        label.htmlFor = input.id;
        label.textContent = formatMoney(lang, minor, code);
        wrapper.append(input, label);
        return wrapper;
      }),
    );
    if (hint) hint.textContent = fillTemplate(data.rangeHint ?? '', range(code));
  };
  currencySelect?.addEventListener('change', showSuggestions);
  showSuggestions();

  // A typed amount replaces the suggestion; choosing a suggestion clears the typed one.
  custom?.addEventListener('input', () => {
    if (!custom.value.trim()) return;
    for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="amount"]')) radio.checked = false;
  });
  options?.addEventListener('change', () => {
    if (custom) custom.value = '';
  });

  // The display name matters only when the name is shown.
  const syncName = (): void => {
    if (nameField && showName) nameField.hidden = !showName.checked;
  };
  showName?.addEventListener('change', syncName);
  syncName();

  /** The control an error points at: the typed amount (or the first suggestion), the first radio of a group. */
  const controlFor = (field: string): HTMLElement | null => {
    if (field === 'amount' || field === 'customAmount') {
      return custom && (custom.value.trim() || !form.querySelector('input[name="amount"]:checked'))
        ? custom
        : form.querySelector<HTMLElement>('input[name="amount"]:checked');
    }
    return document.getElementById(`donate-${field}`);
  };

  const errors = fieldErrors(form, {
    controlFor,
    errorFor: (field) => document.getElementById(`donate-${field}-error`),
  });
  const clearErrors = (): void => {
    errors.clear();
    if (summary) summary.hidden = true;
  };
  /** `ownMessage`: show the given message (the page's own check) rather than the field's wording. */
  const showFieldErrors = (fields: FieldError[], ownMessage = false): void => {
    // The API names the JSON fields; the page shows them as the form's fields.
    const named = fields.map(({ field, message }) => ({ field: field === 'customAmount' ? 'amount' : field === 'anonymous' ? 'showName' : field, message }));
    const { marked, unmatched } = errors.show(named, ownMessage);
    if (nameField && marked.some(({ field }) => field === 'displayName')) nameField.hidden = false;
    showErrorSummary(summary, summaryList, [...marked.map(({ text, control }) => ({ text, target: control })), ...unmatched.map((text) => ({ text }))]);
  };

  const submitting = busyButton(button);
  const done = submitting.done;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submitting.busy) return;
    clearErrors();
    const form_ = new FormData(form);
    const text = (name: string): string => String(form_.get(name) ?? '').trim();
    const code = currency();
    const chosen = chosenAmount(text('customAmount'), form_.get('amount')?.toString(), code);
    if ('error' in chosen) {
      const error = document.getElementById('donate-amount-error');
      const message = chosen.error === 'range' ? fillTemplate(data.rangeError ?? '', range(code)) : (error?.dataset.message ?? '');
      showFieldErrors([{ field: 'amount', message }], true);
      return;
    }
    submitting.start();
    const shown = form_.has('showName') && text('displayName') !== '';
    const year = Number(text('campaignYear'));
    const body = {
      amount: chosen.amount,
      currency: code,
      frequency: text('frequency') === 'monthly' ? 'monthly' : 'once',
      donorCategory: text('donorCategory') || 'individual',
      anonymous: !shown,
      ...(shown ? { displayName: text('displayName') } : {}),
      ...(text('dedication') ? { dedication: text('dedication') } : {}),
      ...(Number.isInteger(year) && year > 0 ? { campaignYear: year } : {}),
      ...(text('earmark') ? { earmark: text('earmark') } : {}),
      language: text('language') || lang,
      idempotencyKey: keyInput?.value || newIdempotencyKey(),
    };
    fetch(API.donationsCheckout, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    })
      .then(async (response) => {
        const answer = (await response.json().catch(() => undefined)) as { url?: unknown; error?: { fields?: unknown } } | undefined;
        if (response.ok && typeof answer?.url === 'string' && /^https?:\/\//i.test(answer.url)) {
          // Leaving for Stripe: the button stays busy, so a second click cannot post again.
          location.assign(answer.url);
          return;
        }
        if (response.status === 400 || response.status === 422) {
          // Refused, so no checkout was opened: the corrected form is a new attempt.
          newKey();
          const fields = Array.isArray(answer?.error?.fields) ? (answer.error.fields as FieldError[]) : [];
          if (fields.length > 0) showFieldErrors(fields);
          else showErrorSummary(summary, summaryList, [{ text: data.errorGeneric ?? '' }]);
        } else {
          // Maybe opened, maybe not: a retry keeps the key, so it cannot open a second checkout.
          showErrorSummary(summary, summaryList, [{ text: (response.status === 429 ? data.errorRateLimited : data.errorGeneric) ?? '' }]);
        }
        done();
      })
      .catch(() => {
        showErrorSummary(summary, summaryList, [{ text: data.errorGeneric ?? '' }]);
        done();
      });
  });
}
