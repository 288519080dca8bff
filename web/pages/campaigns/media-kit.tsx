import { translate } from '../../i18n/index.js';
import { PAGE_PATHS, campaignPath, pageHref } from '../../site/paths.js';
import { FallbackNote, mediaKitHasFallback } from '../components/localized.js';
import { MediaKitList } from '../components/media-kit-list.js';
import type { PageContext } from '../context.js';
import { Layout } from '../layout.js';

/** `/{lang}/media-kit/`: the current campaign's files to download, or an empty state. */
export function MediaKitPage({ ctx }: { ctx: PageContext }) {
  const { lang, t, campaign } = ctx;
  return (
    <Layout ctx={ctx} title={t.mediaKit.title} path={PAGE_PATHS.mediaKit} current="media-kit">
      <div class="container page">
        <h1>{t.mediaKit.title}</h1>
        {campaign ? (
          <>
            <p class="lead">
              {translate(lang, t.mediaKit.intro, { year: String(campaign.year) })}{' '}
              <a href={pageHref(lang, campaignPath(campaign.year))}>{translate(lang, t.campaigns.worldDayOf, { year: String(campaign.year) })}</a>
            </p>
            <FallbackNote show={mediaKitHasFallback(campaign.mediaKit, lang)} text={t.campaigns.fallbackNote} />
            <MediaKitList ctx={ctx} campaign={campaign} />
          </>
        ) : (
          <p class="empty-state">{t.mediaKit.empty}</p>
        )}
      </div>
    </Layout>
  );
}
