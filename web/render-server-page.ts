import { messagesFor } from './i18n/index.js';
import { renderDocument } from './pages/render.js';
import { ServerPageView, type ServerPage } from './pages/server-pages.js';
import { STABLE_ASSETS, type SiteAssets } from './site/assets.js';

export type { ServerPage } from './pages/server-pages.js';

export interface RenderServerPageOptions {
  /**
   * Asset URLs; defaults to the stable names (`/assets/site.css` …) that every build writes
   * beside the hashed files, since the API does not know the hashes.
   */
  assets?: SiteAssets;
}

/**
 * A full HTML document for a page the API renders at request time (confirmation, unsubscribe,
 * erasure, outcome messages, form errors after a post without JavaScript), in the same layout
 * and stylesheet as the static site. Every value is escaped by hono/jsx; `backHref` is also
 * restricted to a same-site path.
 */
export function renderServerPage(page: ServerPage, options: RenderServerPageOptions = {}): string {
  const ctx = { lang: page.lang, t: messagesFor(page.lang), assets: options.assets ?? STABLE_ASSETS };
  return renderDocument(ServerPageView({ ctx, page }));
}
