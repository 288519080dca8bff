import { formatNumber, translate } from '../i18n/index.js';
import { PAGE_PATHS, pageHref } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** People the trust fund supports directly each year (UN Secretary-General, 2019). */
const PEOPLE_SUPPORTED_A_YEAR = 3_000;

/**
 * `/{lang}/donate/`: where gifts go and what they do. Online giving comes with the payments
 * issue; until then the page says so and has no form.
 */
export function DonatePage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const d = t.donate;
  return (
    <Layout ctx={ctx} title={d.title} description={d.lead} path={PAGE_PATHS.donate} current="donate">
      <div class="container narrow page">
        <h1>{d.title}</h1>
        <p class="lead">{d.lead}</p>
        <p class="figure-callout">{translate(lang, d.reach, { count: formatNumber(lang, PEOPLE_SUPPORTED_A_YEAR) })}</p>
        <section aria-labelledby="donate-what">
          <h2 id="donate-what">{d.whatHeading}</h2>
          <ul>
            {d.whatItems.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </section>
        <section class="panel" aria-labelledby="donate-soon">
          <h2 id="donate-soon">{d.soonHeading}</h2>
          <p>{d.soonText}</p>
          <p>
            <a class="button button-secondary" href={pageHref(lang, PAGE_PATHS.trustFund)}>
              {d.trustFundLink}
            </a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
