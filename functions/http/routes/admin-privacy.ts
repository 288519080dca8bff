import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eraseForRequest } from '../../domain/privacy/request-erasure.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv } from '../app-env.js';
import { requireRole } from '../middleware/require-role.js';
import { documentRoute } from '../openapi.js';
import { readValidBody } from '../read-body.js';
import { validate } from '../validate.js';
import { AdminErasureSchema, ErasureLogEntrySchema, ErasureLogQuerySchema } from './privacy.schemas.js';

const TAG = 'Console: privacy';
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * Erasure for requests received by post or phone, by an admin only (no manager or finance user:
 * it reaches into pledges, lent accounts and the books at once). Every erasure, the admin's and
 * the person's own, is in the log with who, when, a keyed hash of the address and the counts;
 * the address itself is never stored or logged.
 */
export function adminPrivacyRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requireRole(deps.auth, ['admin']));

  documentRoute(app, {
    method: 'post', path: '/erasures', tag: TAG, body: AdminErasureSchema, secured: true,
    summary:
      'Erases everything held for an address now (pledges, lent accounts, donor data on gifts, the Stripe customer), as the emailed link would, and logs it under the admin’s name with a keyed hash of the address. Safe to repeat.',
    responses: { 200: { description: 'Erased, with the log entry', schema: ErasureLogEntrySchema } },
  });
  app.post('/erasures', async (c) => {
    const input = await readValidBody(c, AdminErasureSchema);
    return c.json(await eraseForRequest(deps.privacy, input, c.get('principal').username), 200, NO_STORE);
  });

  documentRoute(app, {
    method: 'get', path: '/erasures', tag: TAG, query: ErasureLogQuerySchema, secured: true,
    summary: "The erasure log of a month (YYYY-MM), newest first: when, by whom (an admin, or `self`), the address's keyed hash, the counts.",
    responses: { 200: { description: 'The log', schema: z.object({ entries: z.array(ErasureLogEntrySchema) }) } },
  });
  app.get('/erasures', async (c) => {
    const { month } = validate(ErasureLogQuerySchema, c.req.query());
    return c.json({ entries: await deps.privacy.personalData.erasures(month) }, 200, NO_STORE);
  });

  return app;
}
