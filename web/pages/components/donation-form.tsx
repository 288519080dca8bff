import type { Child } from 'hono/jsx';
import { CURRENCIES, CURRENCY_RULES, type Currency } from '../../../functions/domain/donations/currencies.js';
import { DONOR_CATEGORIES, EARMARKS } from '../../../functions/domain/donations/donation.js';
import { translate } from '../../i18n/index.js';
import { defaultCurrency, formatMoney, majorAmountValue } from '../../site/money.js';
import { API, PAGE_PATHS, pageHref } from '../../site/paths.js';
import type { PageContext } from '../context.js';

/**
 * Field names of the donate form, as `POST /api/donations/checkout` reads a plain form post.
 * ids are `donate-<name>`. `amount` is the checked suggestion (major units); `customAmount`, when
 * filled in, replaces it; `showName` unticked means anonymous. The script posts JSON instead
 * (`amount` in minor units, `anonymous`).
 */
export const DONATION_FIELDS = [
  'currency',
  'amount',
  'customAmount',
  'frequency',
  'donorCategory',
  'showName',
  'displayName',
  'dedication',
  'earmark',
  'campaignYear',
  'language',
  'idempotencyKey',
] as const;

/** The suggested gifts of a currency as radio data: the posted value and the label. */
export function suggestedAmounts(lang: string, currency: Currency): { value: string; label: string }[] {
  return CURRENCY_RULES[currency].suggested.map((minor) => ({ value: majorAmountValue(minor, currency), label: formatMoney(lang, minor, currency) }));
}

let currencyNames: Map<string, Intl.DisplayNames> | undefined;

/** "US Dollar (USD)", "dollar des États-Unis (USD)" … in the page language. */
export function currencyLabel(lang: string, currency: Currency): string {
  currencyNames ??= new Map();
  let names = currencyNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'currency' });
    currencyNames.set(lang, names);
  }
  const name = names.of(currency.toUpperCase()) ?? currency.toUpperCase();
  return `${name.charAt(0).toLocaleUpperCase(lang)}${name.slice(1)} (${currency.toUpperCase()})`;
}

/**
 * The donate form. A plain HTML form post works (the API answers 303 to Stripe's checkout);
 * client/donate-form.ts enhances it: suggested amounts follow the currency, amounts are checked
 * with the domain's own rules, JSON is posted with an idempotency key, errors show next to the
 * fields. Card details are never asked for here: Stripe's page takes them.
 */
export function DonationForm({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const g = t.giving;
  const currency = defaultCurrency(lang);
  const rules = CURRENCY_RULES[currency];
  const suggestions = suggestedAmounts(lang, currency);
  const range = { min: formatMoney(lang, rules.min, currency), max: formatMoney(lang, rules.max, currency) };
  return (
    <form
      class="donate-form"
      method="post"
      action={API.donationsCheckout}
      accept-charset="utf-8"
      data-donate-form
      data-error-generic={t.form.errorGeneric}
      data-error-rate-limited={t.form.errorRateLimited}
      data-range-hint={g.customAmountHint}
      data-range-error={g.amountOutOfRange}
    >
      <div class="error-summary" tabindex={-1} data-error-summary hidden>
        <h2 class="error-summary-title">{t.form.errorSummaryTitle}</h2>
        <ul data-error-list></ul>
      </div>
      <Field name="currency" label={g.currency} hint={g.currencyHint} error={g.fieldErrors.currency}>
        <select id="donate-currency" name="currency" required aria-describedby="donate-currency-hint">
          {CURRENCIES.map((code) => (
            <option value={code} selected={code === currency}>
              {currencyLabel(lang, code)}
            </option>
          ))}
        </select>
      </Field>
      <fieldset class="choices amount-choices" data-field="amount">
        <legend>{g.amount}</legend>
        <p class="field-error" id="donate-amount-error" data-message={g.fieldErrors.amount} hidden></p>
        <div class="amount-options" data-amount-options>
          {suggestions.map(({ value, label }, index) => (
            <div class="amount-option">
              <input id={`donate-amount-${index}`} name="amount" type="radio" value={value} checked={index === 1} />
              <label for={`donate-amount-${index}`}>{label}</label>
            </div>
          ))}
        </div>
        <div class="field custom-amount">
          <label for="donate-customAmount">{g.customAmount}</label>
          <p class="hint" id="donate-customAmount-hint" data-amount-hint>
            {translate(lang, g.customAmountHint, range)}
          </p>
          <input
            id="donate-customAmount"
            name="customAmount"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            maxlength={13}
            class="amount-input"
            aria-describedby="donate-customAmount-hint"
          />
        </div>
      </fieldset>
      <Choices name="frequency" legend={g.frequency} error={g.fieldErrors.frequency} options={[['once', g.once], ['monthly', g.monthly]]} />
      <Choices
        name="donorCategory"
        legend={g.donorCategory}
        error={g.fieldErrors.donorCategory}
        options={DONOR_CATEGORIES.map((category) => [category, g.categories[category]])}
      />
      <div class="checkbox show-name">
        <input id="donate-showName" name="showName" type="checkbox" value="on" />
        <label for="donate-showName">{g.showName}</label>
      </div>
      <Field name="displayName" label={g.displayName} optional={t.form.optional} hint={g.displayNameHint} error={g.fieldErrors.displayName}>
        <input id="donate-displayName" name="displayName" type="text" autocomplete="name" maxlength={80} aria-describedby="donate-displayName-hint" />
      </Field>
      <Field name="dedication" label={g.dedication} optional={t.form.optional} hint={g.dedicationHint} error={g.fieldErrors.dedication}>
        <input id="donate-dedication" name="dedication" type="text" maxlength={200} aria-describedby="donate-dedication-hint" />
      </Field>
      <Field name="earmark" label={g.earmark} optional={t.form.optional} error={g.fieldErrors.earmark}>
        <select id="donate-earmark" name="earmark">
          <option value="">{g.earmarkNone}</option>
          {EARMARKS.map(({ id }) => (
            <option value={id}>{g.earmarks[id]}</option>
          ))}
        </select>
      </Field>
      {ctx.campaign ? <input type="hidden" name="campaignYear" value={String(ctx.campaign.year)} /> : null}
      <input type="hidden" name="language" value={lang} />
      <input type="hidden" name="idempotencyKey" value="" data-idempotency-key />
      <p class="privacy-note payment-note">{g.paymentNote}</p>
      <button type="submit" class="button button-primary button-large" data-sending-label={g.sending}>
        {g.submit}
      </button>
      <p class="larger-gifts">
        <a href={pageHref(lang, PAGE_PATHS.trustFund)}>{g.largerGifts}</a>
      </p>
    </form>
  );
}

/** A group of radio buttons; the first is chosen. The first radio is `donate-<name>` (errors point at it). */
function Choices(props: { name: string; legend: string; error: string; options: (readonly [string, string])[] }) {
  return (
    <fieldset class="choices radio-choices" data-field={props.name}>
      <legend>{props.legend}</legend>
      <p class="field-error" id={`donate-${props.name}-error`} data-message={props.error} hidden></p>
      {props.options.map(([value, label], index) => {
        const id = index === 0 ? `donate-${props.name}` : `donate-${props.name}-${value}`;
        return (
          <div class="checkbox radio">
            <input id={id} name={props.name} type="radio" value={value} checked={index === 0} />
            <label for={id}>{label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

interface FieldProps {
  name: string;
  label: string;
  optional?: string;
  hint?: string;
  error: string;
  children: Child;
}

function Field(props: FieldProps) {
  const id = `donate-${props.name}`;
  return (
    <div class="field" data-field={props.name} id={`${id}-field`}>
      <label for={id}>
        {props.label}
        {props.optional ? <span class="marker"> ({props.optional})</span> : null}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <p class="field-error" id={`${id}-error`} data-message={props.error} hidden></p>
      {props.children}
    </div>
  );
}
