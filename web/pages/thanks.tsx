import { PAGE_PATHS, pageHref } from '../site/paths.js';
import { HeartIcon } from './components/icons.js';
import { ShareLinks } from './components/share-links.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** `/{lang}/pledge/thanks/`: after the pledge is confirmed. */
export function ThanksPage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  return (
    <Layout ctx={ctx} title={t.thanks.title} path={PAGE_PATHS.thanks}>
      <div class="container narrow page">
        <div class="panel panel-success">
          <HeartIcon class="panel-mark" />
          <h1>{t.thanks.title}</h1>
          <p class="lead">{t.thanks.text}</p>
        </div>
        <ShareLinks ctx={ctx} />
        <p>
          <a href={pageHref(lang)}>{t.thanks.seeCount}</a>
        </p>
      </div>
    </Layout>
  );
}
