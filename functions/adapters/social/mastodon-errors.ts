import { MastoHttpError, MastoTimeoutError } from 'masto';
import { SocialError } from '../../domain/social/ports.js';

/**
 * What a failed call was doing: a `post` (POST /api/v1/statuses) may have posted when no clear
 * answer came back; a `read` (verify_credentials, the account's statuses) or a media upload
 * posts nothing, so no failure of theirs is ever `uncertain`.
 */
export type MastodonCall = 'read' | 'media' | 'post';

/** When Mastodon's 429 says neither Retry-After nor X-RateLimit-Reset: its shortest window is 5 minutes. */
const DEFAULT_RETRY_AFTER_MS = 5 * 60_000;

/** Connection errors that mean the request never reached the server. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * How long to wait, from a 429's headers: `Retry-After` (seconds or an HTTP date, RFC 9110
 * §10.2.3), else Mastodon's `X-RateLimit-Reset` (an ISO 8601 timestamp,
 * https://docs.joinmastodon.org/api/rate-limits/; epoch seconds from servers that send those).
 */
export function mastodonRetryAfterMs(headers: Headers | undefined, now: Date): number | undefined {
  const retryAfter = headers?.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now.getTime());
  }
  const reset = headers?.get('x-ratelimit-reset')?.trim();
  if (reset) {
    const at = /^\d+(\.\d+)?$/.test(reset) ? Number(reset) * 1000 : Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - now.getTime());
  }
  return undefined;
}

/** The request never left this machine (refused, unknown host, no route): nothing can have posted. */
export function neverSent(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return error instanceof TypeError && typeof cause?.code === 'string' && NEVER_SENT.has(cause.code);
}

/**
 * Mastodon's answers as the dispatcher needs them (ports.ts `SocialErrorKind`):
 * 401/403 → auth; 422 (validation: too long, media still processing, …) and other 4xx →
 * rejected, with Mastodon's own words; 429 → rate_limited; 503 → unavailable; other 5xx, a
 * timeout, a dropped connection or an unreadable answer → uncertain for a post, unavailable for
 * anything else; a connection that never opened → unavailable.
 */
export function mastodonError(error: unknown, call: MastodonCall, now: Date): SocialError {
  if (error instanceof SocialError) return error;
  const doubt = call === 'post' ? 'uncertain' : 'unavailable';
  if (error instanceof MastoHttpError) {
    const status = error.statusCode;
    const headers = error.cause instanceof Response ? error.cause.headers : undefined;
    const said = error.message || `HTTP ${status}`;
    const details = { status, cause: error };
    if (status === 401 || status === 403) return new SocialError('auth', `Mastodon refused the account's token: ${said}`, details);
    if (status === 429) {
      return new SocialError('rate_limited', `Mastodon rate limit: ${said}`, { ...details, retryAfterMs: mastodonRetryAfterMs(headers, now) ?? DEFAULT_RETRY_AFTER_MS });
    }
    if (status === 503) return new SocialError('unavailable', `Mastodon is unavailable: ${said}`, details);
    if (status >= 500) return new SocialError(doubt, `Mastodon answered ${status}: ${said}`, details);
    return new SocialError('rejected', `Mastodon refused it: ${said}`, details);
  }
  if (error instanceof MastoTimeoutError || (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))) {
    return new SocialError(doubt, 'Mastodon did not answer in time', { cause: error });
  }
  if (neverSent(error)) return new SocialError('unavailable', `Mastodon could not be reached: ${describe(error)}`, { cause: error });
  // A reset connection, or an answer masto could not read (an HTML error page from a proxy).
  return new SocialError(doubt, `Mastodon call failed: ${describe(error)}`, { cause: error });
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const message = error instanceof Error ? error.message : String(error);
  return cause?.code ? `${message} (${cause.code})` : message;
}
