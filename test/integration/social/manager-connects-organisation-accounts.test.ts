import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxFollowers } from '../../../functions/adapters/social/sandbox-network.js';
import type { AccountAuditEntry, OrganisationAccountView } from '../../../functions/domain/social/organisation-accounts.js';
import { createTestPlatform, type TestPlatform } from '../../support/test-platform.js';
import { answer, rawTable } from './supporter-fixtures.js';

const MASTODON_TOKEN = 'org-mastodon-token-0123456789abcdef';
const BLUESKY_PASSWORD = 'orgx-blue-hear-t001';
const FACEBOOK_TOKEN = 'EAAGm0PX4ZCpsBA-page-token-0123456789';
const SECRETS = [MASTODON_TOKEN, BLUESKY_PASSWORD, FACEBOOK_TOKEN, 'wrong-token-0123456789abcdefghij', 'zzzz-zzzz-zzzz-zzzz'];

/**
 * Managers connect the organisation's own accounts once: the credential is checked with the
 * network (the sandbox here) and sealed, the account posts every campaign's messages and counts
 * in the reach, an expired one is reconnected, a disconnect deletes the credential in the same
 * write, and the audit log says who did what. No answer ever carries a credential.
 */
describe('a manager connects the organisation’s accounts', () => {
  let platform: TestPlatform;
  let table: ReturnType<typeof rawTable>;
  const answered: string[] = [];
  let mastodonId: string;

  const call = async <T = Record<string, unknown>>(as: string, method: string, path = '', body?: unknown) => {
    const token = await platform.identity.issueToken(`${as}@blueheart.local`);
    const response = await platform.request(`/api/admin/social/accounts${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    answered.push(await response.clone().text());
    // Every action a second apart: the audit log's order is the order of the actions.
    platform.clock.advance(1_000);
    return answer<T>(response);
  };
  const connect = (body: Record<string, unknown>, as = 'manager') => call<OrganisationAccountView>(as, 'POST', '', { language: 'en', timeZone: 'Europe/Vienna', ...body });
  const list = async () => (await call<{ accounts: OrganisationAccountView[] }>('manager', 'GET')).body.accounts;

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set('2026-07-01T10:00:00Z');
    table = rawTable(platform);
  });
  afterAll(() => table.destroy());

  it('has none at first', async () => {
    expect(await list()).toEqual([]);
  });

  it('connects a Mastodon account: checked with the network, sealed, never answered', async () => {
    const at = platform.clock.now().toISOString();
    const connected = await connect({ platform: 'mastodon', handle: '@BlueHeart@mastodon.social', secret: MASTODON_TOKEN, language: 'es', timeZone: 'America/Mexico_City' });
    expect(connected.status).toBe(201);
    mastodonId = connected.body.id;
    expect(connected.body).toEqual({
      id: mastodonId, platform: 'mastodon', handle: '@blueheart@mastodon.social', server: 'https://mastodon.social',
      followers: sandboxFollowers('@blueheart@mastodon.social'), language: 'es', timeZone: 'America/Mexico_City',
      status: 'active', connectedAt: at, connectedBy: 'manager@blueheart.local',
    });
    expect(await list()).toEqual([connected.body]);

    const item = await table.item(`SOCIAL-ACCOUNT#${mastodonId}`, 'ACCOUNT');
    expect(item).toMatchObject({ owner: 'organisation', status: 'active', connectedBy: 'manager@blueheart.local' });
    expect(item!.campaignYear).toBeUndefined();
    expect(item!.encryptedToken).toMatch(/^v1\./);
    expect(JSON.stringify(item)).not.toContain(MASTODON_TOKEN);
    const target = await table.item('SOCIAL-TARGETS#organisation', `ACCOUNT#${mastodonId}`);
    expect(target).toMatchObject({ id: mastodonId, owner: 'organisation', status: 'active' });
    expect(target!.encryptedToken).toBeUndefined();
    expect(await platform.deps.lending.tokenBox.open(item!.encryptedToken as string)).toBe(MASTODON_TOKEN);

    // Organisation accounts serve every campaign: they count in each one's reach.
    for (const year of [2026, 2027]) {
      expect((await answer(platform.request(`/api/social/${year}/reach`))).body).toMatchObject({ organisationAccounts: 1, organisationFollowers: sandboxFollowers('@blueheart@mastodon.social') });
    }
  });

  it('refuses to connect the same account twice (409: reconnect it instead)', async () => {
    const again = await connect({ platform: 'mastodon', handle: 'blueheart', server: 'mastodon.social', secret: MASTODON_TOKEN });
    expect(again.status).toBe(409);
    expect(again.body.error!.message).toMatch(/connected already.*reconnect/);
    expect(await list()).toHaveLength(1);
  });

  it('connects a Facebook Page with its id, in the format its adapter reads', async () => {
    const page = await connect({ platform: 'facebook', handle: 'Blue Heart Campaign', pageId: '104857600123456', secret: FACEBOOK_TOKEN });
    expect(page.status).toBe(201);
    expect(page.body).toMatchObject({ platform: 'facebook', handle: 'Blue Heart Campaign', accountRef: '104857600123456', status: 'active' });
    const item = await table.item(`SOCIAL-ACCOUNT#${page.body.id}`, 'ACCOUNT');
    expect(JSON.parse(await platform.deps.lending.tokenBox.open(item!.encryptedToken as string))).toEqual({ pageId: '104857600123456', pageAccessToken: FACEBOOK_TOKEN });
    expect((await list()).map((a) => a.platform)).toEqual(['facebook', 'mastodon']);
  });

  it('answers bad input with a 400 naming each field, never repeating a secret', async () => {
    const cases: Array<[body: Record<string, unknown>, fields: string[]]> = [
      [{ platform: 'myspace', handle: 'x', secret: MASTODON_TOKEN }, ['platform']],
      [{ platform: 'bluesky', handle: 'blueheart.bsky.social', secret: 'the-account-password' }, ['secret']],
      [{ platform: 'bluesky', handle: 'not a handle', secret: BLUESKY_PASSWORD }, ['handle']],
      [{ platform: 'mastodon', handle: '@blueheart', secret: MASTODON_TOKEN }, ['server']],
      [{ platform: 'mastodon', handle: '@blueheart@mastodon.social', server: 'http://10.0.0.1', secret: MASTODON_TOKEN }, ['server']],
      [{ platform: 'facebook', handle: 'Blue Heart', secret: FACEBOOK_TOKEN }, ['pageId']],
      [{ platform: 'linkedin', handle: 'Blue Heart', authorUrn: 'urn:li:company:1', secret: FACEBOOK_TOKEN }, ['authorUrn']],
      [{ platform: 'mastodon', handle: '@blueheart@mastodon.social', pageId: '104857600123456', secret: MASTODON_TOKEN }, ['pageId']],
      [{ platform: 'x', handle: '@BlueHeartUN', secret: FACEBOOK_TOKEN, appKey: 'app-key-0123456789abcdef' }, ['accessSecret', 'appSecret']],
      [{ platform: 'x', handle: '', secret: FACEBOOK_TOKEN }, ['handle']],
      [{ platform: 'mastodon', handle: '@blueheart@mastodon.social' }, ['secret']],
      [{ platform: 'mastodon', handle: '@blueheart@mastodon.social', secret: MASTODON_TOKEN, timeZone: 'Mars/Olympus_Mons' }, ['timeZone']],
      [{ platform: 'mastodon', handle: '@blueheart@mastodon.social', secret: MASTODON_TOKEN, language: 'de' }, ['language']],
      [{ platform: 'mastodon', handle: '@blueheart@mastodon.social', secret: MASTODON_TOKEN, campaignYear: 2026 }, ['campaignYear']],
    ];
    for (const [body, fields] of cases) {
      const bad = await connect(body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error!.code).toBe('validation_failed');
      expect(bad.body.error!.fields!.map((f) => f.field).sort(), JSON.stringify(body)).toEqual(fields);
    }
    const notJson = await platform.request('/api/admin/social/accounts', { method: 'POST', headers: { authorization: `Bearer ${await platform.identity.issueToken('manager@blueheart.local')}`, 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(await list()).toHaveLength(2);
  });

  it('a credential the network refuses is a 400 on secret, and changes nothing', async () => {
    const before = await table.item(`SOCIAL-ACCOUNT#${mastodonId}`, 'ACCOUNT');
    const refused = await call(`manager`, 'POST', `/${mastodonId}/reconnect`, { secret: 'wrong-token-0123456789abcdefghij' });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.fields).toEqual([{ field: 'secret', message: 'was refused by Mastodon: check the handle, the server and the access token' }]);
    expect(await table.item(`SOCIAL-ACCOUNT#${mastodonId}`, 'ACCOUNT')).toEqual(before);

    // A new account the network does not know with this password: the sandbox knows the handle already.
    await connect({ platform: 'bluesky', handle: 'blueheart.bsky.social', secret: BLUESKY_PASSWORD });
    const bluesky = (await list()).find((a) => a.platform === 'bluesky')!;
    expect((await call('manager', 'DELETE', `/${bluesky.id}`)).status).toBe(204);
    const wrong = await connect({ platform: 'bluesky', handle: 'blueheart.bsky.social', secret: 'zzzz-zzzz-zzzz-zzzz' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error!.fields).toEqual([{ field: 'secret', message: 'was refused by Bluesky: check the handle and the app password' }]);
    expect((await list()).map((a) => a.platform)).toEqual(['facebook', 'mastodon']);
  });

  it('a platform without an adapter on the deployment is a 400 on platform', async () => {
    const networks = platform.deps.organisation.networks;
    const threads = networks.threads;
    delete networks.threads;
    try {
      const none = await connect({ platform: 'threads', handle: '@blueheart', secret: FACEBOOK_TOKEN });
      expect(none.status).toBe(400);
      expect(none.body.error!.fields).toEqual([{ field: 'platform', message: 'cannot be connected on this deployment yet: it has no Threads adapter' }]);
    } finally {
      networks.threads = threads;
    }
  });

  it('an expired account says so, and reconnecting makes it active again', async () => {
    platform.clock.set('2026-07-20T08:00:00Z');
    await platform.deps.lending.accounts.markExpired(mastodonId, platform.clock.now());
    expect((await list()).find((a) => a.id === mastodonId)).toMatchObject({ status: 'expired', expiredAt: '2026-07-20T08:00:00.000Z' });

    platform.clock.set('2026-07-20T09:00:00Z');
    const back = await call<OrganisationAccountView>('manager2', 'POST', `/${mastodonId}/reconnect`, { secret: MASTODON_TOKEN });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ id: mastodonId, status: 'active', connectedBy: 'manager@blueheart.local', reconnectedBy: 'manager2@blueheart.local', reconnectedAt: '2026-07-20T09:00:00.000Z' });
    expect(back.body.expiredAt).toBeUndefined();
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ organisationAccounts: 2 });
  });

  it('disconnecting deletes the credential in the same write, leaves the targets and the reach', async () => {
    platform.clock.set('2026-07-21T09:00:00Z');
    const gone = await call('admin', 'DELETE', `/${mastodonId}`);
    expect(gone.status).toBe(204);
    const item = await table.item(`SOCIAL-ACCOUNT#${mastodonId}`, 'ACCOUNT');
    expect(item).toMatchObject({ status: 'revoked', revokedAt: '2026-07-21T09:00:00.000Z' });
    expect(item!.encryptedToken).toBeUndefined();
    expect(await table.item('SOCIAL-TARGETS#organisation', `ACCOUNT#${mastodonId}`)).toBeUndefined();
    expect((await list()).map((a) => a.platform)).toEqual(['facebook']);
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ organisationAccounts: 1 });

    expect((await call('manager', 'DELETE', `/${mastodonId}`)).status).toBe(404);
    expect((await call('manager', 'POST', `/${mastodonId}/reconnect`, { secret: MASTODON_TOKEN })).status).toBe(404);
    expect((await call('manager', 'DELETE', '/not%20an%20id')).status).toBe(400);
  });

  it('keeps who connected, reconnected and disconnected what, newest first', async () => {
    const { status, body } = await call<{ entries: AccountAuditEntry[] }>('manager', 'GET', '/history');
    expect(status).toBe(200);
    expect(body.entries.map((e) => [e.action, e.platform, e.by])).toEqual([
      ['account.disconnect', 'mastodon', 'admin@blueheart.local'],
      ['account.reconnect', 'mastodon', 'manager2@blueheart.local'],
      ['account.disconnect', 'bluesky', 'manager@blueheart.local'],
      ['account.connect', 'bluesky', 'manager@blueheart.local'],
      ['account.connect', 'facebook', 'manager@blueheart.local'],
      ['account.connect', 'mastodon', 'manager@blueheart.local'],
    ]);
    expect(body.entries[0]).toMatchObject({ accountId: mastodonId, handle: '@blueheart@mastodon.social', before: { status: 'active' }, after: { status: 'revoked' } });
    expect(body.entries[1]).toMatchObject({ before: { status: 'expired' }, after: { status: 'active' } });
  });

  it('never answered a credential', () => {
    expect(answered.length).toBeGreaterThan(20);
    for (const text of answered) for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});
