import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/http/app.js';
import { ORIGIN_VERIFY_HEADER, type OriginSecrets } from '../../../functions/http/middleware/origin-verify.js';
import { createTestPlatform, json, type TestPlatform } from '../../support/test-platform.js';
import type { OpenApiDocument } from './public-operations.js';

/**
 * On AWS the HTTP API's execute-api address is public and takes no WAF: the app serves only
 * requests that carry CloudFront's X-Origin-Verify value. And no other site may read the API
 * from a browser: no Access-Control-Allow-Origin, ever, and every CORS preflight refused.
 * The real app over the real engines; only where the value comes from is stood in for.
 */
const CLOUDFRONT_VALUE = 'cloudfront-sends-this-value-of-64-characters-000000000000000000000';
const SITE = 'http://localhost:3000';
const ELSEWHERE = 'https://evil.example';
const FORBIDDEN = { error: { code: 'forbidden', message: "Requests reach the API through the site's address." } };

const fixedSecrets: OriginSecrets = { values: async () => [CLOUDFRONT_VALUE], reload: async () => [CLOUDFRONT_VALUE] };

let platform: TestPlatform;
let onAws: ReturnType<typeof createApp>;
let operations: { method: string; path: string }[];

beforeAll(async () => {
  platform = await createTestPlatform();
  onAws = createApp({ ...platform.deps, originSecrets: fixedSecrets }, { clientIp: (c) => c.req.header('x-test-ip') });
  const document = (await (await platform.request('/api/openapi.json')).json()) as OpenApiDocument;
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, 'x') })),
  );
  expect(operations.length).toBeGreaterThan(30);
});

const pledge = async () => ({
  name: 'Ana María López',
  email: 'ana.direct@example.org',
  country: 'MX',
  language: 'es',
  showOnWall: true,
  wantsUpdates: false,
  altcha: await platform.solvedProof(),
});

/** Any request of the operation: a JSON object as the body of a write, headers as given. */
const call = (app: ReturnType<typeof createApp>, operation: { method: string; path: string }, headers: Record<string, string>) =>
  app.request(operation.path, {
    method: operation.method,
    headers: { ...headers, ...(operation.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
    ...(operation.method === 'GET' ? {} : { body: '{}' }),
  });

describe('around CloudFront (the execute-api address)', () => {
  it('every documented operation is refused with 403 before it runs', async () => {
    for (const operation of operations) {
      const response = await call(onAws, operation, {});
      expect(response.status, `${operation.method} ${operation.path}`).toBe(403);
      expect(await response.json()).toEqual({ error: { ...FORBIDDEN.error, requestId: response.headers.get('x-request-id') } });
    }
  });

  it('a pledge sent without the value, or with a wrong one, records nothing and mails nothing', async () => {
    for (const headers of [{} as Record<string, string>, { [ORIGIN_VERIFY_HEADER]: 'guessed' }, { [ORIGIN_VERIFY_HEADER]: CLOUDFRONT_VALUE.slice(0, -1) }]) {
      const request = json(await pledge());
      const response = await onAws.request('/api/pledges', { ...request, headers: { ...(request.headers as Record<string, string>), ...headers } });
      expect(response.status).toBe(403);
      expect(response.headers.get('x-request-id')).toBeTruthy();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await platform.emailsTo('ana.direct@example.org')).toEqual([]);
  });

  it('a pledge through CloudFront (with the value) is taken as usual', async () => {
    const request = json(await pledge());
    const response = await onAws.request('/api/pledges', {
      ...request,
      headers: { ...(request.headers as Record<string, string>), [ORIGIN_VERIFY_HEADER]: CLOUDFRONT_VALUE, origin: SITE },
    });
    expect(response.status).toBe(202);
    expect(await platform.emailsTo('ana.direct@example.org')).toHaveLength(1);
  });

  it('locally (npm start, tests) nothing is configured and nothing is asked', async () => {
    expect(platform.deps.originSecrets).toBeUndefined();
    expect((await platform.request('/api/health')).status).toBe(200);
  });
});

describe('CORS: the API is for its own site only', () => {
  it('answers no operation with Access-Control-Allow-Origin, whoever asks', async () => {
    for (const origin of [ELSEWHERE, SITE, 'null']) {
      for (const operation of operations) {
        const response = await call(onAws, operation, { [ORIGIN_VERIFY_HEADER]: CLOUDFRONT_VALUE, origin });
        expect(response.headers.get('access-control-allow-origin'), `${operation.method} ${operation.path} from ${origin}`).toBeNull();
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      }
    }
  });

  it('refuses the preflight of another site on every documented path, with no Access-Control-* header', async () => {
    const paths = [...new Set(operations.map((operation) => operation.path))];
    for (const app of [onAws, platform.app]) {
      for (const path of paths) {
        const response = await app.request(path, {
          method: 'OPTIONS',
          headers: { [ORIGIN_VERIFY_HEADER]: CLOUDFRONT_VALUE, origin: ELSEWHERE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
        });
        expect(response.status, path).toBe(403);
        expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-')), path).toEqual([]);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      }
    }
  });

  it('serves the site’s own requests, which browsers send with its Origin and no preflight', async () => {
    const stats = await onAws.request('/api/pledges/stats', { headers: { [ORIGIN_VERIFY_HEADER]: CLOUDFRONT_VALUE, origin: SITE } });
    expect(stats.status).toBe(200);
    expect(stats.headers.get('access-control-allow-origin')).toBeNull();
  });
});
