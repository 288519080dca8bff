import * as crypto from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../../../functions/http/app-env.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../functions/adapters/log/logger.js';
import { handleError } from '../../../functions/http/error-handler.js';
import { ORIGIN_VERIFY_HEADER, sameSecret, verifyOrigin, type OriginSecrets } from '../../../functions/http/middleware/origin-verify.js';

// The real node:crypto, with timingSafeEqual watched: the comparison must go through it.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const CURRENT = 'k3Qv8ZJrT0pWc2mXyA7bN5dLfE1hG9sR4uK6oP2iV8wB0zC3xM7nQ5tY1aS9eD4f';
const PREVIOUS = 'Zp4Lm8Qw2Er6Ty0Ui4Op8As2Df6Gh0Jk4Lz8Xc2Vb6Nm0Qa4Ws8Ed2Rf6Tg0Yh4u';
const NEXT = 'Hn3Bv7Cx1Za5Sd9Fg3Hj7Kl1Qw5Er9Ty3Ui7Op1As5Df9Gh3Jk7Lz1Xc5Vb9Nm3q';

/** Values as the Secrets Manager adapter gives them: `values` now, `reload` after a rotation. */
function secrets(values: string[], afterReload: string[] = values) {
  const reloads = vi.fn(async () => afterReload);
  const source: OriginSecrets = { values: async () => values, reload: reloads };
  return { source, reloads };
}

function appWith(source: OriginSecrets) {
  const app = new Hono<AppEnv>();
  app.use('/api/*', verifyOrigin(source));
  app.onError(handleError(silentLogger));
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  return app;
}

const FORBIDDEN = { error: { code: 'forbidden', message: "Requests reach the API through the site's address." } };

describe('sameSecret', () => {
  afterEach(() => vi.mocked(crypto.timingSafeEqual).mockClear());

  it('is true for the same value only', () => {
    expect(sameSecret(CURRENT, CURRENT)).toBe(true);
    expect(sameSecret(CURRENT, PREVIOUS)).toBe(false);
    expect(sameSecret(CURRENT.slice(0, -1), CURRENT)).toBe(false);
    expect(sameSecret(`${CURRENT}x`, CURRENT)).toBe(false);
    expect(sameSecret('', CURRENT)).toBe(false);
    expect(sameSecret(CURRENT.toUpperCase(), CURRENT)).toBe(false);
    expect(sameSecret('café', 'cafe\u0301')).toBe(false);
  });

  it('compares 32-byte digests with timingSafeEqual, whatever the lengths presented', () => {
    for (const presented of ['', 'x', CURRENT, CURRENT.repeat(40)]) sameSecret(presented, CURRENT);
    const calls = vi.mocked(crypto.timingSafeEqual).mock.calls;
    expect(calls).toHaveLength(4);
    for (const [a, b] of calls) expect([(a as Buffer).length, (b as Buffer).length]).toEqual([32, 32]);
  });
});

describe('verifyOrigin', () => {
  it('serves a request that carries the current value', async () => {
    const { source, reloads } = secrets([CURRENT]);
    const response = await appWith(source).request('/api/health', { headers: { [ORIGIN_VERIFY_HEADER]: CURRENT } });
    expect(response.status).toBe(200);
    expect(reloads).not.toHaveBeenCalled();
  });

  it('refuses a request without the header (sent to the execute-api address) with a 403 a person can read, reading nothing again', async () => {
    const { source, reloads } = secrets([CURRENT]);
    const response = await appWith(source).request('/api/health');
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(FORBIDDEN);
    expect(reloads).not.toHaveBeenCalled();
  });

  it('refuses a wrong value, an empty one, and one that differs by its last character, after reading the values once more', async () => {
    const { source, reloads } = secrets([CURRENT]);
    const app = appWith(source);
    for (const wrong of [NEXT, '', CURRENT.slice(0, -1) + 'g', CURRENT.toLowerCase()]) {
      const response = await app.request('/api/health', { headers: { [ORIGIN_VERIFY_HEADER]: wrong } });
      expect(response.status, wrong).toBe(403);
      expect(await response.json()).toEqual(FORBIDDEN);
    }
    // The empty header is refused like a missing one.
    expect(reloads).toHaveBeenCalledTimes(3);
  });

  it('serves the previous value while CloudFront changes over to a rotated one', async () => {
    const { source } = secrets([CURRENT, PREVIOUS]);
    const app = appWith(source);
    for (const value of [CURRENT, PREVIOUS]) expect((await app.request('/api/health', { headers: { [ORIGIN_VERIFY_HEADER]: value } })).status).toBe(200);
  });

  it('serves a value rotated since the values were read, once read again', async () => {
    const { source, reloads } = secrets([CURRENT], [NEXT, CURRENT]);
    const response = await appWith(source).request('/api/health', { headers: { [ORIGIN_VERIFY_HEADER]: NEXT } });
    expect(response.status).toBe(200);
    expect(reloads).toHaveBeenCalledTimes(1);
  });
});
