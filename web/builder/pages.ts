import { CHAPTERS } from '../../functions/domain/chapters/chapters.js';
import type { PledgeStats } from '../../functions/domain/pledges/pledge.js';
import type { Campaign } from '../../functions/domain/campaigns/campaign.js';
import { LANGUAGES, type Language } from '../../functions/domain/shared/languages.js';
import { messagesFor } from '../i18n/index.js';
import { ChapterPage } from '../pages/chapter.js';
import { CheckEmailPage } from '../pages/check-email.js';
import type { PageContext } from '../pages/context.js';
import { HelpPage } from '../pages/help.js';
import { HomePage } from '../pages/home.js';
import { NotFoundPage } from '../pages/not-found.js';
import { PledgePage } from '../pages/pledge.js';
import { PrivacyPage } from '../pages/privacy.js';
import { renderDocument } from '../pages/render.js';
import { RootChooserPage } from '../pages/root-chooser.js';
import { ThanksPage } from '../pages/thanks.js';
import type { SiteAssets } from '../site/assets.js';
import { PAGE_PATHS, chapterPath } from '../site/paths.js';
import type { OutputFile } from './assets.js';

export interface RenderInput {
  assets: SiteAssets;
  stats?: PledgeStats | undefined;
  campaign?: Campaign | undefined;
  publicUrl?: string | undefined;
}

/** `pledge/` → `en/pledge/index.html`: every page is the index of its folder. */
const fileFor = (lang: Language, path: string): string => `${lang}/${path}index.html`;

/** Every static page of the site, rendered to HTML. */
export function renderAllPages(input: RenderInput): OutputFile[] {
  const context = (lang: Language): PageContext => ({ lang, t: messagesFor(lang), ...input });
  const files: OutputFile[] = [];
  for (const lang of LANGUAGES) {
    const ctx = context(lang);
    const page = (path: string, element: Parameters<typeof renderDocument>[0]) =>
      files.push({ path: fileFor(lang, path), contents: renderDocument(element) });
    page(PAGE_PATHS.home, HomePage({ ctx }));
    page(PAGE_PATHS.pledge, PledgePage({ ctx }));
    page(PAGE_PATHS.checkEmail, CheckEmailPage({ ctx }));
    page(PAGE_PATHS.thanks, ThanksPage({ ctx }));
    page(PAGE_PATHS.help, HelpPage({ ctx }));
    page(PAGE_PATHS.privacy, PrivacyPage({ ctx }));
    for (const chapter of CHAPTERS) page(chapterPath(chapter.slug), ChapterPage({ ctx, chapter }));
  }
  const root = context('en');
  files.push({ path: 'index.html', contents: renderDocument(RootChooserPage({ ctx: root })) });
  files.push({ path: '404.html', contents: renderDocument(NotFoundPage({ ctx: root })) });
  return files;
}
