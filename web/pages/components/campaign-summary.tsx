import { inLanguage, type Campaign } from '../../../functions/domain/campaigns/campaign.js';
import { textDirection } from '../../../functions/domain/shared/languages.js';
import { translate } from '../../i18n/index.js';
import { PAGE_PATHS, campaignPath, lendPath, pageHref } from '../../site/paths.js';
import type { PageContext } from '../context.js';

/**
 * The current World Day campaign: its theme (a year may have none), summary and hashtags. A
 * text not yet translated shows in English, marked as English for screen readers.
 */
export function CampaignSummary({ ctx, campaign }: { ctx: PageContext; campaign: Campaign }) {
  const { lang, t } = ctx;
  const theme = campaign.theme && inLanguage(campaign.theme, lang);
  const summary = inLanguage(campaign.summary, lang);
  const marked = (language: typeof lang) => (language === lang ? {} : { lang: language, dir: textDirection(language) });
  return (
    <section class="campaign" aria-labelledby="campaign-heading">
      <h2 id="campaign-heading">{translate(lang, t.home.campaignHeading, { year: String(campaign.year) })}</h2>
      {theme && (
        <p class="campaign-theme" {...marked(theme.language)}>
          {theme.text}
        </p>
      )}
      {(theme && theme.language !== lang) || summary.language !== lang ? <p class="translation-note">{t.campaigns.fallbackNote}</p> : null}
      <p {...marked(summary.language)}>{summary.text}</p>
      <ul class="hashtags" aria-label={t.home.hashtagsLabel}>
        {campaign.hashtags.map((hashtag) => (
          <li dir="ltr">{hashtag}</li>
        ))}
      </ul>
      <p class="campaign-links">
        <a href={pageHref(lang, campaignPath(campaign.year))}>{t.campaigns.moreAboutCampaign}</a>
        <a href={pageHref(lang, PAGE_PATHS.campaigns)}>{t.campaigns.allCampaigns}</a>
        <a href={pageHref(lang, lendPath(campaign.year))}>{t.lend.navLink}</a>
      </p>
    </section>
  );
}
