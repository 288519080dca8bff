import { OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { exportConfirmedPledges } from '../../domain/pledges/export-pledges.js';
import { findPledgesForReview, reviewPledges, setWallVisibility } from '../../domain/pledges/review-pledges.js';
import { AppError } from '../../domain/shared/errors.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv } from '../app-env.js';
import { requireRole } from '../middleware/require-role.js';
import { documentRoute } from '../openapi.js';
import { readValidBody } from '../read-body.js';
import { validate } from '../validate.js';
import {
  PledgeIdSchema,
  ReviewActionSchema,
  ReviewFilterSchema,
  ReviewListSchema,
  ReviewOutcomeSchema,
  WallVisibilitySchema,
} from './admin-pledges.schemas.js';

/** Console routes for campaign managers: review suspect pledges, moderate the wall, export. */
export function adminPledgeRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requireRole(deps.auth, ['manager']));
  const audit = (action: string, fields: Record<string, unknown>, by: string) =>
    deps.logger.info('admin action', { action, by, ...fields });

  documentRoute(app, {
    method: 'get', path: '/', tag: 'Console: pledges', query: ReviewFilterSchema as never, secured: true,
    summary: 'Pledges created in a time window, narrowed by review state, country, email domain or IP hash.',
    responses: { 200: { description: 'Newest first; no names or addresses', schema: ReviewListSchema } },
  });
  app.get('/', async (c) => {
    const filter = validate(ReviewFilterSchema, c.req.query());
    return c.json({ pledges: await findPledgesForReview(deps.pledges, { limit: 500, ...filter }) });
  });

  documentRoute(app, {
    method: 'post', path: '/review', tag: 'Console: pledges', body: ReviewActionSchema, secured: true,
    summary: 'Invalidate or restore every pledge matching a filter; the counters follow.',
    responses: { 200: { description: 'How many matched and how many changed', schema: ReviewOutcomeSchema } },
  });
  app.post('/review', async (c) => {
    const { action, filter } = await readValidBody(c, ReviewActionSchema);
    const outcome = await reviewPledges(deps.pledges, action, filter);
    audit(`pledges.${action}`, { filter, ...outcome }, c.get('principal').username);
    return c.json(outcome);
  });

  documentRoute(app, {
    method: 'put', path: '/{id}/wall', tag: 'Console: pledges', params: PledgeIdSchema, body: WallVisibilitySchema, secured: true,
    summary: 'Hide a pledge from the public wall, or show it again. The count is not affected.',
    responses: { 200: { description: 'Done' } },
  });
  app.put('/:id/wall', async (c) => {
    const { id } = validate(PledgeIdSchema, { id: c.req.param('id') });
    const { hidden } = await readValidBody(c, WallVisibilitySchema);
    const pledge = await setWallVisibility(deps.pledges, id, hidden);
    if (!pledge) throw new AppError('not_found', 'There is no pledge with that id.');
    audit(hidden ? 'wall.hide' : 'wall.show', { pledgeId: id }, c.get('principal').username);
    return c.json({ id, hiddenFromWall: pledge.hiddenFromWall });
  });

  documentRoute(app, {
    method: 'get', path: '/export.csv', tag: 'Console: pledges', secured: true,
    summary: 'Every confirmed pledge with its consent flags, as UTF-8 CSV (formula-safe).',
    responses: { 200: { description: 'CSV', csv: true } },
  });
  app.get('/export.csv', (c) => {
    audit('pledges.export', {}, c.get('principal').username);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="blue-heart-pledges-${new Date().toISOString().slice(0, 10)}.csv"`);
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      for await (const chunk of exportConfirmedPledges(deps.pledges)) await out.write(chunk);
    });
  });

  return app;
}
