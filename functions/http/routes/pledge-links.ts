import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { confirmPledge, describeConfirmation } from '../../domain/pledges/confirm-pledge.js';
import { erasePledger, pledgeForLink, unsubscribePledger } from '../../domain/pledges/manage-own-data.js';
import { negotiateLanguage } from '../../domain/shared/languages.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv } from '../app-env.js';
import { htmlPage } from '../html.js';
import { documentRoute } from '../openapi.js';
import { bodyFormat, readBody } from '../read-body.js';
import { validate } from '../validate.js';
import { ConfirmedSchema, TokenSchema } from './pledges.schemas.js';

/**
 * The links in a pledger's email. Following a link (GET) only shows a page with a button:
 * mail scanners fetch links, and must never confirm, unsubscribe or erase on their own.
 * The button posts the token back; JSON clients may post it directly.
 */
export function pledgeLinkRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const pledges = deps.pledges;

  const asPage = (c: Context<AppEnv>) => {
    c.set('respondWithHtml', true);
    c.set('language', negotiateLanguage(c.req.header('accept-language')));
  };

  /** The token from the query string (GET, one-click unsubscribe) or the posted body. */
  const tokenFrom = async (c: Context<AppEnv>) => {
    const fromQuery = c.req.query('token');
    const format = bodyFormat(c);
    if (format === 'form') asPage(c);
    const body = (await readBody(c, format)) as Record<string, unknown> | null;
    return validate(TokenSchema, { token: fromQuery ?? body?.token }).token;
  };

  for (const kind of ['confirm', 'unsubscribe', 'erase'] as const) {
    documentRoute(app, {
      method: 'get', path: `/${kind}`, tag: 'Pledge links', query: TokenSchema,
      summary: `The page a pledger lands on from the "${kind}" link in their email: one button that posts the token.`,
      responses: { 200: { description: 'An HTML page', html: true }, 400: { description: 'Invalid link', html: true }, 410: { description: 'Expired link', html: true } },
    });
    app.get(`/${kind}`, async (c) => {
      asPage(c);
      const { token } = validate(TokenSchema, { token: c.req.query('token') });
      const pledge = kind === 'confirm' ? await describeConfirmation(pledges, token) : await pledgeForLink(pledges, kind, token);
      c.set('language', pledge.language);
      return htmlPage(c, { kind, lang: pledge.language, token });
    });
  }

  documentRoute(app, {
    method: 'post', path: '/confirm', tag: 'Pledge links', body: TokenSchema, form: true,
    summary: 'Confirm a pledge. Confirming twice is harmless and counts once.',
    responses: { 200: { description: 'Confirmed', schema: ConfirmedSchema }, 303: { description: 'For form posts: on to the thank-you page' } },
  });
  app.post('/confirm', async (c) => {
    const pledge = await confirmPledge(pledges, await tokenFrom(c));
    if (c.get('respondWithHtml')) return c.redirect(`/${pledge.language}/pledge/thanks/`, 303);
    return c.json({ status: 'confirmed' as const, country: pledge.country, language: pledge.language });
  });

  documentRoute(app, {
    method: 'post', path: '/unsubscribe', tag: 'Pledge links', body: TokenSchema, form: true,
    summary: 'Stop all emails to this pledger (also the RFC 8058 one-click target of List-Unsubscribe).',
    responses: { 200: { description: 'Unsubscribed' } },
  });
  app.post('/unsubscribe', async (c) => {
    const pledge = await unsubscribePledger(pledges, await tokenFrom(c));
    if (c.get('respondWithHtml')) return htmlPage(c, { kind: 'message', lang: pledge.language, message: 'unsubscribed' });
    return c.json({ status: 'unsubscribed' });
  });

  documentRoute(app, {
    method: 'post', path: '/erase', tag: 'Pledge links', body: TokenSchema, form: true,
    summary: "Erase the pledger's name, address and organisation. The pledge still counts; nothing can identify them.",
    responses: { 200: { description: 'Erased' } },
  });
  app.post('/erase', async (c) => {
    const pledge = await erasePledger(pledges, await tokenFrom(c));
    if (c.get('respondWithHtml')) return htmlPage(c, { kind: 'message', lang: pledge.language, message: 'erased' });
    return c.json({ status: 'erased' });
  });

  return app;
}
