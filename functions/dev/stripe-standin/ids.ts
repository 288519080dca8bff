import { randomBytes } from 'node:crypto';

/** Stripe-looking ids: the object's prefix and 24 base62 characters (`pi_3Q…`). */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function stripeId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${out}`;
}

let frozenAt: number | undefined;

/** The stand-in's clock in Unix seconds: the real time, or the moment `atTime` is replaying. */
export const nowSeconds = () => frozenAt ?? Math.floor(Date.now() / 1000);

/**
 * Runs `work` as if it happened at `at` (Unix seconds): every object built meanwhile is
 * `created` then, and so are the events emitted (their delivery, and its signature timestamp,
 * are still now). `work` must be synchronous: the clock is restored as soon as it returns.
 */
export function atTime<T>(at: number, work: () => T): T {
  if (!Number.isInteger(at)) throw new Error(`atTime takes whole Unix seconds, not ${at}`);
  const previous = frozenAt;
  frozenAt = at;
  try {
    const result = work();
    if (result instanceof Promise) throw new Error('atTime runs synchronous work only');
    return result;
  } finally {
    frozenAt = previous;
  }
}
