import { XRPCError } from '@atproto/api';
import { SocialError } from '../../domain/social/ports.js';

/** What a failed call was doing: only `post` (createRecord) can have posted without a clear answer. */
export type BlueskyCall = 'session' | 'read' | 'media' | 'post';

/** When a 429 carries no reset time: Bluesky's shortest write window (createSession) is 5 minutes. */
const DEFAULT_RETRY_AFTER_MS = 5 * 60_000;

/** XRPC error names that mean the credentials, not the request, are the problem. */
const AUTH_ERRORS = new Set(['AuthenticationRequired', 'ExpiredToken', 'InvalidToken', 'AccountTakedown', 'AccountDeactivated', 'AuthFactorTokenRequired']);

/** Connection errors that mean the request never reached the server. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** xrpc's own codes for "no HTTP answer" (1, a network failure) and "an answer that broke the lexicon" (2). */
const NO_ANSWER = 1;

/**
 * How long to wait, from a 429's headers: atproto's `ratelimit-reset` (Unix seconds,
 * https://docs.bsky.app/docs/advanced-guides/rate-limits), else `Retry-After` (seconds or an HTTP date).
 */
export function blueskyRetryAfterMs(headers: Record<string, string | undefined> | undefined, now: Date): number | undefined {
  const get = (name: string) => Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1]?.trim();
  const reset = get('ratelimit-reset');
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now.getTime());
  const retryAfter = get('retry-after');
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now.getTime());
  }
  return undefined;
}

/** An auth failure the client could not mend by refreshing: a new session may. */
export function isAuthFailure(error: unknown): boolean {
  return error instanceof XRPCError && (error.status === 401 || AUTH_ERRORS.has(error.error ?? ''));
}

/**
 * Bluesky's answers as the dispatcher needs them (ports.ts `SocialErrorKind`):
 * ExpiredToken, InvalidToken, AuthenticationRequired (401), a taken-down account, 403 → auth;
 * RateLimitExceeded (429) → rate_limited; InvalidRequest and other 4xx → rejected, with the
 * PDS's message; 503 → unavailable; other 5xx, a timeout, a dropped connection or an answer that
 * breaks the lexicon → uncertain for createRecord, unavailable for anything else; a connection
 * that never opened → unavailable.
 */
export function blueskyError(error: unknown, call: BlueskyCall, now: Date): SocialError {
  if (error instanceof SocialError) return error;
  const doubt = call === 'post' ? 'uncertain' : 'unavailable';
  if (!(error instanceof XRPCError)) return new SocialError(doubt, `Bluesky call failed: ${describe(error)}`, { cause: error });
  const status = error.status;
  const said = [error.error, error.message].filter((part, index, parts) => part && parts.indexOf(part) === index).join(': ') || `status ${status}`;
  const details = { status, cause: error };
  if (isAuthFailure(error) || status === 403) return new SocialError('auth', `Bluesky refused the account's credentials: ${said}`, details);
  if (status === 429) {
    return new SocialError('rate_limited', `Bluesky rate limit: ${said}`, { ...details, retryAfterMs: blueskyRetryAfterMs(error.headers, now) ?? DEFAULT_RETRY_AFTER_MS });
  }
  if (status === 503) return new SocialError('unavailable', `Bluesky is unavailable: ${said}`, details);
  if (status >= 500) return new SocialError(doubt, `Bluesky answered ${status}: ${said}`, details);
  if (status >= 400) return new SocialError('rejected', `Bluesky refused it: ${said}`, details);
  // No HTTP answer (1) or an answer that broke the lexicon (2).
  const cause = error.cause;
  if (status === NO_ANSWER && neverSent(cause)) return new SocialError('unavailable', `Bluesky could not be reached: ${describe(cause)}`, { cause: error });
  if (cause instanceof DOMException && (cause.name === 'TimeoutError' || cause.name === 'AbortError')) {
    return new SocialError(doubt, 'Bluesky did not answer in time', { cause: error });
  }
  return new SocialError(doubt, `Bluesky call failed: ${describe(cause ?? error)}`, { cause: error });
}

function neverSent(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } } | undefined)?.cause?.code;
  return error instanceof TypeError && typeof code === 'string' && NEVER_SENT.has(code);
}

function describe(error: unknown): string {
  const code = (error as { cause?: { code?: string } } | undefined)?.cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${message} (${code})` : message;
}
