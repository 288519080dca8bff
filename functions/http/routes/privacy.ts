import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { confirmErasure, readErasureLink, requestErasure } from '../../domain/privacy/request-erasure.js';
import { isAppError } from '../../domain/shared/errors.js';
import { negotiateLanguage } from '../../domain/shared/languages.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv, ClientIpResolver } from '../app-env.js';
import { htmlPage } from '../html.js';
import { documentRoute } from '../openapi.js';
import { bodyFormat, readBody, readJsonOrForm } from '../read-body.js';
import { validate } from '../validate.js';
import { ErasedSchema, ErasureRequestedSchema, ErasureRequestSchema, ErasureTokenSchema } from './privacy.schemas.js';

const TAG = 'Privacy';

/**
 * Erasure on request, by email address: the privacy page's form asks (always the same 202, so
 * the answer never tells whether the address is known), the owner of a known address gets a
 * signed link valid for 24 hours, and the page it opens has a button that erases (a GET never
 * does: mail scanners follow links). A form post and the link's pages answer with pages in the
 * person's language; JSON clients get JSON.
 */
export function privacyRoutes(deps: AppDeps, clientIp: ClientIpResolver) {
  const app = new OpenAPIHono<AppEnv>();
  const privacy = deps.privacy;

  const asPage = (c: Context<AppEnv>) => {
    c.set('respondWithHtml', true);
    c.set('language', negotiateLanguage(c.req.header('accept-language')));
  };

  /** A link that does not hold, as a page in the person's language (JSON clients get the usual error). */
  const linkProblem = (c: Context<AppEnv>, error: unknown) => {
    if (!c.get('respondWithHtml') || !isAppError(error) || (error.code !== 'invalid_token' && error.code !== 'expired_token')) throw error;
    const expired = error.code === 'expired_token';
    return htmlPage(c, { kind: 'erasure-link', lang: c.get('language'), problem: expired ? 'expired' : 'invalid' }, expired ? 410 : 400);
  };

  documentRoute(app, {
    method: 'post', path: '/erasure-requests', tag: TAG, body: ErasureRequestSchema, form: true,
    summary:
      'Ask to erase everything held for an email address. Always 202 (a form post: a page saying so), whether or not the address is known; only a known address is emailed a link (valid 24 hours) to confirm. Rate limited per IP (429) and, silently, per address.',
    responses: {
      202: { description: 'Emailed if anything is held for the address', schema: ErasureRequestedSchema },
      200: { description: 'For form posts: the same answer as a page', html: true },
      429: { description: 'Too many requests from this IP' },
    },
  });
  app.post('/erasure-requests', async (c) => {
    const { body, form } = await readJsonOrForm(c);
    const request = validate(ErasureRequestSchema, body);
    if (form) c.set('language', request.language);
    const outcome = await requestErasure(privacy, request, { ip: clientIp(c) });
    // Never the address: what happened, for whoever looks into "I asked and got no email".
    if (outcome === 'email-failed') deps.logger.warn('erasure request: the email could not be sent', { requestId: c.get('requestId') });
    if (form) return htmlPage(c, { kind: 'erasure-requested', lang: request.language });
    return c.json({ status: 'sent-if-found' as const }, 202, { 'Cache-Control': 'no-store' });
  });

  documentRoute(app, {
    method: 'get', path: '/erasure', tag: TAG, query: ErasureTokenSchema,
    summary: 'The page the emailed link opens: what erasing does, and one button that posts the token. Never erases by itself.',
    responses: { 200: { description: 'An HTML page', html: true }, 400: { description: 'Invalid link', html: true }, 410: { description: 'Expired link', html: true } },
  });
  app.get('/erasure', async (c) => {
    asPage(c);
    try {
      const { token } = validate(ErasureTokenSchema, { token: c.req.query('token') });
      const link = readErasureLink(privacy, token);
      c.set('language', link.language);
      return htmlPage(c, { kind: 'erasure-confirm', lang: link.language, token });
    } catch (error) {
      return linkProblem(c, error);
    }
  });

  documentRoute(app, {
    method: 'post', path: '/erasure', tag: TAG, body: ErasureTokenSchema, form: true,
    summary:
      "Erase everything held for the link's address: pledges (they still count), lent accounts (revoked), the donor's name and email on gifts (amounts, dates, receipt numbers and Stripe ids stay), and the Stripe customer (which ends a monthly gift). Safe to repeat.",
    responses: {
      200: { description: 'Erased: how many records of each kind (a page for form posts)', schema: ErasedSchema },
      400: { description: 'Invalid link' },
      410: { description: 'Expired link (links work for 24 hours)' },
    },
  });
  app.post('/erasure', async (c) => {
    const format = bodyFormat(c);
    if (format === 'form') asPage(c);
    try {
      const body = (await readBody(c, format)) as Record<string, unknown> | null;
      const { token } = validate(ErasureTokenSchema, { token: body?.token });
      const { link, entry } = await confirmErasure(privacy, token);
      if (format === 'form') return htmlPage(c, { kind: 'erasure-done', lang: link.language, erased: entry.erased });
      return c.json({ status: 'erased' as const, erased: entry.erased }, 200, { 'Cache-Control': 'no-store' });
    } catch (error) {
      return linkProblem(c, error);
    }
  });

  return app;
}
