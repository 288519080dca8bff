import { PAGE_PATHS } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** `/{lang}/pledge/check-email/`: where a pledge lands, by form post (303) or by script. */
export function CheckEmailPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.checkEmail.title} path={PAGE_PATHS.checkEmail}>
      <div class="container narrow page">
        <div class="panel panel-success">
          <h1>{t.checkEmail.title}</h1>
          <p class="lead">{t.checkEmail.text}</p>
        </div>
        <p>{t.checkEmail.expiry}</p>
        <p>{t.checkEmail.spam}</p>
      </div>
    </Layout>
  );
}
