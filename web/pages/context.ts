import type { Language } from '../../functions/domain/shared/languages.js';
import type { PledgeStats } from '../../functions/domain/pledges/pledge.js';
import type { Campaign } from '../../functions/domain/campaigns/campaign.js';
import type { Messages } from '../i18n/index.js';
import type { SiteAssets } from '../site/assets.js';

/** What every page component needs: its language, strings and asset URLs. */
export interface PageContext {
  lang: Language;
  t: Messages;
  assets: SiteAssets;
  /** Origin the site is served from (`https://blueheart.example.org`), for absolute links. */
  publicUrl?: string | undefined;
  /** Figures known at build time; the browser refreshes them. */
  stats?: PledgeStats | undefined;
  /** The current World Day campaign, when one is published. */
  campaign?: Campaign | undefined;
  /** The moment the pages are rendered: the World Day countdown counts from it. */
  now?: Date | undefined;
}

/** A site path made absolute when the public origin is known (hreflang, canonical, sharing). */
export const absoluteUrl = (ctx: Pick<PageContext, 'publicUrl'>, path: string): string =>
  ctx.publicUrl ? new URL(path, ctx.publicUrl).toString() : path;
