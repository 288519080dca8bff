import { inLanguage, type Campaign } from '../../../functions/domain/campaigns/campaign.js';
import { FallbackNote } from '../components/localized.js';
import { formatDate } from '../../i18n/index.js';
import { PAGE_PATHS, campaignPath, pageHref } from '../../site/paths.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';
import { campaignName } from './campaign.js';

/** `/{lang}/campaigns/`: every published World Day, newest first. */
export function CampaignArchivePage({ ctx, campaigns }: { ctx: PageContext; campaigns: readonly Campaign[] }) {
  const { lang, t } = ctx;
  const newestFirst = [...campaigns].sort((a, b) => b.year - a.year);
  return (
    <Layout ctx={ctx} title={t.campaigns.archiveTitle} description={t.campaigns.archiveIntro} path={PAGE_PATHS.campaigns} current="campaigns">
      <div class="container narrow page">
        <h1>{t.campaigns.archiveTitle}</h1>
        <p class="lead">{t.campaigns.archiveIntro}</p>
        <FallbackNote show={newestFirst.some((c) => c.theme && inLanguage(c.theme, lang).language !== lang)} text={t.campaigns.fallbackNote} />
        {newestFirst.length === 0 ? (
          <p class="empty-state">{t.campaigns.archiveEmpty}</p>
        ) : (
          <ol class="archive-list" reversed>
            {newestFirst.map((campaign) => {
              const name = campaignName(ctx, campaign);
              return (
                <li class="archive-item">
                  <a class="archive-link" href={pageHref(lang, campaignPath(campaign.year))}>
                    <span class="archive-year">{campaign.year}</span>
                    <span class="archive-name" {...name.attrs}>
                      {name.text}
                    </span>
                  </a>
                  <time class="archive-date" datetime={campaign.day}>
                    {formatDate(lang, campaign.day)}
                  </time>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </Layout>
  );
}
