import { beforeAll, describe, expect, it } from 'vitest';
import { SocialError, type SocialNetwork } from '../../../functions/domain/social/ports.js';
import { createTestPlatform, form, json, type TestPlatform } from '../../support/test-platform.js';
import { answer, approvedMessage } from './supporter-fixtures.js';

const good = { platform: 'bluesky', handle: 'marc.bsky.social', secret: 'aaaa-bbbb-cccc-dddd', language: 'fr', timeZone: 'Europe/Paris', consent: true };

/**
 * Whatever a supporter (or a script) sends, the answer is a 4xx a person can read, naming each
 * field; never a 500, and never an echo of the password.
 */
describe('lending with bad input gets a clear answer', () => {
  let platform: TestPlatform;
  const lend = (body: unknown, ip?: string) => answer(platform.request('/api/social/2026/accounts', { ...json(body), ...(ip ? { ip } : {}) }));
  const fields = (result: Awaited<ReturnType<typeof lend>>) => (result.body.error?.fields ?? []).map((f) => f.field).sort();

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set('2026-07-01T10:00:00Z');
    await approvedMessage(platform, 2026);
  });

  it('names every missing or malformed field', async () => {
    const empty = await lend({});
    expect(empty.status).toBe(400);
    expect(fields(empty)).toEqual(['consent', 'language', 'platform', 'timeZone']);
    const bad = await lend({ platform: 'myspace', language: 'xx', timeZone: 'Mars/Olympus', email: 'not-an-email', consent: false, extra: 1 });
    expect(fields(bad)).toEqual(['consent', 'email', 'extra', 'language', 'platform', 'timeZone']);
    expect(bad.body.error!.fields!.find((f) => f.field === 'consent')!.message).toMatch(/must be ticked/);
    expect(bad.body.error!.fields!.find((f) => f.field === 'timeZone')!.message).toMatch(/IANA time zone/);
  });

  it('checks handles, servers and the kind of secret per network', async () => {
    const noHandle = await lend({ ...good, handle: '' });
    expect(noHandle.body.error!.fields).toEqual([{ field: 'handle', message: 'is required, e.g. ana.bsky.social' }]);
    const mainPassword = await lend({ ...good, secret: 'my real password' });
    expect(mainPassword.body.error!.fields).toEqual([{ field: 'secret', message: 'must be a Bluesky app password (xxxx-xxxx-xxxx-xxxx), not your account password' }]);
    const noSecret = await lend({ ...good, secret: undefined });
    expect(noSecret).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'secret', message: 'is required' }] } } });
    const mastodonNoServer = await lend({ ...good, platform: 'mastodon', handle: 'marc', secret: 'x'.repeat(43) });
    expect(mastodonNoServer.body.error!.fields).toEqual([{ field: 'server', message: 'is required when the handle has no server, e.g. mastodon.social' }]);
    for (const server of ['http://mastodon.social', 'localhost', 'https://127.0.0.1', 'https://10.0.0.8', 'https://mastodon.social:8443', 'https://user:pw@mastodon.social', 'https://metadata.internal', 'https://mastodon.social/admin']) {
      const refused = await lend({ ...good, platform: 'mastodon', handle: 'marc', server, secret: 'x'.repeat(43) });
      expect(refused.status, server).toBe(400);
      expect(refused.body.error!.fields!.map((f) => f.field), server).toEqual(['server']);
    }
    const pds = await lend({ ...good, server: 'https://192.168.1.1' });
    expect(pds.body.error!.fields!.map((f) => f.field)).toEqual(['server']);
  });

  it('never echoes the secret, whatever is wrong', async () => {
    const secret = 'zzzz-yyyy-xxxx-wwww';
    const result = await lend({ ...good, secret, handle: 'not a handle' });
    expect(result.status).toBe(400);
    expect(JSON.stringify(result.body)).not.toContain(secret);
  });

  it('refuses a credential the network refuses: a 400 on the secret, nothing stored', async () => {
    const first = await lend({ ...good, handle: 'claire.bsky.social' });
    expect(first.status).toBe(201);
    // The sandbox, like Bluesky, knows one password per account: another one is refused.
    const refused = await lend({ ...good, handle: 'claire.bsky.social', secret: 'wxyz-wxyz-wxyz-wxyz', timeZone: 'Asia/Tokyo' });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.message).toBe('Bluesky refused the app password. Check the handle and the app password, then try again.');
    expect(refused.body.error!.fields).toEqual([{ field: 'secret', message: 'was refused by Bluesky: check the handle and the app password' }]);
    const stored = await platform.deps.lending.accounts.get((first.body as { account: { id: string } }).account.id);
    expect(stored!.timeZone).toBe('Europe/Paris');
  });

  it('maps a network that is down, slow or busy to a readable 503 or 429', async () => {
    const original = platform.deps.lending.networks.mastodon;
    const failing = (error: Error): SocialNetwork => ({ platform: 'mastodon', publish: () => Promise.reject(error), findPost: () => Promise.reject(error), followers: () => Promise.reject(error) });
    const mastodon = { ...good, platform: 'mastodon', handle: '@marc@mastodon.example', secret: 'x'.repeat(43) };
    try {
      platform.deps.lending.networks.mastodon = failing(new SocialError('unavailable', '503 Service Unavailable', { status: 503 }));
      const down = await lend(mastodon);
      expect(down.status).toBe(503);
      expect(down.body.error!.message).toMatch(/could not reach mastodon\.example/);
      platform.deps.lending.networks.mastodon = failing(new TypeError('fetch failed'));
      expect((await lend(mastodon)).status).toBe(503);
      platform.deps.lending.networks.mastodon = failing(new SocialError('rate_limited', '429', { retryAfterMs: 60_000 }));
      expect((await lend(mastodon)).status).toBe(429);
      platform.deps.lending.networks.mastodon = failing(new SocialError('auth', '401 The access token is invalid'));
      const refused = await lend(mastodon);
      expect(refused.body.error!.fields).toEqual([{ field: 'secret', message: 'was refused by Mastodon: check the handle, the server and the access token' }]);
      delete platform.deps.lending.networks.mastodon;
      const notConnected = await lend(mastodon);
      expect(notConnected).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'platform', message: 'cannot be lent on this site yet: Mastodon is not connected' }] } } });
    } finally {
      platform.deps.lending.networks.mastodon = original;
    }
  });

  it('refuses bodies that are not JSON, and bad years and queries', async () => {
    expect((await answer(platform.request('/api/social/2026/accounts', form({ platform: 'bluesky' })))).status).toBe(415);
    const broken = await answer(platform.request('/api/social/2026/accounts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"platform":' }));
    expect(broken).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'body', message: 'is not valid JSON' }] } } });
    const year = await answer(platform.request('/api/social/nineteen/accounts', json(good)));
    expect(year).toMatchObject({ status: 400, body: { error: { fields: [{ field: 'year' }] } } });
    expect((await answer(platform.request('/api/social/1999/reach'))).status).toBe(400);
    const query = await answer(platform.request('/api/social/2026/preview?language=klingon&platform=bluesky&extra=1'));
    expect(query.status).toBe(400);
    expect(query.body.error!.fields!.map((f) => f.field).sort()).toEqual(['extra', 'language']);
    const noMessage = await lend({ ...good, handle: 'later.bsky.social' }).then(() => answer(platform.request('/api/social/2030/accounts', json(good))));
    expect(noMessage.status).toBe(404);
  });

  it('is documented in the OpenAPI document, with the schemas it validates with', async () => {
    const document = (await (await platform.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> }; responses: Record<string, unknown> }>> };
    // Every route is documented (openapi-documents-every-route); here, the lending ones with their schemas.
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining([
      '/api/social/accounts/revoke', '/api/social/{year}/accounts', '/api/social/{year}/preview', '/api/social/{year}/reach',
    ]));
    expect(document.paths['/api/social/{year}/accounts']!.post!.requestBody!.content['application/json']!.schema.$ref).toBe('#/components/schemas/LendInput');
    expect(Object.keys(document.paths['/api/social/{year}/accounts']!.post!.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '429']));
  });

  it('limits lendings per IP, with a readable 429', async () => {
    const ip = '198.51.100.23';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await lend({ ...good, handle: `burst${i}.bsky.social` }, ip)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await lend({ ...good, handle: 'burst9.bsky.social' }, ip);
    expect(limited.body.error!.message).toMatch(/Too many accounts were lent from your network/);
    // Another network is not affected; the next minute this one may lend again.
    expect((await lend({ ...good, handle: 'other.bsky.social' }, '198.51.100.24')).status).toBe(201);
    platform.clock.advance(61_000);
    expect((await lend({ ...good, handle: 'burst7.bsky.social' }, ip)).status).toBe(201);
  });
});
