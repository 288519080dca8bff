import { OpenAPIHono } from '@hono/zod-openapi';
import { submitPledge } from '../../domain/pledges/submit-pledge.js';
import type { PledgeStats } from '../../domain/pledges/pledge.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv, ClientIpResolver } from '../app-env.js';
import { documentRoute } from '../openapi.js';
import { readJsonOrForm } from '../read-body.js';
import { validate } from '../validate.js';
import {
  PledgeAcceptedSchema,
  PledgeInputSchema,
  PledgeStatsSchema,
  WallQuerySchema,
  WallSchema,
  pledgeFormToInput,
} from './pledges.schemas.js';

/** The public pledge API: challenge, pledge, stats, wall. */
export function pledgeRoutes(deps: AppDeps, clientIp: ClientIpResolver) {
  const app = new OpenAPIHono<AppEnv>();
  const statsCache = memoise(() => deps.pledges.store.stats(deps.pledges.clock.now()), deps.statsMaxAgeSeconds * 1000);

  documentRoute(app, {
    method: 'get', path: '/challenge', tag: 'Pledges',
    summary: 'A proof-of-work challenge (ALTCHA v2) for the pledge form to solve before it posts.',
    responses: { 200: { description: 'A signed challenge' } },
  });
  app.get('/challenge', async (c) =>
    c.json(await deps.pledges.proofOfWork.createChallenge(deps.pledges.clock.now()), 200, { 'Cache-Control': 'no-store' }),
  );

  documentRoute(app, {
    method: 'post', path: '/', tag: 'Pledges', body: PledgeInputSchema, form: true,
    summary: 'Pledge to the Blue Heart Campaign. A confirmation email follows; only confirmed pledges count.',
    responses: {
      202: { description: 'Accepted; the pledger must confirm from the email', schema: PledgeAcceptedSchema },
      303: { description: 'For form posts: on to the "check your email" page' },
    },
  });
  app.post('/', async (c) => {
    const { body, form } = await readJsonOrForm(c);
    const input = validate(PledgeInputSchema, form ? pledgeFormToInput(form) : body);
    await submitPledge(deps.pledges, input, { ip: clientIp(c), proofOfWork: input.altcha, honeypot: input.website });
    if (form) return c.redirect(`/${input.language}/pledge/check-email/`, 303);
    return c.json({ status: 'pending' as const }, 202);
  });

  documentRoute(app, {
    method: 'get', path: '/stats', tag: 'Pledges',
    summary: 'Confirmed pledges: total, per country, per chapter, and in the last 24 hours (to the hour). Cacheable for a few seconds.',
    responses: { 200: { description: 'Counters', schema: PledgeStatsSchema } },
  });
  /** Public figures may be a few seconds old: browsers and the CDN absorb the World Day peak. */
  const maxAge = deps.statsMaxAgeSeconds;
  const publicCache = {
    'Cache-Control': maxAge > 0 ? `public, max-age=${maxAge}, s-maxage=${maxAge}, stale-while-revalidate=30` : 'no-cache',
  };
  app.get('/stats', async (c) => c.json(await statsCache(), 200, publicCache));

  documentRoute(app, {
    method: 'get', path: '/wall', tag: 'Pledges', query: WallQuerySchema,
    summary: 'Recent confirmed pledgers who chose to be shown: first name and country only.',
    responses: { 200: { description: 'Newest first', schema: WallSchema } },
  });
  app.get('/wall', async (c) => {
    const { limit } = validate(WallQuerySchema, c.req.query());
    return c.json({ entries: await deps.pledges.store.wall(limit) }, 200, publicCache);
  });

  return app;
}

/**
 * Keeps a result for `ttlMs` and shares one in-flight read between concurrent callers, so a
 * burst of stats requests costs one set of DynamoDB queries per interval per process.
 */
function memoise(load: () => Promise<PledgeStats>, ttlMs: number) {
  let cached: { at: number; value: Promise<PledgeStats> } | undefined;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at >= ttlMs) {
      const value = load();
      cached = { at: now, value };
      value.catch(() => (cached = undefined));
    }
    return cached.value;
  };
}
