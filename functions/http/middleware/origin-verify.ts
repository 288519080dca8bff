import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../domain/shared/errors.js';

/**
 * The header CloudFront adds to every request it forwards to the API (infra/stacks/web-stack.ts,
 * an origin custom header; CloudFront overwrites a viewer's header of the same name). The HTTP
 * API's own execute-api address is public and an HTTP API takes no WAF, so this is what tells a
 * request that came through the distribution, its WAF and its cache from one sent around them.
 */
export const ORIGIN_VERIFY_HEADER = 'X-Origin-Verify';

/** The values CloudFront may be sending: the current one, and the previous one while a rotation settles. */
export interface OriginSecrets {
  values(): Promise<readonly string[]>;
  /** Reads them again (a rotation may have happened since); may answer the same values if read moments ago. */
  reload(): Promise<readonly string[]>;
}

/**
 * Compares in time that does not depend on where the two differ, nor on their lengths:
 * both are hashed to 32 bytes first, and `timingSafeEqual` compares the digests.
 */
export function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

const matchesAny = (presented: string, values: readonly string[]) =>
  // Every value is compared, so the answer takes as long whichever one matches.
  values.map((value) => sameSecret(presented, value)).includes(true);

/**
 * Serves only requests that carry CloudFront's value; anything else is answered 403 before a
 * route runs. A value that matches none is re-checked once against freshly read values, so a
 * rotation (CloudFront switching to the new value) never locks the API out.
 */
export function verifyOrigin(secrets: OriginSecrets): MiddlewareHandler {
  return async (c, next) => {
    const presented = c.req.header(ORIGIN_VERIFY_HEADER);
    if (presented && (matchesAny(presented, await secrets.values()) || matchesAny(presented, await secrets.reload()))) return next();
    throw new AppError('forbidden', "Requests reach the API through the site's address.");
  };
}
