import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  connectOrganisationAccount,
  disconnectOrganisationAccount,
  listOrganisationAccounts,
  organisationAccountHistory,
  reconnectOrganisationAccount,
} from '../../domain/social/connect-organisation-account.js';
import type { AppDeps } from '../../config/deps.js';
import type { AppEnv } from '../app-env.js';
import { requireRole } from '../middleware/require-role.js';
import { documentRoute } from '../openapi.js';
import { readValidBody } from '../read-body.js';
import { validate } from '../validate.js';
import { AccountAuditEntrySchema, AccountParamsSchema, ConnectAccountSchema, OrganisationAccountSchema, ReconnectAccountSchema } from './admin-social-accounts.schemas.js';

const TAG = 'Console: organisation accounts';
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The organisation's own social accounts, connected once by a manager: they post every
 * campaign's messages. Managers (and admins, who may do what managers do, as for the messages
 * themselves: no separation of duties is at stake, unlike money) connect, reconnect and
 * disconnect them. The credential is checked with the network, sealed, and never answered.
 */
export function adminSocialAccountRoutes(deps: AppDeps) {
  const organisation = deps.organisation;
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requireRole(deps.auth, ['manager']));
  const user = (c: Context<AppEnv>) => c.get('principal').username;
  const id = (c: Context<AppEnv>) => validate(AccountParamsSchema, { id: c.req.param('id') }).id;

  documentRoute(app, {
    method: 'get', path: '/', tag: TAG, secured: true,
    summary: "The organisation's connected accounts (active, and expired ones to reconnect): platform, handle, followers, language, time zone, who connected them. Never a credential.",
    responses: { 200: { description: 'Accounts', schema: z.object({ accounts: z.array(OrganisationAccountSchema) }) } },
  });
  app.get('/', async (c) => c.json({ accounts: await listOrganisationAccounts(organisation) }, 200, NO_STORE));

  documentRoute(app, {
    method: 'post', path: '/', tag: TAG, body: ConnectAccountSchema, secured: true,
    summary:
      "Connects one of the organisation's accounts. The credential (Mastodon access token, Bluesky app password, X/LinkedIn/Threads access token, Facebook Page access token, with the Page id or LinkedIn author URN) is checked with the network, which gives the followers, then sealed. From then on the account posts every campaign's messages in its language, at its time zone's local time. A refused credential is a 400 on `secret`.",
    responses: {
      201: { description: 'Connected', schema: OrganisationAccountSchema },
      409: { description: 'The account is connected already: reconnect it to replace its credential' },
      429: { description: 'The network asked us to slow down' },
    },
  });
  app.post('/', async (c) => {
    const input = await readValidBody(c, ConnectAccountSchema);
    return c.json(await connectOrganisationAccount(organisation, input, user(c)), 201, NO_STORE);
  });

  documentRoute(app, {
    method: 'get', path: '/history', tag: TAG, secured: true,
    summary: 'Who connected, reconnected and disconnected which account, and when (newest first, the last 200).',
    responses: { 200: { description: 'Audit log', schema: z.object({ entries: z.array(AccountAuditEntrySchema) }) } },
  });
  app.get('/history', async (c) => c.json({ entries: await organisationAccountHistory(organisation) }, 200, NO_STORE));

  documentRoute(app, {
    method: 'post', path: '/{id}/reconnect', tag: TAG, params: AccountParamsSchema, body: ReconnectAccountSchema, secured: true,
    summary: "Replaces an account's credential (an expired account must be reconnected before it posts again). Checked with the network like a new one; the account is active again.",
    responses: { 200: { description: 'Reconnected', schema: OrganisationAccountSchema }, 404: { description: 'No such connected account' } },
  });
  app.post('/:id/reconnect', async (c) => {
    const accountId = id(c);
    const input = await readValidBody(c, ReconnectAccountSchema);
    return c.json(await reconnectOrganisationAccount(organisation, accountId, input, user(c)), 200, NO_STORE);
  });

  documentRoute(app, {
    method: 'delete', path: '/{id}', tag: TAG, params: AccountParamsSchema, secured: true,
    summary: 'Disconnects an account: in one write its credential is deleted and it leaves every campaign (a blast under way skips it).',
    responses: { 204: { description: 'Disconnected' }, 404: { description: 'No such connected account' } },
  });
  app.delete('/:id', async (c) => {
    await disconnectOrganisationAccount(organisation, id(c), user(c));
    return c.body(null, 204, NO_STORE);
  });

  return app;
}
