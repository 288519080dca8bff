import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';

const UNKNOWN_ACCOUNT = 'AAAAAAAAAAAAAAAAAAAAAAAA';

/** Every console route, with every kind of caller; `allowed` is what a manager or admin gets (200 unless said). */
const ROUTES: Array<[method: string, path: string, body?: unknown, allowed?: number]> = [
  ['GET', '/api/admin/pledges?from=2026-07-30T00:00:00Z&to=2026-07-31T00:00:00Z'],
  ['POST', '/api/admin/pledges/review', { action: 'restore', filter: { from: '2026-07-30T00:00:00Z', to: '2026-07-31T00:00:00Z' } }],
  // The wall route answers 404 for a pledge that does not exist, once the caller is allowed.
  ['PUT', '/api/admin/pledges/00000000-0000-4000-8000-000000000000/wall', { hidden: true }, 404],
  ['GET', '/api/admin/pledges/export.csv'],
  ['GET', '/api/admin/social/accounts'],
  ['GET', '/api/admin/social/accounts/history'],
  // Allowed callers reach validation (an empty connect form) or find no such account.
  ['POST', '/api/admin/social/accounts', {}, 400],
  ['POST', `/api/admin/social/accounts/${UNKNOWN_ACCOUNT}/reconnect`, { secret: 'token-0123456789abcdefghij' }, 404],
  ['DELETE', `/api/admin/social/accounts/${UNKNOWN_ACCOUNT}`, undefined, 404],
];

describe('console routes need a signed token with the manager role', () => {
  let platform: TestPlatform;
  const tokens: Record<string, string | undefined> = {};

  beforeAll(async () => {
    platform = await createTestPlatform();
    tokens.anonymous = undefined;
    tokens.manager = await platform.identity.issueToken('manager@blueheart.local');
    tokens.admin = await platform.identity.issueToken('admin@blueheart.local');
    tokens.finance = await platform.identity.issueToken('finance@blueheart.local');
    tokens.expired = await platform.identity.issueToken('manager@blueheart.local', { expiresInSeconds: -60 });
    // Same claims, signed by a key the issuer never published.
    const { privateKey } = await generateKeyPair('ES256');
    tokens.forged = await new SignJWT({ token_use: 'access', client_id: platform.identity.clientId, 'cognito:groups': ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'forged' })
      .setIssuer(platform.identity.issuer).setSubject('attacker').setIssuedAt().setExpirationTime('1h')
      .sign(privateKey);
    tokens.unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ token_use: 'access', 'cognito:groups': ['admin'] })).toString('base64url')}.`;
  });

  const expected: Record<string, number> = { anonymous: 401, expired: 401, forged: 401, unsigned: 401, finance: 403, manager: 200, admin: 200 };

  for (const [method, path, body, allowed = 200] of ROUTES) {
    for (const [caller, status] of Object.entries(expected)) {
      it(`${method} ${path.split('?')[0]} as ${caller} → ${status === 200 ? allowed : status}`, async () => {
        const headers: Record<string, string> = {};
        if (tokens[caller]) headers.authorization = `Bearer ${tokens[caller]}`;
        const init = body ? { ...json(body), method, headers: { ...headers, 'content-type': 'application/json' } } : { method, headers };
        const response = await platform.request(path, init);
        expect(response.status).toBe(status === 200 ? allowed : status);
        if (status === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
      });
    }
  }
});
