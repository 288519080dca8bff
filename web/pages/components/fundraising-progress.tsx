import { pluralForms, translate } from '../../i18n/index.js';
import { API, PAGE_PATHS, pageHref } from '../../site/paths.js';
import type { PageContext } from '../context.js';

/**
 * The campaign's fundraiser: raised against the target (a `<progress>`), donors, days left and
 * matched gifts. Rendered hidden: the figures exist only in the donations API, so site.js
 * (client/fundraising.ts) fills the panel from `GET /api/donations/progress?campaign=<year>`
 * and refreshes it every ~15 s. Without JavaScript, or while the API answers 404, nothing
 * shows. The messages travel as templates (plural forms included) in data attributes.
 */
/** `donateLink`: on pages other than the donate page, a link to it. */
export function FundraisingProgress({ ctx, year, donateLink }: { ctx: PageContext; year: number; donateLink?: boolean }) {
  const { lang, t } = ctx;
  const p = t.progress;
  const headingId = 'fundraising-heading';
  return (
    <section
      class="fundraising"
      aria-labelledby={headingId}
      data-fundraising
      data-url={`${API.donationsProgress}?campaign=${year}`}
      data-raised-of-target={translate(lang, p.raisedOfTarget)}
      data-raised={translate(lang, p.raised)}
      data-matched={p.matched}
      data-match-remaining={p.matchRemaining}
      data-last-day={p.lastDay}
      hidden
    >
      <h2 id={headingId} class="fundraising-heading">
        {translate(lang, p.heading, { year: String(year) })}
      </h2>
      <p class="fundraising-raised" data-progress-raised></p>
      <progress class="fundraising-bar" max="100" value="0" aria-label={p.barLabel} data-progress-bar hidden></progress>
      <ul class="fundraising-facts">
        <li data-progress-donors data-forms={JSON.stringify(pluralForms(lang, p.donors))}></li>
        <li data-progress-days data-forms={JSON.stringify(pluralForms(lang, p.daysLeft))} hidden></li>
        <li data-progress-matched hidden></li>
      </ul>
      {donateLink ? (
        <p>
          <a class="button button-primary" href={pageHref(lang, PAGE_PATHS.donate)}>
            {t.layout.donateNav}
          </a>
        </p>
      ) : null}
    </section>
  );
}
