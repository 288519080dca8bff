import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps } from '../../config/deps.js';
import { describeError } from '../../adapters/log/logger.js';
import { AppError } from '../../domain/shared/errors.js';
import { negotiateLanguage } from '../../domain/shared/languages.js';
import { returnPageOf } from '../../domain/social/mastodon-connect/connect-state.js';
import { finishMastodonConnect, type ConnectOutcome } from '../../domain/social/mastodon-connect/finish-connect.js';
import { startMastodonConnect } from '../../domain/social/mastodon-connect/start-connect.js';
import { lendPath, pageHref } from '../../../web/site/paths.js';
import type { AppEnv, ClientIpResolver } from '../app-env.js';
import { documentRoute } from '../openapi.js';
import { bodyFormat, readBody } from '../read-body.js';
import { validate } from '../validate.js';
import { MastodonCallbackQuerySchema, MastodonConnectStartedSchema, MastodonConnectStartSchema } from './mastodon-connect.schemas.js';
import { YearParamsSchema } from './social-accounts.schemas.js';

const TAG = 'Lend your voice';

/**
 * "Connect with Mastodon" (public), mounted under /api/social: OAuth's authorization code with
 * PKCE, per instance. The start answers with the instance's authorization page; the instance
 * sends the browser back to the callback, which lends the account and sends the browser on to
 * the lend page with the outcome in the URL's fragment (never sent to a server, never logged):
 *
 *   #mastodon=connected&handle=@ana@mastodon.social&language=es&followers=120&emailed=1&revoke=<token>
 *   #mastodon=<denied|expired|invalid|used|refused|unavailable|changed|no-message|rate-limited>&server=<host>
 *
 * The code, the verifier and the token appear in no answer and no log.
 */
export function mastodonConnectRoutes(deps: AppDeps, clientIp: ClientIpResolver) {
  const app = new OpenAPIHono<AppEnv>();
  // Read per request, so a test can swap an adapter of the running app.
  const connect = () => ({ ...deps.mastodonConnect, lending: deps.lending });

  documentRoute(app, {
    method: 'post', path: '/{year}/oauth/mastodon/start', tag: TAG, params: YearParamsSchema, body: MastodonConnectStartSchema,
    summary:
      'Connect a Mastodon account with OAuth instead of pasting a token: the same choices as a lending (language, time zone, email, consent to the previewed post) and the server. Our app is registered on the instance the first time (then reused); the answer is the instance’s authorization page, with the choices in a signed state that lives 15 minutes.',
    responses: {
      200: { description: 'Where to send the supporter', schema: MastodonConnectStartedSchema },
      400: { description: 'A bad field (`server`: not a public Mastodon server, or one that did not let us register)' },
      404: { description: 'No message to lend your voice to yet, or none for Mastodon' },
      429: { description: 'Too many connections from this network, or the instance asked us to slow down' },
    },
  });
  app.post('/:year/oauth/mastodon/start', async (c) => {
    const { year } = validate(YearParamsSchema, { year: c.req.param('year') });
    if (bodyFormat(c) !== 'json') throw new AppError('unsupported_media_type', 'Send the connection as application/json: the page shows the message before you agree, which needs JavaScript.');
    const input = validate(MastodonConnectStartSchema, await readBody(c, 'json'));
    const started = await startMastodonConnect(connect(), { campaignYear: year, ...input }, { ip: clientIp(c) });
    return c.json(started, 200, { 'Cache-Control': 'no-store' });
  });

  documentRoute(app, {
    method: 'get', path: '/oauth/mastodon/callback', tag: TAG, query: MastodonCallbackQuerySchema,
    summary:
      'Where the instance sends the supporter back (`code` and `state`, or `error`). The code is exchanged with the PKCE verifier, and the account is lent exactly as with a pasted token (checked, sealed, consent recorded, revoke link emailed). Answers 303 to the lend page, the outcome in the fragment; a callback seen before lends nothing.',
    responses: { 303: { description: 'On to the lend page, with the outcome' }, 400: { description: 'A link that is not ours at all', html: true } },
  });
  app.get('/oauth/mastodon/callback', async (c) => {
    const query = MastodonCallbackQuerySchema.safeParse(c.req.query());
    let outcome: ConnectOutcome;
    try {
      outcome = query.success ? await finishMastodonConnect(connect(), query.data, { ip: clientIp(c) }) : { kind: 'lost' };
    } catch (error) {
      // Something of ours failed (the database, say): the supporter still gets the page back.
      deps.logger.error('mastodon connect failed', { requestId: c.get('requestId'), ...describeError(error) });
      const back = query.success ? returnPageOf(query.data.state) : undefined;
      outcome = back ? { kind: 'failed', reason: 'unavailable', back } : { kind: 'lost' };
    }
    // What happened, for the operators: the outcome and the instance, never the code or a token.
    deps.logger.info('mastodon connect', {
      requestId: c.get('requestId'),
      outcome: outcome.kind === 'failed' ? outcome.reason : outcome.kind,
      ...(outcome.kind === 'failed' && outcome.host ? { instance: outcome.host } : {}),
      ...(outcome.kind === 'lent' ? { instance: outcome.result.account.handle.split('@').at(-1) } : {}),
    });
    if (outcome.kind === 'lost') {
      c.set('respondWithHtml', true);
      c.set('language', negotiateLanguage(c.req.header('accept-language')));
      throw new AppError('invalid_token', 'This link is not valid. Connect your account again from the Lend your voice page.');
    }
    return c.redirect(resultLocation(outcome), 303);
  });

  return app;
}

/** The lend page with the outcome in its fragment. */
function resultLocation(outcome: Exclude<ConnectOutcome, { kind: 'lost' }>): string {
  const page = pageHref(outcome.back.language, lendPath(outcome.back.campaignYear));
  if (outcome.kind === 'failed') {
    return `${page}#${new URLSearchParams({ mastodon: outcome.reason, ...(outcome.host ? { server: outcome.host } : {}) })}`;
  }
  const { account, revokeToken, emailSent } = outcome.result;
  const fragment = new URLSearchParams({
    mastodon: 'connected',
    handle: account.handle,
    language: account.language,
    followers: String(account.followers),
    emailed: emailSent ? '1' : '0',
    revoke: revokeToken,
  });
  return `${page}#${fragment}`;
}
