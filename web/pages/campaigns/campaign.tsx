import type { Campaign } from '../../../functions/domain/campaigns/campaign.js';
import { formatDate, translate } from '../../i18n/index.js';
import { calendarHref, campaignPath, lendPath, localisedHref, pageHref, PAGE_PATHS } from '../../site/paths.js';
import { CalendarIcon } from '../components/icons.js';
import { FallbackNote, hasFallback, localized } from '../components/localized.js';
import { MediaKitList } from '../components/media-kit-list.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';

/** The name of a campaign year in a language: its theme, or "World Day 2015" when it has none. */
export function campaignName(ctx: PageContext, campaign: Campaign) {
  return campaign.theme
    ? localized(campaign.theme, ctx.lang)
    : { text: translate(ctx.lang, ctx.t.campaigns.worldDayOf, { year: String(campaign.year) }), attrs: {} };
}

/**
 * `/{lang}/campaigns/{year}/`: one World Day campaign, from its published snapshot (or from a
 * draft, for the console's preview). Texts not yet translated show in English, marked, with one
 * note saying so.
 */
export function CampaignPage({ ctx, campaign, preview = false }: { ctx: PageContext; campaign: Campaign; preview?: boolean }) {
  const { lang, t } = ctx;
  const c = t.campaigns;
  const yearName = translate(lang, c.worldDayOf, { year: String(campaign.year) });
  const theme = campaign.theme ? localized(campaign.theme, lang) : undefined;
  const summary = localized(campaign.summary, lang);
  return (
    <Layout
      ctx={ctx}
      title={theme ? `${yearName}: ${theme.text}` : yearName}
      description={summary.text}
      path={campaignPath(campaign.year)}
      current="campaigns"
      ogType="article"
      preview={preview}
    >
      <article class="container page campaign-page">
        <header class="campaign-header">
          {theme ? <p class="eyebrow-plain">{yearName}</p> : null}
          <h1 {...(theme?.attrs ?? {})}>{theme ? theme.text : yearName}</h1>
          <p class="campaign-date">
            <time datetime={campaign.day}>{translate(lang, c.observedOn, { date: formatDate(lang, campaign.day) })}</time>
          </p>
          <FallbackNote show={hasFallback(campaign, lang)} text={c.fallbackNote} />
          <p class="lead" {...summary.attrs}>
            {summary.text}
          </p>
          <p class="actions">
            <a class="button button-secondary" href={calendarHref(lang)} type="text/calendar">
              <CalendarIcon />
              {t.worldDay.addToCalendar}
            </a>
            {/* The current campaign and later ones have a "Lend your voice" page (see lendCampaigns). */}
            {ctx.campaign && campaign.year >= ctx.campaign.year ? (
              <a class="button button-secondary" href={pageHref(lang, lendPath(campaign.year))}>
                {t.lend.navLink}
              </a>
            ) : null}
          </p>
        </header>

        {campaign.keyMessages.length > 0 ? (
          <section aria-labelledby="key-messages">
            <h2 id="key-messages">{c.keyMessagesHeading}</h2>
            <ul class="key-messages">
              {campaign.keyMessages.map((message) => {
                const shown = localized(message, lang);
                return <li {...shown.attrs}>{shown.text}</li>;
              })}
            </ul>
          </section>
        ) : null}

        {campaign.callsToAction.length > 0 ? (
          <section aria-labelledby="take-action">
            <h2 id="take-action">{c.takeActionHeading}</h2>
            <p class="actions">
              {campaign.callsToAction.map((cta, i) => {
                const shown = localized(cta.text, lang);
                const href = localisedHref(lang, cta.url);
                const external = href.startsWith('https://');
                return (
                  <a
                    class={`button ${i === 0 ? 'button-primary' : 'button-secondary'}`}
                    href={href}
                    {...shown.attrs}
                    {...(external ? { rel: 'noopener' } : {})}
                  >
                    {shown.text}
                  </a>
                );
              })}
            </p>
          </section>
        ) : null}

        {campaign.hashtags.length > 0 ? (
          <section aria-labelledby="hashtags">
            <h2 id="hashtags">{c.hashtagsHeading}</h2>
            <ul class="hashtags">
              {campaign.hashtags.map((hashtag) => (
                <li dir="ltr">{hashtag}</li>
              ))}
            </ul>
          </section>
        ) : null}

        {campaign.links.length > 0 ? (
          <section aria-labelledby="links">
            <h2 id="links">{c.linksHeading}</h2>
            <ul class="link-list">
              {campaign.links.map((link) => {
                const label = localized(link.label, lang);
                return (
                  <li>
                    <a href={localisedHref(lang, link.url)} rel="noopener" {...label.attrs}>
                      {label.text}
                    </a>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        {campaign.partners.length > 0 ? (
          <section aria-labelledby="partners">
            <h2 id="partners">{c.partnersHeading}</h2>
            <ul class="partner-list">
              {campaign.partners.map((partner) => (
                <li>{partner.url ? <a href={localisedHref(lang, partner.url)} rel="noopener"><bdi>{partner.name}</bdi></a> : <bdi>{partner.name}</bdi>}</li>
              ))}
            </ul>
          </section>
        ) : null}

        {campaign.mediaKit.length > 0 ? <MediaKitList ctx={ctx} campaign={campaign} /> : null}

        <p class="back-link">
          <a href={pageHref(lang, PAGE_PATHS.campaigns)}>{c.allCampaigns}</a>
        </p>
      </article>
    </Layout>
  );
}
