import type { Language } from '../../functions/domain/shared/languages.js';
import { NETWORK_NAMES } from '../../functions/domain/social/lend-emails.js';
import type { Platform } from '../../functions/domain/social/social.js';
import { messagesFor, translate } from '../i18n/index.js';
import { STABLE_ASSETS, type SiteAssets } from '../site/assets.js';
import { API, pageHref } from '../site/paths.js';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';
import { renderDocument } from './render.js';
import { TokenAction } from './server-pages.js';

/** The pages the revoke link of "Lend your voice" leads to, rendered by the API per request. */
export type LendRevokePage =
  /** The link was followed: one button that posts the token (mail scanners follow links; a GET never revokes). */
  | { kind: 'ask'; lang: Language; token: string; platform: Platform; handle: string }
  | { kind: 'done'; lang: Language; platform: Platform; handle: string; already: boolean };

function LendRevokeView({ ctx, page }: { ctx: PageContext; page: LendRevokePage }) {
  const r = ctx.t.lend.revoke;
  const what = translate(ctx.lang, r.text, { network: NETWORK_NAMES[page.platform], handle: page.handle || NETWORK_NAMES[page.platform] });
  if (page.kind === 'ask') {
    return (
      <TokenAction ctx={ctx} title={r.title} action={API.socialRevoke} token={page.token} button={r.button}>
        <p class="lead">{what}</p>
      </TokenAction>
    );
  }
  return (
    <Layout ctx={ctx} title={r.doneTitle} private>
      <div class="container narrow page">
        <h1>{r.doneTitle}</h1>
        <p class="lead" role="status">
          {page.already ? r.alreadyText : r.doneText}
        </p>
        <p class="actions">
          <a class="button button-secondary" href={pageHref(ctx.lang)}>
            {r.homeLink}
          </a>
        </p>
      </div>
    </Layout>
  );
}

/** A whole document, with the stable asset names (the API cannot know the build's hashes). */
export function renderLendRevokePage(page: LendRevokePage, options: { assets?: SiteAssets } = {}): string {
  const ctx: PageContext = { lang: page.lang, t: messagesFor(page.lang), assets: options.assets ?? STABLE_ASSETS };
  return renderDocument(LendRevokeView({ ctx, page }));
}
