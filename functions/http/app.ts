import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { withLogKeys } from '../adapters/log/log-context.js';
import { AppError } from '../domain/shared/errors.js';
import type { AppDeps } from '../config/deps.js';
import type { AppEnv, ClientIpResolver } from './app-env.js';
import { handleError } from './error-handler.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { adminCampaignRoutes, mediaUploadRoutes } from './routes/admin-campaigns.js';
import { adminPledgeRoutes } from './routes/admin-pledges.js';
import { campaignRoutes } from './routes/campaigns.js';
import { donationRoutes, stripeWebhookRoutes } from './routes/donations.js';
import { refuseCrossOriginPreflight } from './middleware/cross-origin.js';
import { verifyOrigin } from './middleware/origin-verify.js';
import { mountDocs } from './routes/docs.js';
import { financeRoutes } from './routes/finance.js';
import { adminMessageRoutes } from './routes/admin-messages.js';
import { adminSocialAccountRoutes } from './routes/admin-social-accounts.js';
import { pledgeLinkRoutes } from './routes/pledge-links.js';
import { pledgeRoutes } from './routes/pledges.js';
import { signInRoutes } from './routes/sign-in.js';
import { socialAccountRoutes } from './routes/social-accounts.js';
import { privacyRoutes } from './routes/privacy.js';
import { adminPrivacyRoutes } from './routes/admin-privacy.js';

export interface AppOptions {
  clientIp?: ClientIpResolver;
}

/** Pledge and admin bodies are small; anything past this is refused before it is read. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * The API as one Hono app. Lambda wraps it with `handle(app)`, the local server with
 * `serve(app)`, and tests call `app.request(...)`.
 */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const clientIp = options.clientIp ?? (() => undefined);
  const app = new OpenAPIHono<AppEnv>();
  // The request's correlation id: the caller's X-Request-Id when it is a plain token of at most
  // 128 characters, else a new UUID; answered in X-Request-Id and in error bodies, and on every
  // log line written while the request is served (the log context), whoever writes it.
  app.use('*', requestId({ headerName: 'X-Request-Id', limitLength: 128 }));
  app.use('*', (c, next) => withLogKeys({ correlationId: c.get('requestId') }, next));
  app.use('/api/*', async (c, next) => {
    c.set('respondWithHtml', false);
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(name)) c.header(name, value);
  });
  const smallBodies = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
    },
  });
  // Stripe's events can be larger than a form (a subscription with its invoice).
  const webhookBodies = bodyLimit({
    maxSize: 512 * 1024,
    onError: () => {
      throw new AppError('payload_too_large', 'The event is larger than 512 KB.');
    },
  });
  // Media uploads are files, not forms: their size limit is in the signed upload ticket.
  app.use('/api/*', (c, next) => {
    if (c.req.path.startsWith('/api/admin/media-uploads/')) return next();
    return c.req.path === '/api/stripe/webhook' ? webhookBodies(c, next) : smallBodies(c, next);
  });
  // On AWS, only what came through CloudFront (and its WAF) is served; the execute-api address answers 403.
  if (deps.originSecrets) app.use('/api/*', verifyOrigin(deps.originSecrets));
  app.use('/api/*', refuseCrossOriginPreflight);
  app.onError(handleError(deps.logger));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `There is nothing at ${c.req.method} ${c.req.path}.` } }, 404));

  app.openAPIRegistry.registerPath({
    method: 'get', path: '/api/health', tags: ['Platform'], summary: 'Liveness: 200 while the API answers.',
    responses: { 200: { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } } } } },
  });
  app.get('/api/health', (c) => c.json({ status: 'ok' as const }, 200, { 'Cache-Control': 'no-store' }));
  app.route('/api/sign-in', signInRoutes(deps));
  app.route('/api/campaigns', campaignRoutes(deps));
  app.route('/api/pledges', pledgeRoutes(deps, clientIp));
  app.route('/api/donations', donationRoutes(deps));
  app.route('/api/stripe', stripeWebhookRoutes(deps));
  app.route('/api/pledges', pledgeLinkRoutes(deps));
  app.route('/api/admin/pledges', adminPledgeRoutes(deps));
  app.route('/api/admin/campaigns', adminCampaignRoutes(deps));
  app.route('/api/admin/media-uploads', mediaUploadRoutes(deps));
  app.route('/api/finance', financeRoutes(deps));
  app.route('/api/admin/messages', adminMessageRoutes(deps));
  app.route('/api/admin/social/accounts', adminSocialAccountRoutes(deps));
  app.route('/api/social', socialAccountRoutes(deps, clientIp));
  app.route('/api/privacy', privacyRoutes(deps, clientIp));
  app.route('/api/admin/privacy', adminPrivacyRoutes(deps));
  mountDocs(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
