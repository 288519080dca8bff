import type { Language } from '../../functions/domain/shared/languages.js';
import type { Messages, ServerMessageKind } from '../i18n/index.js';
import { API, PAGE_PATHS, pageHref, safeLocalHref } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { ErasurePageView, type ErasurePage } from './erasure-pages.js';

/** A page the API renders for one request (see render-server-page.ts). */
export type ServerPage =
  | { kind: 'confirm'; lang: Language; token: string }
  | { kind: 'unsubscribe'; lang: Language; token: string }
  | { kind: 'erase'; lang: Language; token: string }
  | { kind: 'message'; lang: Language; message: ServerMessageKind }
  | { kind: 'form-errors'; lang: Language; fields: { field: string; message: string }[]; backHref: string }
  | ErasurePage;

/**
 * Confirm, unsubscribe and erase all wait for a button press: a GET must never change anything,
 * because mail scanners and link previews fetch every link in an email.
 */
export function TokenAction(props: { ctx: PageContext; title: string; action: string; token: string; button: string; children?: unknown }) {
  return (
    <Layout ctx={props.ctx} title={props.title} private>
      <div class="container narrow page">
        <h1>{props.title}</h1>
        {props.children}
        <form method="post" action={props.action} class="token-form">
          <input type="hidden" name="token" value={props.token} />
          <button type="submit" class="button button-primary button-large">
            {props.button}
          </button>
        </form>
      </div>
    </Layout>
  );
}

const MESSAGES_WITH_PLEDGE_LINK: ReadonlySet<ServerMessageKind> = new Set(['link-invalid', 'link-expired', 'not-found']);

export function ServerPageView({ ctx, page }: { ctx: PageContext; page: ServerPage }) {
  const { lang, t } = ctx;
  const s = t.server;
  switch (page.kind) {
    case 'erasure-requested':
    case 'erasure-confirm':
    case 'erasure-done':
    case 'erasure-link':
      return <ErasurePageView ctx={ctx} page={page} />;
    case 'confirm':
      return (
        <TokenAction ctx={ctx} title={s.confirm.title} action={API.confirm} token={page.token} button={s.confirm.button}>
          <p class="lead">{s.confirm.text}</p>
          <p class="note">{s.confirm.why}</p>
        </TokenAction>
      );
    case 'unsubscribe':
      return (
        <TokenAction ctx={ctx} title={s.unsubscribe.title} action={API.unsubscribe} token={page.token} button={s.unsubscribe.button}>
          <p class="lead">{s.unsubscribe.text}</p>
        </TokenAction>
      );
    case 'erase':
      return (
        <TokenAction ctx={ctx} title={s.erase.title} action={API.erase} token={page.token} button={s.erase.button}>
          <p class="lead">{s.erase.text}</p>
          <ul>
            {s.erase.items.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
          <p class="note">{s.erase.warning}</p>
        </TokenAction>
      );
    case 'message': {
      const { title, text } = s.messages[page.message];
      return (
        <Layout ctx={ctx} title={title} private>
          <div class="container narrow page">
            <h1>{title}</h1>
            <p class="lead">{text}</p>
            <p class="actions">
              {MESSAGES_WITH_PLEDGE_LINK.has(page.message) ? (
                <a class="button button-primary" href={pageHref(lang, PAGE_PATHS.pledge)}>
                  {t.layout.pledgeNav}
                </a>
              ) : null}
              <a class="button button-secondary" href={pageHref(lang)}>
                {s.homeLink}
              </a>
            </p>
          </div>
        </Layout>
      );
    }
    case 'form-errors': {
      const back = safeLocalHref(page.backHref, pageHref(lang, PAGE_PATHS.pledge));
      return (
        <Layout ctx={ctx} title={s.formErrors.title} private>
          <div class="container narrow page">
            <div class="error-summary" role="alert">
              <h1 class="error-summary-title">{s.formErrors.title}</h1>
              <p>{s.formErrors.intro}</p>
              <ul>
                {page.fields.map((f) => (
                  <li>{fieldMessage(t, f)}</li>
                ))}
              </ul>
            </div>
            <p>
              <a class="button button-primary" href={back}>
                {s.formErrors.back}
              </a>
            </p>
          </div>
        </Layout>
      );
    }
  }
}

/** Our own wording for the fields we know, in the page language; the API's message otherwise. */
function fieldMessage(t: Messages, field: { field: string; message: string }): string {
  const known = t.form.fieldErrors as Record<string, string>;
  return Object.hasOwn(known, field.field) ? (known[field.field] ?? field.message) : field.message;
}
