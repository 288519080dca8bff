import type { MiddlewareHandler } from 'hono';
import { StripeStandinError } from './errors.js';

interface Saved {
  fingerprint: string;
  status: number;
  body: string;
}

/**
 * Stripe's `Idempotency-Key` (https://docs.stripe.com/api/idempotent_requests): the first
 * result of a key is saved and replayed for the same request; the same key with other
 * parameters is a 400 `idempotency_error`; a key still executing is a 409. Like Stripe, results
 * of requests that failed validation are not saved, so a corrected retry can reuse the key.
 */
export function idempotency(): MiddlewareHandler {
  const saved = new Map<string, Saved>();
  const running = new Set<string>();
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (!key || (c.req.method !== 'POST' && c.req.method !== 'DELETE')) return next();
    if (key.length > 255) throw new StripeStandinError(400, 'invalid_request_error', 'Idempotency keys can be up to 255 characters long.', { param: 'Idempotency-Key' });
    const fingerprint = `${c.req.method} ${c.req.path}\n${await c.req.text()}`;
    const previous = saved.get(key);
    if (previous) {
      if (previous.fingerprint !== fingerprint) {
        throw new StripeStandinError(
          400,
          'idempotency_error',
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
        );
      }
      return new Response(previous.body, { status: previous.status, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true', 'idempotency-key': key } });
    }
    if (running.has(key)) {
      throw new StripeStandinError(409, 'idempotency_error', 'There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ' + key, { code: 'idempotency_key_in_use' });
    }
    running.add(key);
    try {
      await next();
    } finally {
      running.delete(key);
    }
    c.res.headers.set('idempotency-key', key);
    if (c.res.status < 400 || c.res.status >= 500) saved.set(key, { fingerprint, status: c.res.status, body: await c.res.clone().text() });
  };
}
