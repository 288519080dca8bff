import { PAGE_PATHS } from '../site/paths.js';
import { HeartIcon } from './components/icons.js';
import { PledgeForm } from './components/pledge-form.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** `/{lang}/pledge/`: the pledge statement and the form. */
export function PledgePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.pledge.title} path={PAGE_PATHS.pledge} current="pledge" scripts={['pledge']}>
      <div class="container narrow page">
        <h1>{t.pledge.title}</h1>
        <blockquote class="pledge-statement">
          <HeartIcon class="statement-mark" />
          <p>{t.pledge.statement}</p>
        </blockquote>
        <p class="lead">{t.pledge.intro}</p>
        <PledgeForm ctx={ctx} />
      </div>
    </Layout>
  );
}
