import { formatNumber, translate } from '../i18n/index.js';
import { PAGE_PATHS, pageHref } from '../site/paths.js';
import { DonationForm } from './components/donation-form.js';
import { FundraisingProgress } from './components/fundraising-progress.js';
import { StatementSection } from './components/statement-form.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** People the trust fund supports directly each year (UN Secretary-General, 2019). */
export const PEOPLE_SUPPORTED_A_YEAR = 3_000;

/**
 * `/{lang}/donate/`: where gifts go, what they do, the campaign's fundraiser when there is a
 * current campaign, and the form that leads to Stripe's checkout. Depends on the current
 * campaign (its year goes with the gift), so `renderCampaignSiteFiles` renders it. Below the
 * form, donors can ask for a year's statement (its years follow `ctx.now`).
 */
export function DonatePage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const d = t.donate;
  return (
    <Layout ctx={ctx} title={d.title} description={d.lead} path={PAGE_PATHS.donate} current="donate" scripts={['donate']}>
      <div class="container narrow page">
        <h1>{d.title}</h1>
        <p class="lead">{d.lead}</p>
        <p class="figure-callout">{translate(lang, d.reach, { count: formatNumber(lang, PEOPLE_SUPPORTED_A_YEAR) })}</p>
        <GiftSupports ctx={ctx} />
        <p>
          <a href={pageHref(lang, PAGE_PATHS.trustFund)}>{d.trustFundLink}</a>
        </p>
        {ctx.campaign ? <FundraisingProgress ctx={ctx} year={ctx.campaign.year} /> : null}
        <section class="donate-section" aria-labelledby="donate-form-heading">
          <h2 id="donate-form-heading">{t.giving.formHeading}</h2>
          <p>{t.giving.formIntro}</p>
          <DonationForm ctx={ctx} />
        </section>
        <StatementSection ctx={ctx} />
      </div>
    </Layout>
  );
}

/** What a gift does: humanitarian, legal and financial aid to victims through NGO partners. */
export function GiftSupports({ ctx, heading }: { ctx: PageContext; heading?: string }) {
  const d = ctx.t.donate;
  return (
    <section aria-labelledby="donate-what">
      <h2 id="donate-what">{heading ?? d.whatHeading}</h2>
      <ul>
        {d.whatItems.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    </section>
  );
}
