import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { negotiateLanguage } from '../domain/shared/languages.js';
import type { PledgeStats } from '../domain/pledges/pledge.js';
import type { Campaign } from '../domain/campaigns/campaign.js';
import type { App } from '../http/app.js';
import { securityHeaders } from '../http/security-headers.js';
import { buildSite } from '../../web/build.js';
import type { LocalIdentity } from './local-identity.js';
import { mailboxApp } from './mailbox.js';

/**
 * The local stand-in for CloudFront: static pages from the built site, /api to the API app,
 * plus the local-only sign-in (/auth) and mailbox (/mailbox). It answers 503 until mounted,
 * so the port can be bound before the platform knows its own URL.
 */
export function createSiteServer(options: { webDir: string }) {
  let ready: Hono | undefined;
  const root = new Hono();
  root.all('*', (c) => (ready ? ready.fetch(c.req.raw, c.env) : c.text('Starting…', 503, { 'Retry-After': '1' })));

  return {
    fetch: root.fetch,
    /** The whole site, from the live campaigns and a snapshot of the counters. */
    build: (snapshot: { stats: PledgeStats; campaigns: Campaign[]; now: Date; publicUrl: string }) =>
      buildSite({ outDir: options.webDir, statsSnapshot: snapshot.stats, campaigns: snapshot.campaigns, now: snapshot.now, publicUrl: snapshot.publicUrl }),
    /** `paymentPage`: where donate forms may lead (the Stripe stand-in locally; Stripe otherwise). */
    mount(parts: { api: App; identity: LocalIdentity; sesEndpoint: string; paymentPage?: string }) {
      const headers = securityHeaders(parts.paymentPage ? { formAction: [parts.paymentPage] } : {});
      const app = new Hono();
      app.all('/api/*', (c) => parts.api.fetch(c.req.raw, c.env));
      app.route('/auth', parts.identity.app);
      app.route('/mailbox', mailboxApp(parts.sesEndpoint));
      app.use('*', async (c, next) => {
        await next();
        for (const [name, value] of Object.entries(headers)) if (!c.res.headers.has(name)) c.header(name, value);
      });
      // `/` picks a language from Accept-Language, as CloudFront's function does on AWS.
      app.get('/', (c) => c.redirect(`/${negotiateLanguage(c.req.header('accept-language'))}/`, 302));
      // Directory URLs without a trailing slash (/en/pledge) → /en/pledge/ like the CDN.
      app.get('*', async (c, next) => {
        if (!c.req.path.endsWith('/') && !/\.[a-z0-9]+$/i.test(c.req.path)) return c.redirect(`${c.req.path}/`, 301);
        await next();
      });
      app.use('*', serveStatic({ root: options.webDir, index: 'index.html' }));
      app.notFound(async (c) => {
        const page = await readFile(join(options.webDir, '404.html'), 'utf8').catch(() => 'Not found');
        return c.html(page, 404);
      });
      ready = app;
    },
  };
}
