import { formatDayMonth, translate } from '../i18n/index.js';
import { PAGE_PATHS, pageHref } from '../site/paths.js';
import { CampaignSummary } from './components/campaign-summary.js';
import { Countdown } from './components/countdown.js';
import { FundraisingProgress } from './components/fundraising-progress.js';
import { HeartIcon } from './components/icons.js';
import { LiveCounter } from './components/live-counter.js';
import { PledgeWall } from './components/pledge-wall.js';
import { WorldMap } from './components/world-map.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** `/{lang}/`: the campaign, the live counter, the map, the wall and the call to pledge. */
export function HomePage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const pledgeHref = pageHref(lang, PAGE_PATHS.pledge);
  return (
    <Layout ctx={ctx} title={t.home.title} path={PAGE_PATHS.home}>
      <div class="hero">
        <div class="container hero-inner">
          <div class="hero-text">
            <p class="eyebrow">{translate(lang, t.home.eyebrow, { date: formatDayMonth(lang, 7, 30) })}</p>
            <h1>{t.home.heading}</h1>
            <p class="lead">{t.home.lead}</p>
            <p>
              <a class="button button-primary button-large" href={pledgeHref}>
                <HeartIcon />
                {t.home.cta}
              </a>
            </p>
            <Countdown ctx={ctx} />
          </div>
          <LiveCounter ctx={ctx} />
        </div>
      </div>
      <div class="container">
        {ctx.campaign && <CampaignSummary ctx={ctx} campaign={ctx.campaign} />}
        {ctx.campaign && <FundraisingProgress ctx={ctx} year={ctx.campaign.year} donateLink />}
        <WorldMap ctx={ctx} />
        <div class="columns">
          <section class="facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t.home.factsHeading}</h2>
            <ul>
              {t.home.facts.map((fact) => (
                <li>{fact}</li>
              ))}
            </ul>
            <p class="source">{t.home.factsSource}</p>
          </section>
          <PledgeWall ctx={ctx} />
        </div>
        <section class="call-to-action" aria-labelledby="cta-heading">
          <h2 id="cta-heading">{t.home.ctaHeading}</h2>
          <p>{t.home.ctaText}</p>
          <p>
            <a class="button button-primary button-large" href={pledgeHref}>
              {t.home.cta}
            </a>
          </p>
        </section>
      </div>
    </Layout>
  );
}
