import type { Language } from '../../functions/domain/shared/languages.js';
import type { ErasureCounts } from '../../functions/domain/privacy/ports.js';
import { translate } from '../i18n/index.js';
import { API, PAGE_PATHS, pageHref } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

/** The pages of an erasure request, rendered by the API (functions/http/routes/privacy.ts). */
export type ErasurePage =
  | { kind: 'erasure-requested'; lang: Language }
  | { kind: 'erasure-confirm'; lang: Language; token: string }
  | { kind: 'erasure-done'; lang: Language; erased: ErasureCounts }
  | { kind: 'erasure-link'; lang: Language; problem: 'invalid' | 'expired' };

const COUNTED: readonly (keyof ErasureCounts)[] = ['pledges', 'lentAccounts', 'donationRecords', 'stripeCustomers'];

export function ErasurePageView({ ctx, page }: { ctx: PageContext; page: ErasurePage }) {
  const { lang, t } = ctx;
  const e = t.erasure;
  const privacyLink = (label: string) => (
    <a class="button button-secondary" href={`${pageHref(lang, PAGE_PATHS.privacy)}#erase`}>
      {label}
    </a>
  );
  switch (page.kind) {
    case 'erasure-requested':
      return (
        <Layout ctx={ctx} title={e.requested.title} private>
          <div class="container narrow page">
            <h1>{e.requested.title}</h1>
            <p class="lead">{e.requested.text}</p>
            <p>{e.requested.expiry}</p>
          </div>
        </Layout>
      );
    case 'erasure-confirm':
      // A GET never erases: mail scanners open every link. The button posts the token.
      return (
        <Layout ctx={ctx} title={e.confirm.title} private>
          <div class="container narrow page">
            <h1>{e.confirm.title}</h1>
            <p class="lead">{e.confirm.text}</p>
            <ul>
              {e.confirm.items.map((item) => (
                <li>{item}</li>
              ))}
            </ul>
            <p class="note">{e.confirm.warning}</p>
            <form method="post" action={API.erasure} class="token-form">
              <input type="hidden" name="token" value={page.token} />
              <button type="submit" class="button button-primary button-large">
                {e.confirm.button}
              </button>
            </form>
            <p class="note">{e.confirm.why}</p>
          </div>
        </Layout>
      );
    case 'erasure-done': {
      const counted = COUNTED.filter((key) => page.erased[key] > 0);
      return (
        <Layout ctx={ctx} title={e.done.title} private>
          <div class="container narrow page">
            <h1>{e.done.title}</h1>
            {counted.length > 0 ? (
              <>
                <p class="lead">{e.done.text}</p>
                <ul>
                  {counted.map((key) => (
                    <li>{translate(lang, e.done.counts[key], { count: String(page.erased[key]) })}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p class="lead">{e.done.nothing}</p>
            )}
            <p>{e.done.kept}</p>
            <p class="actions">
              <a class="button button-secondary" href={pageHref(lang)}>
                {t.server.homeLink}
              </a>
            </p>
          </div>
        </Layout>
      );
    }
    case 'erasure-link': {
      const { title, text } = page.problem === 'expired' ? e.linkExpired : e.linkInvalid;
      return (
        <Layout ctx={ctx} title={title} private>
          <div class="container narrow page">
            <h1>{title}</h1>
            <p class="lead">{text}</p>
            <p class="actions">{privacyLink(e.askAgain)}</p>
          </div>
        </Layout>
      );
    }
  }
}
