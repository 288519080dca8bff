import { currentCampaign, type Campaign } from '../functions/domain/campaigns/campaign.js';
import type { PledgeStats } from '../functions/domain/pledges/pledge.js';
import { LANGUAGES, type Language } from '../functions/domain/shared/languages.js';
import type { OutputFile } from './builder/assets.js';
import { worldDayCalendar } from './builder/calendar.js';
import { INDEXED_STATIC_PATHS } from './builder/pages.js';
import { renderSitemap } from './builder/sitemap.js';
import { messagesFor } from './i18n/index.js';
import { CampaignArchivePage } from './pages/campaigns/archive.js';
import { CampaignPage } from './pages/campaigns/campaign.js';
import { MediaKitPage } from './pages/campaigns/media-kit.js';
import type { PageContext } from './pages/context.js';
import { DonatePage } from './pages/donate.js';
import { HomePage } from './pages/home.js';
import { lendCampaigns, LendYourVoicePage } from './pages/lend-your-voice.js';
import { renderDocument } from './pages/render.js';
import { STABLE_ASSETS, type SiteAssets } from './site/assets.js';
import { PAGE_PATHS, campaignPath, lendPath } from './site/paths.js';

export { parseAssetManifest, readAssetManifest, ASSET_MANIFEST_PATH } from './site/asset-manifest.js';

export interface CampaignSiteInput {
  /** The published campaigns (drafts are ignored): one page each, the archive, the current one on the home page. */
  campaigns: Campaign[];
  /** Picks the current campaign and starts the World Day countdown. */
  now: Date;
  /**
   * The stylesheet and scripts to link. Default: the stable names (`/site.css` …), which every
   * build writes and which are revalidated, so the pages work whichever build is deployed. Pass
   * `await readAssetManifest(siteDir)` (or `parseAssetManifest` of the build's
   * `/assets/manifest.json` read from S3) to link the build's content-hashed files instead.
   */
  assets?: SiteAssets;
  /** The site's public origin: absolute canonical, hreflang, Open Graph and sitemap URLs. */
  publicUrl?: string;
  /** Figures for the home page's no-JavaScript snapshot; the browser refreshes them. */
  stats?: PledgeStats;
}

/**
 * Every file that depends on the published campaigns: the home page in every language, one
 * page per campaign year, the archive, the media kit, the donate page (the gift carries the
 * current campaign's year; its fundraiser shows there), `/sitemap.xml` and the `.ics` files.
 * Pure and in memory (no file system), so the publish function (Lambda or the local server)
 * can write the result to S3 or to the site folder; `buildSite` renders them the same way.
 */
export function renderCampaignSiteFiles(input: CampaignSiteInput): OutputFile[] {
  const published = input.campaigns.filter((campaign) => campaign.status === 'published');
  const campaign = currentCampaign(published, input.now);
  const base = { assets: input.assets ?? STABLE_ASSETS, publicUrl: input.publicUrl, stats: input.stats, campaign, now: input.now };
  const files: OutputFile[] = [];
  const lending = lendCampaigns(published, campaign);
  for (const lang of LANGUAGES) {
    const ctx: PageContext = { lang, t: messagesFor(lang), ...base };
    const page = (path: string, element: Parameters<typeof renderDocument>[0]) =>
      files.push({ path: `${lang}/${path}index.html`, contents: renderDocument(element) });
    page(PAGE_PATHS.home, HomePage({ ctx }));
    page(PAGE_PATHS.campaigns, CampaignArchivePage({ ctx, campaigns: published }));
    page(PAGE_PATHS.mediaKit, MediaKitPage({ ctx }));
    page(PAGE_PATHS.donate, DonatePage({ ctx }));
    for (const year of published) page(campaignPath(year.year), CampaignPage({ ctx, campaign: year }));
    for (const year of lending) page(lendPath(year.year), LendYourVoicePage({ ctx, campaign: year }));
    files.push({ path: `${lang}/world-day.ics`, contents: worldDayCalendar({ lang, now: input.now, publicUrl: input.publicUrl }) });
  }
  const paths = [...INDEXED_STATIC_PATHS, PAGE_PATHS.home, PAGE_PATHS.campaigns, PAGE_PATHS.mediaKit, PAGE_PATHS.donate, ...published.map((c) => campaignPath(c.year)), ...lending.map((c) => lendPath(c.year))];
  files.push({ path: 'sitemap.xml', contents: renderSitemap(paths, input.publicUrl) });
  return files;
}

/**
 * A campaign page exactly as it will be published, from a draft: with a visible "Preview — not
 * published" banner and `noindex`. Served by the API, so it links the stable asset names.
 */
export function renderCampaignPreview(campaign: Campaign, lang: Language, options: { assets?: SiteAssets } = {}): string {
  const ctx: PageContext = { lang, t: messagesFor(lang), assets: options.assets ?? STABLE_ASSETS };
  return renderDocument(CampaignPage({ ctx, campaign, preview: true }));
}
