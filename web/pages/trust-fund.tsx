import { formatNumber, formatUsd, formatYearMonth, translate } from '../i18n/index.js';
import { PAGE_PATHS, pageHref } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** Figures from the UN Secretary-General's report to the General Assembly (2019). */
const FUND = {
  grantPerYear: 25_000,
  grantYears: 3,
  received: 6_700_000,
  receivedBy: '2019-03',
  memberStates: 30,
  privateSector: 33,
} as const;

/** `/{lang}/trust-fund/`: what the UN Voluntary Trust Fund is, how it works and who gives. */
export function TrustFundPage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const f = t.trustFund;
  return (
    <Layout ctx={ctx} title={f.title} description={f.intro} path={PAGE_PATHS.trustFund} current="trust-fund">
      <div class="container narrow page">
        <h1>{f.title}</h1>
        <p class="lead">{f.intro}</p>
        <section aria-labelledby="fund-history">
          <h2 id="fund-history">{f.historyHeading}</h2>
          <p>{f.history}</p>
        </section>
        <section aria-labelledby="fund-partners">
          <h2 id="fund-partners">{f.partnersHeading}</h2>
          <p>{f.partners}</p>
        </section>
        <section aria-labelledby="fund-grants">
          <h2 id="fund-grants">{f.grantsHeading}</h2>
          <p>
            {translate(lang, f.grants, { amount: formatUsd(lang, FUND.grantPerYear), years: formatNumber(lang, FUND.grantYears) })}
          </p>
        </section>
        <section aria-labelledby="fund-donors">
          <h2 id="fund-donors">{f.donorsHeading}</h2>
          <p>
            {translate(lang, f.donors, {
              date: formatYearMonth(lang, FUND.receivedBy),
              amount: formatUsd(lang, FUND.received, { compact: true }),
              states: formatNumber(lang, FUND.memberStates),
              companies: formatNumber(lang, FUND.privateSector),
            })}
          </p>
          <p class="source">{f.source}</p>
        </section>
        <p>
          <a class="button button-primary" href={pageHref(lang, PAGE_PATHS.donate)}>
            {f.donateLink}
          </a>
        </p>
      </div>
    </Layout>
  );
}
