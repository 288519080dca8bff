import { CHAPTERS } from '../../functions/domain/chapters/chapters.js';
import type { PledgeStats } from '../../functions/domain/pledges/pledge.js';
import { LANGUAGES, type Language } from '../../functions/domain/shared/languages.js';
import { messagesFor } from '../i18n/index.js';
import { ChapterPage } from '../pages/chapter.js';
import { DonateThanksPage } from '../pages/donate-thanks.js';
import { TrustFundPage } from '../pages/trust-fund.js';
import { CheckEmailPage } from '../pages/check-email.js';
import type { PageContext } from '../pages/context.js';
import { HelpPage } from '../pages/help.js';
import { NotFoundPage } from '../pages/not-found.js';
import { PledgePage } from '../pages/pledge.js';
import { PrivacyPage } from '../pages/privacy.js';
import { renderDocument } from '../pages/render.js';
import { RootChooserPage } from '../pages/root-chooser.js';
import { StatementRequestedPage } from '../pages/statement-requested.js';
import { ThanksPage } from '../pages/thanks.js';
import type { SiteAssets } from '../site/assets.js';
import { PAGE_PATHS, chapterPath } from '../site/paths.js';
import type { OutputFile } from './assets.js';

export interface RenderInput {
  assets: SiteAssets;
  stats?: PledgeStats | undefined;
  publicUrl?: string | undefined;
  /** The build's moment: the years offered by the statement form on the donate thanks page. */
  now?: Date | undefined;
}

/**
 * Pages that do not depend on the campaigns and that search engines should list (the sitemap):
 * not the steps after the form (check your email, thanks).
 */
export const INDEXED_STATIC_PATHS: readonly string[] = [
  PAGE_PATHS.pledge,
  PAGE_PATHS.help,
  PAGE_PATHS.privacy,
  PAGE_PATHS.trustFund,
  ...CHAPTERS.map((chapter) => chapterPath(chapter.slug)),
];

/** `pledge/` → `en/pledge/index.html`: every page is the index of its folder. */
const fileFor = (lang: Language, path: string): string => `${lang}/${path}index.html`;

/**
 * Every page that does not depend on the campaigns, rendered to HTML. The home page, campaign
 * pages, archive and media kit come from `renderCampaignSiteFiles` (publish-pages.ts), which
 * the publish function also calls.
 */
export function renderStaticPages(input: RenderInput): OutputFile[] {
  const context = (lang: Language): PageContext => ({ lang, t: messagesFor(lang), ...input });
  const files: OutputFile[] = [];
  for (const lang of LANGUAGES) {
    const ctx = context(lang);
    const page = (path: string, element: Parameters<typeof renderDocument>[0]) =>
      files.push({ path: fileFor(lang, path), contents: renderDocument(element) });
    page(PAGE_PATHS.pledge, PledgePage({ ctx }));
    page(PAGE_PATHS.checkEmail, CheckEmailPage({ ctx }));
    page(PAGE_PATHS.thanks, ThanksPage({ ctx }));
    page(PAGE_PATHS.help, HelpPage({ ctx }));
    page(PAGE_PATHS.privacy, PrivacyPage({ ctx }));
    page(PAGE_PATHS.donateThanks, DonateThanksPage({ ctx }));
    page(PAGE_PATHS.statementRequested, StatementRequestedPage({ ctx }));
    page(PAGE_PATHS.trustFund, TrustFundPage({ ctx }));
    for (const chapter of CHAPTERS) page(chapterPath(chapter.slug), ChapterPage({ ctx, chapter }));
  }
  const root = context('en');
  files.push({ path: 'index.html', contents: renderDocument(RootChooserPage({ ctx: root })) });
  files.push({ path: '404.html', contents: renderDocument(NotFoundPage({ ctx: root })) });
  return files;
}
