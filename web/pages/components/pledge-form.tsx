import type { Child } from 'hono/jsx';
import type { Chapter } from '../../../functions/domain/chapters/chapters.js';
import { COUNTRY_CODES, countryName } from '../../../functions/domain/shared/countries.js';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../../functions/domain/shared/languages.js';
import { API, PAGE_PATHS, pageHref } from '../../site/paths.js';
import type { PageContext } from '../context.js';

/** Field names as the API reads them (POST /api/pledges); ids are `pledge-<name>`. */
export const PLEDGE_FIELDS = [
  'name',
  'email',
  'country',
  'language',
  'organisation',
  'showOnWall',
  'wantsUpdates',
  'website',
] as const;

const countryOptionsCache = new Map<Language, { code: string; name: string }[]>();

/** Every country, named and sorted the way the page language sorts (Intl.Collator). */
export function countryOptions(lang: Language): { code: string; name: string }[] {
  let options = countryOptionsCache.get(lang);
  if (!options) {
    const collator = new Intl.Collator(lang);
    options = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
      collator.compare(a.name, b.name),
    );
    countryOptionsCache.set(lang, options);
  }
  return options;
}

/**
 * The pledge form. It works as a plain HTML form post (the API answers 303 to the check-email
 * page); client/pledge-form.ts enhances it: proof of work in the background, a JSON post and
 * errors shown next to the fields. The `altcha` field is added by that script only, so a post
 * without JavaScript carries no proof at all rather than an empty one.
 */
export function PledgeForm({ ctx, chapter }: { ctx: PageContext; chapter?: Chapter | undefined }) {
  const { lang, t } = ctx;
  const f = t.form;
  return (
    <form
      class="pledge-form"
      method="post"
      action={API.pledges}
      accept-charset="utf-8"
      data-pledge-form
      data-next-path={PAGE_PATHS.checkEmail}
      data-error-generic={f.errorGeneric}
      data-error-rate-limited={f.errorRateLimited}
    >
      <div class="error-summary" tabindex={-1} data-error-summary hidden>
        <h2 class="error-summary-title">{f.errorSummaryTitle}</h2>
        <ul data-error-list></ul>
      </div>
      <Field name="name" label={f.name} required={f.required} hint={f.nameHint} error={f.fieldErrors.name}>
        <input id="pledge-name" name="name" type="text" autocomplete="name" required maxlength={100} aria-describedby="pledge-name-hint" />
      </Field>
      <Field name="email" label={f.email} required={f.required} hint={f.emailHint} error={f.fieldErrors.email}>
        <input
          id="pledge-email"
          name="email"
          type="email"
          autocomplete="email"
          spellcheck={false}
          required
          maxlength={254}
          dir="ltr"
          aria-describedby="pledge-email-hint"
        />
      </Field>
      <Field name="country" label={f.country} required={f.required} error={f.fieldErrors.country}>
        <select id="pledge-country" name="country" autocomplete="country" required>
          <option value="">{f.countryPlaceholder}</option>
          {countryOptions(lang).map(({ code, name }) => (
            <option value={code} selected={code === chapter?.countries[0]}>
              {name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="language" label={f.language} required={f.required} error={f.fieldErrors.language}>
        <select id="pledge-language" name="language" required>
          {LANGUAGES.map((l) => (
            <option value={l} lang={l} selected={l === lang}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </Field>
      <Field name="organisation" label={f.organisation} optional={f.optional} hint={f.organisationHint} error={f.fieldErrors.organisation}>
        <input
          id="pledge-organisation"
          name="organisation"
          type="text"
          autocomplete="organization"
          maxlength={120}
          aria-describedby="pledge-organisation-hint"
        />
      </Field>
      <fieldset class="choices">
        <legend>{f.choices}</legend>
        <div class="checkbox">
          <input id="pledge-showOnWall" name="showOnWall" type="checkbox" value="on" />
          <label for="pledge-showOnWall">{f.showOnWall}</label>
        </div>
        <div class="checkbox">
          <input id="pledge-wantsUpdates" name="wantsUpdates" type="checkbox" value="on" />
          <label for="pledge-wantsUpdates">{f.wantsUpdates}</label>
        </div>
      </fieldset>
      {/* The honeypot: off-screen for sighted people, labelled for everyone else, never tabbed to. */}
      <div class="honeypot">
        <label for="pledge-website">{f.honeypot}</label>
        <input id="pledge-website" name="website" type="text" tabindex={-1} autocomplete="off" />
      </div>
      {chapter ? <input type="hidden" name="chapter" value={chapter.slug} /> : null}
      <p class="privacy-note">
        {f.privacyNote} <a href={pageHref(lang, PAGE_PATHS.privacy)}>{f.privacyLink}</a>
      </p>
      <button type="submit" class="button button-primary button-large" data-sending-label={f.sending}>
        {f.submit}
      </button>
    </form>
  );
}

interface FieldProps {
  name: string;
  label: string;
  required?: string;
  optional?: string;
  hint?: string;
  /** Shown when the API rejects the field; the browser script reveals it. */
  error: string;
  children: Child;
}

function Field(props: FieldProps) {
  const id = `pledge-${props.name}`;
  const marker = props.required ?? props.optional;
  return (
    <div class="field" data-field={props.name}>
      <label for={id}>
        {props.label}
        {marker ? <span class={props.required ? 'marker marker-required' : 'marker'}> ({marker})</span> : null}
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
