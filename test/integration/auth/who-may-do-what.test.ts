import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../functions/domain/auth/principal.js';
import { startTestPlatform } from '../../support/running-platform.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

/**
 * Who may do what, in one table: every route of the OpenAPI document is either public or needs
 * a signed-in user with one of the roles its row names. The walk calls every documented route as
 * each kind of caller, from the document itself, so a new route is walked as soon as it is
 * documented, and fails here until this table says who may use it.
 *
 * - Campaign managers run campaigns, pledges and social messages; admins may do all of that too.
 * - Money follows separation of duties: only finance staff, not even admins.
 * - Public routes are anonymous by design (pledging, giving, lending an account, signed links).
 */
const WHO_MAY: Array<{ prefix: string; roles: readonly Role[] | 'public' }> = [
  { prefix: '/api/admin/privacy/', roles: ['admin'] },
  // The upload's signed ticket is its credential (npm start; on AWS the browser PUTs to S3's presigned URL).
  { prefix: '/api/admin/media-uploads/', roles: 'public' },
  { prefix: '/api/admin/', roles: ['manager', 'admin'] },
  { prefix: '/api/finance/', roles: ['finance'] },
  { prefix: '/api/', roles: 'public' },
];

const rowOf = (path: string) => WHO_MAY.find((row) => path.startsWith(row.prefix))!;

/** Callers who are not a role: each must get 401, whatever the route. */
const UNAUTHENTICATED = ['anonymous', 'expired', 'forged', 'unsigned', 'garbage'] as const;
const ROLES = ['manager', 'finance', 'admin'] as const satisfies readonly Role[];

/** A concrete path for a documented template: ids that exist nowhere, this year's campaign. */
const concrete = (template: string) =>
  template
    .replace('{year}', '2026')
    .replace('{period}', '2026-01')
    .replace(/\{[a-zA-Z]+\}/g, '00000000-0000-4000-8000-000000000000');

describe('who may do what: every documented route, every kind of caller', () => {
  let platform: Running;
  let operations: Array<{ method: string; template: string; secured: boolean }>;
  const tokens: Record<string, string | undefined> = {};

  beforeAll(async () => {
    platform = await startTestPlatform();
    tokens.anonymous = undefined;
    for (const role of ROLES) tokens[role] = await platform.identity.issueToken(`${role}@blueheart.local`);
    tokens.expired = await platform.identity.issueToken('admin@blueheart.local', { expiresInSeconds: -60 });
    // Every role's claims, signed by a key the issuer never published.
    const { privateKey } = await generateKeyPair('ES256');
    tokens.forged = await new SignJWT({ token_use: 'access', client_id: platform.identity.clientId, username: 'admin@blueheart.local', 'cognito:groups': ['admin', 'manager', 'finance'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'forged' })
      .setIssuer(platform.identity.issuer).setSubject('attacker').setIssuedAt().setExpirationTime('1h')
      .sign(privateKey);
    tokens.unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ token_use: 'access', 'cognito:groups': ['admin', 'finance'] })).toString('base64url')}.`;
    tokens.garbage = 'not-a-token';
    const document = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    operations = Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), template, secured: Boolean(operation.security?.length) })),
    );
  });
  afterAll(async () => platform?.stop());

  const call = (method: string, template: string, token: string | undefined) =>
    fetch(`${platform.url}${concrete(template)}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {}, redirect: 'manual' });

  it('has a row for every route, and documents a route as secured exactly when its row names roles', () => {
    expect(operations.length).toBeGreaterThan(60);
    const mismatched = operations.filter(({ template, secured }) => secured !== (rowOf(template).roles !== 'public'));
    expect(mismatched).toEqual([]);
  });

  it('refuses every secured route to anyone not signed in, with 401 and a Bearer challenge', async () => {
    for (const { method, template } of operations.filter((operation) => operation.secured)) {
      for (const caller of UNAUTHENTICATED) {
        const response = await call(method, template, tokens[caller]);
        expect(response.status, `${method} ${template} as ${caller}`).toBe(401);
        expect(response.headers.get('www-authenticate'), `${method} ${template}`).toBe('Bearer');
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
      }
    }
  });

  it('lets each role through exactly where its row says, and refuses it with 403 elsewhere', async () => {
    for (const { method, template } of operations.filter((operation) => operation.secured)) {
      const { roles } = rowOf(template);
      for (const role of ROLES) {
        const response = await call(method, template, tokens[role]);
        const where = `${method} ${template} as ${role}`;
        if ((roles as readonly Role[]).includes(role)) {
          // Past the door: the route answers for itself (200, 201, 400 for a missing body, 404 for an unknown id …).
          expect([401, 403], where).not.toContain(response.status);
          expect(response.status, where).toBeLessThan(500);
        } else {
          expect(response.status, where).toBe(403);
          expect(((await response.json()) as { error: { code: string } }).error.code, where).toBe('forbidden');
        }
        if (!response.bodyUsed) await response.body?.cancel();
      }
    }
  });

  it('never asks for sign-in on a public route', async () => {
    for (const { method, template } of operations.filter((operation) => !operation.secured)) {
      const response = await call(method, template, undefined);
      expect([401, 403], `${method} ${template}`).not.toContain(response.status);
      await response.body?.cancel();
    }
  });
});
