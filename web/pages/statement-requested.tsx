import { PAGE_PATHS, pageHref } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/**
 * `/{lang}/donate/statement-requested/`: where a plain form post asking for a year's statement
 * lands (the API answers 303 here). Static, so it cannot name the year; it says the same thing
 * whether or not the address gave. Not indexed.
 */
export function StatementRequestedPage({ ctx }: { ctx: PageContext }) {
  const { lang, t } = ctx;
  const s = t.statement;
  return (
    <Layout ctx={ctx} title={s.pageTitle} path={PAGE_PATHS.statementRequested} private>
      <div class="container narrow page">
        <div class="panel">
          <h1>{s.pageTitle}</h1>
          <p class="lead">{s.pageText}</p>
          <p>{s.pageNote}</p>
        </div>
        <p class="thanks-links">
          <a href={pageHref(lang, PAGE_PATHS.donate)}>{s.backLink}</a>
        </p>
      </div>
    </Layout>
  );
}
