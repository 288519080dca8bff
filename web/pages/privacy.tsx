import { RETENTION, RETENTION_RULE_IDS, type Duration } from '../../functions/domain/shared/retention.js';
import type { Language } from '../../functions/domain/shared/languages.js';
import { translate } from '../i18n/index.js';
import { API, PAGE_PATHS } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** "7 days", "7 días", "7 дней", "7天": the language's own words for a duration (CLDR units). */
export function formatDuration(language: Language, duration: Duration): string {
  return new Intl.NumberFormat(language, { style: 'unit', unit: duration.unit, unitDisplay: 'long' }).format(duration.amount);
}

/** One row per RETENTION rule: what, and for how long, with the duration from the table itself. */
export function retentionRows(ctx: Pick<PageContext, 'lang' | 't'>): { id: string; what: string; period: string }[] {
  return RETENTION_RULE_IDS.map((id) => {
    const rule = RETENTION[id];
    const words = ctx.t.privacy.retention.rules[id];
    const duration = 'duration' in rule ? formatDuration(ctx.lang, rule.duration) : '';
    return { id, what: words.what, period: translate(ctx.lang, words.period, { duration }) };
  });
}

const List = ({ items }: { items: string[] }) => (
  <ul>
    {items.map((item) => (
      <li>{item}</li>
    ))}
  </ul>
);

/**
 * `/{lang}/privacy/`: the privacy notice, in plain words. What is collected, why, for how long
 * (rendered from RETENTION, so the notice and the code agree), who processes it, the person's
 * choices, and the form that asks for erasure (a plain form post: the API answers with a page).
 */
export function PrivacyPage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const p = t.privacy;
  return (
    <Layout ctx={ctx} title={p.title} path={PAGE_PATHS.privacy}>
      <div class="container narrow page prose">
        <h1>{p.title}</h1>
        <p class="lead">{p.intro}</p>
        <p>{p.controller}</p>
        <section aria-labelledby="privacy-collect">
          <h2 id="privacy-collect">{p.collectHeading}</h2>
          {p.collect.map((group) => (
            <>
              <h3>{group.heading}</h3>
              <List items={group.items} />
            </>
          ))}
        </section>
        <section aria-labelledby="privacy-why">
          <h2 id="privacy-why">{p.whyHeading}</h2>
          <List items={p.why} />
        </section>
        <section aria-labelledby="privacy-retention">
          <h2 id="privacy-retention">{p.retention.heading}</h2>
          <p>{p.retention.intro}</p>
          <table class="retention-table">
            <thead>
              <tr>
                <th scope="col">{p.retention.whatColumn}</th>
                <th scope="col">{p.retention.howLongColumn}</th>
              </tr>
            </thead>
            <tbody>
              {retentionRows(ctx).map((row) => (
                <tr data-rule={row.id}>
                  <th scope="row">{row.what}</th>
                  <td>{row.period}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="privacy-processors">
          <h2 id="privacy-processors">{p.processorsHeading}</h2>
          <List items={p.processors} />
        </section>
        <section aria-labelledby="privacy-choices">
          <h2 id="privacy-choices">{p.choicesHeading}</h2>
          <List items={p.choices} />
        </section>
        <section aria-labelledby="privacy-trackers">
          <h2 id="privacy-trackers">{p.trackersHeading}</h2>
          <p>{p.trackers}</p>
        </section>
        <section id="erase" aria-labelledby="privacy-erase">
          <h2 id="privacy-erase">{p.eraseForm.heading}</h2>
          <p>{p.eraseForm.intro}</p>
          <form class="erasure-form" method="post" action={API.erasureRequests} accept-charset="utf-8">
            <div class="field">
              <label for="erasure-email">{p.eraseForm.email}</label>
              <p class="hint" id="erasure-email-hint">
                {p.eraseForm.emailHint}
              </p>
              <input id="erasure-email" name="email" type="email" autocomplete="email" required maxlength={254} spellcheck={false} dir="ltr" aria-describedby="erasure-email-hint" />
            </div>
            <input type="hidden" name="language" value={lang} />
            <p class="note">{p.eraseForm.note}</p>
            <button type="submit" class="button button-primary">
              {p.eraseForm.submit}
            </button>
          </form>
        </section>
      </div>
    </Layout>
  );
}
