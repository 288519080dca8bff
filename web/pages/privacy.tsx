import { PAGE_PATHS } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** `/{lang}/privacy/`: the privacy notice, in plain words. */
export function PrivacyPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.privacy.title} path={PAGE_PATHS.privacy}>
      <div class="container narrow page prose">
        <h1>{t.privacy.title}</h1>
        <p class="lead">{t.privacy.intro}</p>
        {t.privacy.sections.map((section) => (
          <section>
            <h2>{section.heading}</h2>
            <ul>
              {section.items.map((item) => (
                <li>{item}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Layout>
  );
}
