import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { campaignReach } from '../../domain/social/campaign-reach.js';
import { lendAccount, lendingPreview } from '../../domain/social/lend-account.js';
import { describeRevoke, revokeAccount } from '../../domain/social/lend-revoke.js';
import { AppError } from '../../domain/shared/errors.js';
import { negotiateLanguage } from '../../domain/shared/languages.js';
import type { AppDeps } from '../../config/deps.js';
import { renderLendRevokePage, type LendRevokePage } from '../../../web/pages/lend-revoke.js';
import type { AppEnv, ClientIpResolver } from '../app-env.js';
import { documentRoute } from '../openapi.js';
import { mastodonConnectRoutes } from './mastodon-connect.js';
import { bodyFormat, readBody } from '../read-body.js';
import { validate } from '../validate.js';
import {
  LendInputSchema,
  LendPreviewSchema,
  LendResultSchema,
  PreviewQuerySchema,
  ReachSchema,
  RevokedSchema,
  RevokeTokenSchema,
  YearParamsSchema,
} from './social-accounts.schemas.js';

const TAG = 'Lend your voice';

/**
 * "Lend your voice" (public): the message a supporter would post, lending an account, the
 * campaign's expected reach, and the revoke link. The credential in a lending is sealed before
 * it is stored and appears in no log and no answer.
 */
export function socialAccountRoutes(deps: AppDeps, clientIp: ClientIpResolver) {
  const app = new OpenAPIHono<AppEnv>();
  const lending = deps.lending;
  const year = (c: Context<AppEnv>) => validate(YearParamsSchema, { year: c.req.param('year') }).year;
  const page = (c: Context<AppEnv>, view: LendRevokePage, status: 200 = 200) =>
    c.html(renderLendRevokePage(view), status, { 'Cache-Control': 'no-store' });

  documentRoute(app, {
    method: 'get', path: '/{year}/preview', tag: TAG, params: YearParamsSchema, query: PreviewQuerySchema,
    summary: "Exactly what a supporter's account would post of the campaign's approved (or scheduled) message, in a language and on a network. With the handle, the wording chosen for that account.",
    responses: {
      200: { description: 'The post', schema: LendPreviewSchema },
      400: { description: 'A bad query; `fields` names each problem' },
      404: { description: 'No message to lend your voice to yet, or none for this network' },
    },
  });
  app.get('/:year/preview', async (c) => {
    const campaignYear = year(c);
    const query = validate(PreviewQuerySchema, c.req.query());
    const preview = await lendingPreview(lending, { campaignYear, ...query });
    return c.json(preview, 200, { 'Cache-Control': 'public, max-age=30' });
  });

  documentRoute(app, {
    method: 'post', path: '/{year}/accounts', tag: TAG, params: YearParamsSchema, body: LendInputSchema,
    summary:
      'Lend an account for the campaign: Bluesky (app password) or Mastodon (access token) post the message from it at the moment; X, Threads, LinkedIn and Facebook take an email instead, which gets a ready-to-post share link. The credential is checked with the network (its followers are the expected reach), sealed and stored; the answer carries the revoke token, and the confirmation email the revoke link. Lending the same account again replaces the earlier lending.',
    responses: {
      201: { description: 'Lent', schema: LendResultSchema },
      404: { description: 'No message to lend your voice to yet, or none for this network' },
      429: { description: 'Too many lendings from this network; or the social network asked us to slow down' },
    },
  });
  app.post('/:year/accounts', async (c) => {
    const campaignYear = year(c);
    if (bodyFormat(c) !== 'json') throw new AppError('unsupported_media_type', 'Send the lending as application/json: the page shows the message before you agree, which needs JavaScript.');
    const input = validate(LendInputSchema, await readBody(c, 'json'));
    const result = await lendAccount(lending, { campaignYear, ...input }, { ip: clientIp(c) });
    return c.json(result, 201, { 'Cache-Control': 'no-store' });
  });

  documentRoute(app, {
    method: 'get', path: '/{year}/reach', tag: TAG, params: YearParamsSchema,
    summary: "The campaign's reach: expected before the moment (accounts lent, and the organisation's own, with their followers when they connected) and delivered after it (posts of the messages that finished sending, and their followers). Cacheable for a minute.",
    responses: { 200: { description: 'Reach', schema: ReachSchema } },
  });
  app.get('/:year/reach', async (c) => c.json(await campaignReach(lending, year(c)), 200, { 'Cache-Control': 'public, max-age=60, s-maxage=60' }));

  documentRoute(app, {
    method: 'get', path: '/accounts/revoke', tag: TAG, query: RevokeTokenSchema,
    summary: 'The page the revoke link in the confirmation email opens: one button that posts the token (a GET never revokes: mail scanners follow links).',
    responses: { 200: { description: 'An HTML page', html: true }, 400: { description: 'Invalid link', html: true }, 404: { description: 'No such account', html: true } },
  });
  app.get('/accounts/revoke', async (c) => {
    asPage(c);
    const { token } = validate(RevokeTokenSchema, { token: c.req.query('token') });
    const account = await describeRevoke(lending, token);
    c.set('language', account.language);
    if (account.status === 'revoked') return page(c, { kind: 'done', lang: account.language, platform: account.platform, handle: account.handle, already: true });
    return page(c, { kind: 'ask', lang: account.language, token, platform: account.platform, handle: account.handle });
  });

  documentRoute(app, {
    method: 'post', path: '/accounts/revoke', tag: TAG, body: RevokeTokenSchema, form: true,
    summary: 'Revoke a lent account: in one write it is marked revoked, its sealed credential and email are deleted, and it leaves the campaign (a blast under way skips it). Revoking twice answers the same.',
    responses: { 200: { description: 'Revoked', schema: RevokedSchema } },
  });
  app.post('/accounts/revoke', async (c) => {
    const format = bodyFormat(c);
    if (format === 'form') asPage(c);
    const { token } = validate(RevokeTokenSchema, await readBody(c, format));
    const before = await describeRevoke(lending, token).catch(() => undefined);
    const account = await revokeAccount(lending, token);
    if (format === 'form') {
      c.set('language', account.language);
      return page(c, { kind: 'done', lang: account.language, platform: account.platform, handle: account.handle, already: before?.status === 'revoked' });
    }
    return c.json({ status: 'revoked' as const, platform: account.platform, handle: account.handle, language: account.language }, 200, { 'Cache-Control': 'no-store' });
  });

  app.route('/', mastodonConnectRoutes(deps, clientIp));
  return app;
}

/** Errors on the revoke pages come back as pages, in the visitor's language until the account's is known. */
function asPage(c: Context<AppEnv>): void {
  c.set('respondWithHtml', true);
  c.set('language', negotiateLanguage(c.req.header('accept-language')));
}
