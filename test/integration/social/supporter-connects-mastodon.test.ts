import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../functions/adapters/log/logger.js';
import { MastodonNetwork } from '../../../functions/adapters/social/mastodon-network.js';
import type { AccountCredentials, SocialNetwork } from '../../../functions/domain/social/ports.js';
import type { SocialMessage } from '../../../functions/domain/social/social.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';
import { startMastodonStandin, type MastodonStandin } from './mastodon-standin.js';
import { answer, approvedMessage, rawTable, revokeTokenIn } from './supporter-fixtures.js';

const CALLBACK = 'http://localhost:3000/api/social/oauth/mastodon/callback';
const SCOPES = 'read:accounts read:statuses write:statuses write:media';

/**
 * Lucía connects her Mastodon account with OAuth instead of pasting a token: she names her server,
 * the platform registers its app there once (and reuses it), sends her to the instance's
 * authorization page with PKCE, and on her way back exchanges the code with the verifier and
 * lends the account exactly as a pasted token is lent. Against a stand-in instance that answers
 * in the shapes of Mastodon's documentation and checks the verifier as Doorkeeper does. Then
 * everything that can go wrong: she says no, takes too long, the state is forged, the callback
 * is replayed, the instance refuses, the message changed, the server is not one we may call.
 */
describe('a supporter connects a Mastodon account with OAuth', () => {
  let platform: TestPlatform;
  let standin: MastodonStandin;
  let table: ReturnType<typeof rawTable>;
  let message: SocialMessage;
  const email = 'lucia.connects@example.org';

  const start = (body: Record<string, unknown>, ip?: string) =>
    answer<{ authorizeUrl: string; instance: string }>(
      platform.request('/api/social/2026/oauth/mastodon/start', { ...json({ server: 'mastodon.example', language: 'en', timeZone: 'Europe/Vienna', consent: true, ...body }), ...(ip ? { ip } : {}) }),
    );
  /** Follows the instance's redirect to our callback, as the browser would; returns where we send her. */
  const callback = async (location: string) => {
    const url = new URL(location);
    const response = await platform.request(`${url.pathname}${url.search}`, { ip: '198.51.100.20' });
    return { status: response.status, location: response.headers.get('location') ?? '', body: await response.text(), type: response.headers.get('content-type') ?? '' };
  };
  /** The flow id inside the state's signed part (base64url JSON whose subject is the choices' JSON). */
  const flowIdOf = (authorizeUrl: string): string => {
    const signed = new URL(authorizeUrl).searchParams.get('state')!.split('~')[1]!;
    return (JSON.parse((JSON.parse(Buffer.from(signed.split('.')[0]!, 'base64url').toString()) as { s: string }).s) as { f: string }).f;
  };
  const fragment = (location: string) => Object.fromEntries(new URLSearchParams(location.split('#')[1] ?? ''));
  const connectAs = async (username: string, body: Record<string, unknown> = {}) => {
    const started = await start(body);
    expect(started.status).toBe(200);
    const at = await standin.authorize(started.body.authorizeUrl, { approveAs: username });
    expect(at.status).toBe(302);
    return { started: started.body, location: at.location! };
  };

  beforeAll(async () => {
    platform = await createTestPlatform();
    platform.clock.set('2026-07-01T10:00:00Z');
    table = rawTable(platform);
    standin = await startMastodonStandin({ domain: 'mastodon.example' });
    // The stand-in is a local origin: allowed by name, as on local and test stages only.
    platform.deps.mastodonConnect.instances.local['mastodon.example'] = standin.url;
    // Lending checks the token with the real adapter, pointed at the stand-in (the account's stored server is https://mastodon.example).
    const real = new MastodonNetwork({ timeoutMs: 2_000 });
    const there = (account: AccountCredentials): AccountCredentials => ({ ...account, server: standin.url });
    const network: SocialNetwork = {
      platform: 'mastodon',
      publish: (account, post) => real.publish(there(account), post),
      findPost: (account, post) => real.findPost(there(account), post),
      followers: (account) => real.followers(there(account)),
    };
    platform.deps.lending.networks.mastodon = network;
    standin.addAccount('lucia', 'token-lucia-pasted-000000', 1_234);
    standin.addAccount('omar', 'token-omar-pasted-0000000', 56);
    message = await approvedMessage(platform, 2026);
  });
  afterAll(async () => {
    table?.destroy();
    await standin?.stop();
  });
  beforeEach(() => {
    standin.requests.length = 0;
  });

  it('registers the platform’s app on her instance and sends her there with PKCE and a signed state', async () => {
    const started = await start({ server: '@Lucia@Mastodon.Example', email }, '198.51.100.20');
    expect(started.status).toBe(200);
    expect(started.body.instance).toBe('mastodon.example');

    const [registration] = standin.seen('POST /api/v1/apps');
    expect(registration!.json).toEqual({ client_name: 'Blue Heart', redirect_uris: CALLBACK, scopes: SCOPES, website: 'http://localhost:3000' });
    const [app] = standin.apps();

    const authorize = new URL(started.body.authorizeUrl);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${standin.url}/oauth/authorize`);
    const params = Object.fromEntries(authorize.searchParams);
    expect(params).toMatchObject({ response_type: 'code', client_id: app!.clientId, redirect_uri: CALLBACK, scope: SCOPES, code_challenge_method: 'S256', lang: 'en' });
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.state).toMatch(/^2026-en~/);
    // Her email waits on our side: it is nowhere in what the instance sees.
    expect(started.body.authorizeUrl.toLowerCase()).not.toContain('lucia.connects');
    expect(Buffer.from(params.state!.split('~')[1]!.split('.')[0]!, 'base64url').toString()).not.toContain('@');

    // The app is kept with its secret sealed.
    const kept = await table.item('MASTODON-APP#mastodon.example', `APP#${CALLBACK}`);
    expect(kept).toMatchObject({ clientId: app!.clientId, scopes: SCOPES, redirectUri: CALLBACK });
    expect(kept!.sealedClientSecret).toMatch(/^v1\./);
    expect(JSON.stringify(kept)).not.toContain(app!.clientSecret);
  });

  it('exchanges the code with the verifier, and lends her account as a pasted token would be', async () => {
    const started = await start({ email }, '198.51.100.20');
    const { authorizeUrl } = started.body;
    expect(standin.seen('POST /api/v1/apps')).toHaveLength(0);
    const at = await standin.authorize(authorizeUrl, { approveAs: 'lucia' });
    expect(at.location).toMatch(new RegExp(`^${CALLBACK}\\?code=`));

    const back = await callback(at.location!);
    expect(back.status).toBe(303);
    expect(back.location.split('#')[0]).toBe('/en/campaigns/2026/lend-your-voice/');
    const result = fragment(back.location);
    expect(result).toMatchObject({ mastodon: 'connected', handle: '@lucia@mastodon.example', language: 'en', followers: '1234', emailed: '1' });

    // The token request, as RFC 6749 §4.1.3 and RFC 7636 §4.5 have it.
    const [exchange] = standin.seen('POST /oauth/token');
    const [app] = standin.apps();
    const code = new URL(at.location!).searchParams.get('code');
    expect(exchange!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(exchange!.form).toMatchObject({ grant_type: 'authorization_code', code, client_id: app!.clientId, client_secret: app!.clientSecret, redirect_uri: CALLBACK, scope: SCOPES });
    const verifier = exchange!.form!.code_verifier as string;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(new URL(authorizeUrl).searchParams.get('code_challenge'));
    expect(back.location).not.toContain(code!);
    expect(back.location).not.toContain(verifier);

    // Lent: the token checked with the instance (her followers), sealed, her consent to this message kept.
    const token = standin.seen('GET /api/v1/accounts/verify_credentials').at(-1)!.headers.authorization!.replace('Bearer ', '');
    const revokeToken = result.revoke!;
    const accountId = JSON.parse(Buffer.from(revokeToken.split('.')[0]!, 'base64url').toString()).s as string;
    const item = await table.item(`SOCIAL-ACCOUNT#${accountId}`, 'ACCOUNT');
    expect(item).toMatchObject({ platform: 'mastodon', handle: '@lucia@mastodon.example', server: 'https://mastodon.example', followers: 1_234, status: 'active', timeZone: 'Europe/Vienna', consent: { messageId: message.id, messageVersion: 3 } });
    expect(JSON.stringify(item)).not.toContain(token);
    expect(await platform.deps.lending.tokenBox.open(item!.encryptedToken as string)).toBe(token);
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toMatchObject({ supporters: 1, expectedReach: 1_234 });

    // The revoke link reaches her by email too, and nothing of the flow is left behind.
    const [sent] = await platform.emailsTo(email);
    expect(revokeTokenIn(sent!.body.text)).toBe(revokeToken);
    expect(await table.partition(`MASTODON-CONNECT#${flowIdOf(authorizeUrl)}`)).toEqual([]);
  });

  it('a replayed callback lends nothing twice, and says so; three at once lend once', async () => {
    const { location } = await connectAs('omar');
    const first = await callback(location);
    expect(fragment(first.location).mastodon).toBe('connected');
    const reach = (await answer(platform.request('/api/social/2026/reach'))).body;

    const again = await callback(location);
    expect(again.status).toBe(303);
    expect(fragment(again.location)).toEqual({ mastodon: 'used', server: 'mastodon.example' });
    expect(standin.seen('POST /oauth/token')).toHaveLength(1);
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toEqual(reach);

    const next = await connectAs('omar');
    const outcomes = await Promise.all([callback(next.location), callback(next.location), callback(next.location)]);
    expect(outcomes.map((outcome) => fragment(outcome.location).mastodon).sort()).toEqual(['connected', 'used', 'used']);
    expect(standin.seen('POST /oauth/token')).toHaveLength(2);
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toEqual(reach);
  });

  it('keeps one app per instance when first connections race: every one of them uses the kept client id', async () => {
    platform.deps.mastodonConnect.instances.local['other.example'] = standin.url;
    standin.failNext('POST /api/v1/apps', { storeThenStallMs: 150 }, { storeThenStallMs: 150 }, { storeThenStallMs: 150 });
    const before = standin.apps().length;
    const started = await Promise.all([start({ server: 'other.example' }), start({ server: 'other.example' }), start({ server: 'other.example' })]);
    expect(started.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(standin.apps().length - before).toBe(3);
    const kept = await table.item('MASTODON-APP#other.example', `APP#${CALLBACK}`);
    const clientIds = started.map((s) => new URL(s.body.authorizeUrl).searchParams.get('client_id'));
    expect(new Set(clientIds)).toEqual(new Set([kept!.clientId]));

    // And the kept app completes the flow.
    const at = await standin.authorize(started[1]!.body.authorizeUrl, { approveAs: 'omar' });
    const back = await callback(at.location!);
    expect(fragment(back.location)).toMatchObject({ mastodon: 'connected', handle: '@omar@other.example' });
    // Later connections reuse it without asking the instance.
    standin.requests.length = 0;
    expect((await start({ server: 'other.example' })).status).toBe(200);
    expect(standin.seen('POST /api/v1/apps')).toHaveLength(0);
  });

  it('she says no at her instance: nothing is lent, and the page says why', async () => {
    const started = await start({});
    const at = await standin.authorize(started.body.authorizeUrl, 'deny');
    expect(new URL(at.location!).searchParams.get('error')).toBe('access_denied');
    const back = await callback(at.location!);
    expect(back.status).toBe(303);
    expect(back.location).toBe('/en/campaigns/2026/lend-your-voice/#mastodon=denied&server=mastodon.example');
    expect(standin.seen('POST /oauth/token')).toHaveLength(0);
  });

  it('she takes longer than the state lives: expired, in her language, no exchange', async () => {
    const started = await start({ language: 'ar', timeZone: 'Africa/Cairo' });
    const at = await standin.authorize(started.body.authorizeUrl, { approveAs: 'lucia' });
    platform.clock.advance(16 * 60_000);
    try {
      const back = await callback(at.location!);
      expect(back.location).toBe('/ar/campaigns/2026/lend-your-voice/#mastodon=expired');
      expect(standin.seen('POST /oauth/token')).toHaveLength(0);
    } finally {
      platform.clock.set('2026-07-01T10:00:00Z');
    }
  });

  it('a forged or damaged state lends nothing; a link that is not ours at all is a page, never a 500', async () => {
    const { location } = await connectAs('lucia');
    const url = new URL(location);
    const state = url.searchParams.get('state')!;
    const [front, signed] = state.split('~') as [string, string];
    const [body] = signed.split('.') as [string, string];
    const altered = Buffer.from(Buffer.from(body, 'base64url').toString().replace('mastodon.example', 'evil.example')).toString('base64url');
    expect(altered).not.toBe(body);
    url.searchParams.set('state', `${front}~${altered}.${signed.split('.')[1]}`);
    expect(fragment((await callback(url.toString())).location)).toEqual({ mastodon: 'invalid' });

    for (const query of ['', '?code=abc', '?code=abc&state=garbage', '?error=access_denied', `?state=${'x'.repeat(5_000)}`, '?code=a&code=b&state=2026-en~x.y']) {
      const lost = await callback(`${CALLBACK}${query}`);
      if (query.includes('2026-en~')) {
        expect(lost.status, query).toBe(303);
        continue;
      }
      expect(lost.status, query).toBe(400);
      expect(lost.type, query).toContain('text/html');
      expect(lost.body).toContain('This link does not work');
    }
    expect(standin.seen('POST /oauth/token')).toHaveLength(0);
  });

  it('the instance refuses the code, or is down: refused or unavailable, and no lending', async () => {
    const reach = (await answer(platform.request('/api/social/2026/reach'))).body;
    let next = await connectAs('lucia');
    standin.failNext('POST /oauth/token', { status: 400, body: { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid' } });
    expect(fragment((await callback(next.location)).location)).toEqual({ mastodon: 'refused', server: 'mastodon.example' });

    next = await connectAs('lucia');
    standin.failNext('POST /oauth/token', { status: 502, contentType: 'text/html' });
    expect(fragment((await callback(next.location)).location).mastodon).toBe('unavailable');

    next = await connectAs('lucia');
    standin.failNext('GET /api/v1/accounts/verify_credentials', { status: 401, body: { error: 'The access token is invalid' } });
    expect(fragment((await callback(next.location)).location).mastodon).toBe('refused');
    expect((await answer(platform.request('/api/social/2026/reach'))).body).toEqual(reach);
  });

  it('logs each outcome with its instance, and never the code, the verifier, the client secret or the token', async () => {
    const lines: string[] = [];
    const original = platform.deps.logger;
    platform.deps.logger = createLogger('debug', (line) => lines.push(line));
    try {
      const lent = await connectAs('lucia');
      await callback(lent.location);
      const refused = await connectAs('lucia');
      standin.failNext('POST /oauth/token', { status: 400, body: { error: 'invalid_grant' } });
      await callback(refused.location);
    } finally {
      platform.deps.logger = original;
    }
    const outcomes = lines.map((line) => JSON.parse(line) as { message: string; outcome?: string; instance?: string }).filter((line) => line.message === 'mastodon connect');
    expect(outcomes.map((line) => [line.outcome, line.instance])).toEqual([['lent', 'mastodon.example'], ['refused', 'mastodon.example']]);
    const secrets = [
      ...standin.seen('POST /oauth/token').flatMap((request) => [request.form!.code, request.form!.code_verifier, request.form!.client_secret] as string[]),
      ...standin.seen('GET /api/v1/accounts/verify_credentials').map((request) => request.headers.authorization!.replace('Bearer ', '')),
    ];
    expect(secrets.length).toBeGreaterThan(4);
    for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret);
  });

  it('the message changed since she agreed: she is asked to read it again', async () => {
    const { location } = await connectAs('lucia');
    const at = platform.clock.now().toISOString();
    await platform.deps.social.messages.save({ ...message, title: 'World Day 2026 (edited)', version: 4 }, 3, { messageId: message.id, version: 4, at, by: 'manager@blueheart.local', action: 'message.edit', before: 'approved', after: 'approved' });
    message = { ...message, version: 4 };
    expect(fragment((await callback(location)).location)).toEqual({ mastodon: 'changed', server: 'mastodon.example' });
  });

  it('refuses servers it must not call, and instances that do not answer like Mastodon, with readable 4xx', async () => {
    for (const server of ['localhost', 'http://mastodon.social', 'https://127.0.0.1', '10.0.0.8', '169.254.169.254', 'metadata.internal', 'mastodon.social:8443', 'https://mastodon.social/admin']) {
      const refused = await start({ server });
      expect(refused.status, server).toBe(400);
      expect(refused.body.error!.fields).toEqual([{ field: 'server', message: 'must be your Mastodon server’s address, e.g. mastodon.social' }]);
    }
    expect((await start({ consent: false })).body.error!.fields).toEqual([{ field: 'consent', message: 'must be ticked: we post nothing from your account without your agreement' }]);
    expect((await start({ server: '' })).status).toBe(400);
    expect((await start({ secret: 'x' })).body.error!.fields).toEqual([{ field: 'secret', message: 'is not a field this request accepts' }]);
    const plain = await platform.request('/api/social/2026/oauth/mastodon/start', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'server=mastodon.example' });
    expect(plain.status).toBe(415);
    expect((await answer(platform.request('/api/social/2031/oauth/mastodon/start', json({ server: 'mastodon.example', language: 'en', timeZone: 'UTC', consent: true })))).status).toBe(404);

    // A fresh instance name each time, so each one registers (the first only is ever kept).
    const fresh = (name: string) => {
      platform.deps.mastodonConnect.instances.local[name] = standin.url;
      return start({ server: name });
    };
    standin.failNext('POST /api/v1/apps', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' }, body: {} });
    const redirected = await fresh('redirects.example');
    expect(redirected.status).toBe(400);
    expect(redirected.body.error!.fields![0]!.field).toBe('server');
    standin.failNext('POST /api/v1/apps', { status: 200, contentType: 'text/html', body: `<html>${'x'.repeat(100_000)}</html>` });
    expect((await fresh('huge.example')).status).toBe(503);
    standin.failNext('POST /api/v1/apps', { status: 200, contentType: 'text/html', body: '<html>A blog</html>' });
    expect((await fresh('blog.example')).body.error!.fields![0]!.message).toBe('did not let us connect: is blog.example a Mastodon server?');
    standin.failNext('POST /api/v1/apps', { status: 429, headers: { 'retry-after': '60' } });
    expect((await fresh('busy.example')).status).toBe(429);
    platform.deps.mastodonConnect.instances.local['down.example'] = 'http://127.0.0.1:9';
    const down = await start({ server: 'down.example' });
    expect(down.status).toBe(503);
    expect(down.body.error!.message).toBe("We could not reach down.example. Check the server's address, or try again in a few minutes.");
  });
});
