import type { Campaign, MediaItem } from '../../../functions/domain/campaigns/campaign.js';
import { formatBytes, languageName, translate } from '../../i18n/index.js';
import { mediaHref } from '../../site/paths.js';
import type { PageContext } from '../context.js';
import { localized } from './localized.js';

/** Pixel size, when the upload recorded it: lets the browser reserve the space (no layout shift). */
type Sized = MediaItem & { width?: number; height?: number };

/**
 * The files of a campaign's media kit, each with a download link, its kind, size and language.
 * Still images get a lazy preview with their text alternative; GIFs, videos and PDFs are links
 * only (no autoplaying motion, nothing heavy on the page).
 */
export function MediaKitList({ ctx, campaign, headingLevel = 2 }: { ctx: PageContext; campaign: Campaign; headingLevel?: 2 | 3 }) {
  const { lang, t } = ctx;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ItemHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section class="media-kit" aria-labelledby={`media-kit-${campaign.year}`}>
      <Heading id={`media-kit-${campaign.year}`}>{t.mediaKit.heading}</Heading>
      {campaign.mediaKit.length === 0 ? (
        <p class="empty-state">{t.mediaKit.empty}</p>
      ) : (
        <ul class="media-list">
          {campaign.mediaKit.map((item: Sized) => {
            const title = localized(item.title, lang);
            const alt = item.alt ? localized(item.alt, lang) : undefined;
            const href = mediaHref(campaign.year, item.file);
            return (
              <li class="media-item">
                {item.kind === 'image' ? (
                  <img
                    class="media-preview"
                    src={href}
                    alt={alt?.text ?? ''}
                    {...(alt?.attrs ?? {})}
                    loading="lazy"
                    decoding="async"
                    width={item.width}
                    height={item.height}
                  />
                ) : null}
                <div class="media-body">
                  <ItemHeading class="media-title" {...title.attrs}>
                    {title.text}
                  </ItemHeading>
                  <p class="media-meta">
                    <span>{t.mediaKit.kinds[item.kind]}</span>
                    <span dir="auto">{formatBytes(lang, item.bytes)}</span>
                    {item.language ? <span>{translate(lang, t.mediaKit.fileLanguage, { language: languageName(lang, item.language) })}</span> : null}
                  </p>
                  <a class="button button-secondary" href={href} download={item.file} type={item.contentType}>
                    {t.mediaKit.download}
                    <span class="visually-hidden"> {title.text}</span>
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
