import { API } from '../../site/paths.js';
import type { PageContext } from '../context.js';

/**
 * Field names of the statement form, as `POST /api/donations/annual-receipt` reads a plain form
 * post (`year` as text there). ids are `statement-<name>`.
 */
export const STATEMENT_FIELDS = ['email', 'year', 'language'] as const;

/** How many years before the current one a donor can ask about. */
const YEARS_BACK = 5;

/**
 * The years offered (the current one and the five before, newest first) and the one chosen:
 * last year from January to March, when donors file for the year just ended; this year after.
 * Calendar years in UTC, as the ledger counts them.
 */
export function statementYears(now: Date): { years: number[]; selected: number } {
  const year = now.getUTCFullYear();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => year - index);
  return { years, selected: now.getUTCMonth() < 3 ? year - 1 : year };
}

/**
 * "Need a statement for your taxes or records?": the donor's address and a year. Without
 * JavaScript it is a plain form post (the API answers 303 to `donate/statement-requested/`);
 * client/statement-form.ts posts JSON instead and says the same thing in the live region,
 * whatever the answer, since the answer must not tell whether the address gave.
 */
export function StatementSection({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const s = t.statement;
  const { years, selected } = statementYears(ctx.now ?? new Date());
  return (
    <section class="statement-section" id="statement" aria-labelledby="statement-heading">
      <h2 id="statement-heading">{s.heading}</h2>
      <p>{s.intro}</p>
      <form
        class="statement-form"
        method="post"
        action={API.donationsAnnualReceipt}
        accept-charset="utf-8"
        data-statement-form
        data-sent={s.sent}
        data-error-generic={t.form.errorGeneric}
      >
        <div class="field" data-field="email">
          <label for="statement-email">{s.email}</label>
          <p class="hint" id="statement-email-hint">
            {s.emailHint}
          </p>
          <p class="field-error" id="statement-email-error" data-message={s.fieldErrors.email} hidden></p>
          <input
            id="statement-email"
            name="email"
            type="email"
            autocomplete="email"
            required
            maxlength={254}
            spellcheck={false}
            dir="ltr"
            aria-describedby="statement-email-hint"
          />
        </div>
        <div class="field" data-field="year">
          <label for="statement-year">{s.year}</label>
          <p class="field-error" id="statement-year-error" data-message={s.fieldErrors.year} hidden></p>
          <select id="statement-year" name="year" required>
            {years.map((year) => (
              <option value={String(year)} selected={year === selected}>
                {String(year)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="language" value={lang} />
        <p class="privacy-note">{s.privacyNote}</p>
        <button type="submit" class="button button-primary" data-sending-label={s.sending}>
          {s.submit}
        </button>
        <p class="statement-status" role="status" aria-live="polite" data-statement-status></p>
      </form>
    </section>
  );
}
