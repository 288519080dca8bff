import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform } from '../../support/running-platform.js';

type Running = Awaited<ReturnType<typeof startTestPlatform>>;

const UNKNOWN_RECEIPT = '00000000-0000-4000-8000-000000000000';
const RECEIPT = { donorName: 'Ministry of Foreign Affairs', donorCategory: 'government', amount: 5_000_000, currency: 'usd', valueDate: '2026-01-15', bankReference: 'TRF-2026-0042' };

/**
 * Every finance route, and what a finance user gets from it on a fresh platform (the Stripe
 * stand-in has no payouts yet). The table must name every /api/finance route of the OpenAPI
 * document: a new route without a row here fails the last test.
 */
const ROUTES: Array<{ method: string; path: string; body?: unknown; finance: number }> = [
  { method: 'GET', path: '/api/finance/settings', finance: 200 },
  { method: 'GET', path: '/api/finance/payouts?from=2026-01-01&to=2026-01-31', finance: 200 },
  { method: 'GET', path: '/api/finance/payouts/po_unknown', finance: 404 },
  { method: 'POST', path: '/api/finance/payouts/po_unknown/reconcile', finance: 404 },
  { method: 'POST', path: '/api/finance/payouts/po_unknown/mark-reconciled', body: {}, finance: 404 },
  { method: 'POST', path: '/api/finance/payouts/po_unknown/reopen', body: { reason: 'Wrong payout' }, finance: 404 },
  { method: 'GET', path: '/api/finance/checks/latest', finance: 200 },
  { method: 'POST', path: '/api/finance/checks', finance: 200 },
  { method: 'GET', path: '/api/finance/periods?year=2026', finance: 200 },
  { method: 'POST', path: '/api/finance/periods/2026-01/lock', body: {}, finance: 200 },
  { method: 'POST', path: '/api/finance/periods/2026-01/unlock', body: { reason: 'Late bank statement' }, finance: 200 },
  { method: 'GET', path: '/api/finance/audit?from=2026-01&to=2026-12', finance: 200 },
  { method: 'GET', path: '/api/finance/offline-receipts?from=2026-01&to=2026-12', finance: 200 },
  { method: 'POST', path: '/api/finance/offline-receipts', body: RECEIPT, finance: 201 },
  { method: 'POST', path: `/api/finance/offline-receipts/${UNKNOWN_RECEIPT}/approve`, finance: 404 },
  { method: 'POST', path: `/api/finance/offline-receipts/${UNKNOWN_RECEIPT}/reject`, body: { reason: 'Duplicate' }, finance: 404 },
  { method: 'GET', path: '/api/finance/reports?from=2026-01&to=2026-12', finance: 200 },
  { method: 'GET', path: '/api/finance/reports.csv?from=2026-01&to=2026-12', finance: 200 },
  { method: 'GET', path: '/api/finance/journal.csv?from=2026-01&to=2026-12', finance: 200 },
];

describe('finance routes: only the finance role', () => {
  let platform: Running;
  const tokens: Record<string, string | undefined> = {};

  beforeAll(async () => {
    platform = await startTestPlatform();
    tokens.anonymous = undefined;
    tokens.finance = await platform.identity.issueToken('finance@blueheart.local');
    tokens.manager = await platform.identity.issueToken('manager@blueheart.local');
    // Separation of duties: an admin may run the platform, not sign off money.
    tokens.admin = await platform.identity.issueToken('admin@blueheart.local');
    tokens.expired = await platform.identity.issueToken('finance@blueheart.local', { expiresInSeconds: -60 });
    const { privateKey } = await generateKeyPair('ES256');
    tokens.forged = await new SignJWT({ token_use: 'access', client_id: platform.identity.clientId, username: 'finance@blueheart.local', 'cognito:groups': ['finance'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'forged' })
      .setIssuer(platform.identity.issuer).setSubject('attacker').setIssuedAt().setExpirationTime('1h')
      .sign(privateKey);
  });
  afterAll(async () => platform?.stop());

  const call = (route: (typeof ROUTES)[number], token: string | undefined) =>
    fetch(`${platform.url}${route.path}`, {
      method: route.method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(route.body ? { 'content-type': 'application/json' } : {}) },
      ...(route.body ? { body: JSON.stringify(route.body) } : {}),
    });

  const refused: Record<string, number> = { anonymous: 401, expired: 401, forged: 401, manager: 403, admin: 403 };
  for (const route of ROUTES) {
    const name = `${route.method} ${route.path.split('?')[0]}`;
    for (const [caller, status] of Object.entries(refused)) {
      it(`${name} as ${caller} → ${status}, and nothing changes`, async () => {
        const response = await call(route, tokens[caller]);
        expect(response.status).toBe(status);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe(status === 401 ? 'unauthenticated' : 'forbidden');
      });
    }
    it(`${name} as finance → ${route.finance}`, async () => {
      const response = await call(route, tokens.finance);
      expect(response.status).toBe(route.finance);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });
  }

  it('the refused callers left no trace: one check, one lock, one unlock and one receipt, all by finance', async () => {
    const response = await call({ method: 'GET', path: '/api/finance/audit?from=2026-01&to=2026-12', finance: 200 }, tokens.finance);
    const { entries } = (await response.json()) as { entries: Array<{ action: string; by: string }> };
    expect(entries.map((entry) => entry.action).sort()).toEqual(['check.run', 'offline-receipt.record', 'period.lock', 'period.unlock']);
    expect(new Set(entries.map((entry) => entry.by))).toEqual(new Set(['finance@blueheart.local']));
  });

  it('covers every finance route of the OpenAPI document', async () => {
    const document = (await (await fetch(`${platform.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/finance'))
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const tested = new Set(ROUTES.map((route) => `${route.method} ${route.path.split('?')[0]!.replace('po_unknown', '{id}').replace(UNKNOWN_RECEIPT, '{id}').replace('2026-01', '{period}')}`));
    expect(documented.length).toBeGreaterThan(15);
    expect(documented.filter((route) => !tested.has(route))).toEqual([]);
  });
});
