import { LANGUAGES, LANGUAGE_NAMES, textDirection } from '../../functions/domain/shared/languages.js';
import { MESSAGES } from '../i18n/index.js';
import { pageHref } from '../site/paths.js';
import { HeartIcon } from './components/icons.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/**
 * `/index.html`: every language, each in its own words. The servers redirect `/` by
 * Accept-Language; this page is what is left when they do not (or when a visitor comes back).
 */
export function RootChooserPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title={ctx.t.meta.siteName} path="" switcher={false}>
      <div class="container narrow page chooser">
        <h1 class="chooser-title">
          <HeartIcon class="chooser-mark" />
          <span>{ctx.t.meta.siteName}</span>
        </h1>
        <ul class="chooser-list">
          {LANGUAGES.map((l) => (
            <li lang={l} dir={textDirection(l)}>
              <a href={pageHref(l)} hreflang={l}>
                <span class="chooser-language">{LANGUAGE_NAMES[l]}</span>
                <span class="chooser-site">{MESSAGES[l].meta.siteName}</span>
                <span class="chooser-action">{MESSAGES[l].chooser.continueIn}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
