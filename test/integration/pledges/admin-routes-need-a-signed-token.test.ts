import { SignJWT, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';

/** Every console route, with every kind of caller. */
const ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['GET', '/api/admin/pledges?from=2026-07-30T00:00:00Z&to=2026-07-31T00:00:00Z'],
  ['POST', '/api/admin/pledges/review', { action: 'restore', filter: { from: '2026-07-30T00:00:00Z', to: '2026-07-31T00:00:00Z' } }],
  ['PUT', '/api/admin/pledges/00000000-0000-4000-8000-000000000000/wall', { hidden: true }],
  ['GET', '/api/admin/pledges/export.csv'],
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

  for (const [method, path, body] of ROUTES) {
    for (const [caller, status] of Object.entries(expected)) {
      it(`${method} ${path.split('?')[0]} as ${caller} → ${status}`, async () => {
        const headers: Record<string, string> = {};
        if (tokens[caller]) headers.authorization = `Bearer ${tokens[caller]}`;
        const init = body ? { ...json(body), method, headers: { ...headers, 'content-type': 'application/json' } } : { method, headers };
        const response = await platform.request(path, init);
        // The wall route answers 404 for a pledge that does not exist, once the caller is allowed.
        const allowedStatus = status === 200 && method === 'PUT' ? 404 : status;
        expect(response.status).toBe(allowedStatus);
        if (status === 401) expect(response.headers.get('www-authenticate')).toBe('Bearer');
      });
    }
  }
});
