import { LANGUAGES, LANGUAGE_NAMES, textDirection } from '../../functions/domain/shared/languages.js';
import { MESSAGES } from '../i18n/index.js';
import { pageHref } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** `/404.html`: one file for every language, since the CDN serves it for any missing path. */
export function NotFoundPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.notFound.title} private>
      <div class="container narrow page">
        <h1>{t.notFound.title}</h1>
        <p class="lead">{t.notFound.text}</p>
        <ul class="chooser-list chooser-compact">
          {LANGUAGES.map((l) => (
            <li lang={l} dir={textDirection(l)}>
              <a href={pageHref(l)} hreflang={l}>
                <span class="chooser-language">{LANGUAGE_NAMES[l]}</span>
                <span class="chooser-action">{MESSAGES[l].notFound.home}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </Layout>
  );
}
