import { ApiPartialResponseError, ApiRequestError, ApiResponseError, type TwitterRateLimit } from 'twitter-api-v2';
import { SocialError } from '../../domain/social/ports.js';
import { neverSent, retryAfterMs } from './http-answer.js';

/**
 * What a failed call was doing: only `post` (POST /2/tweets) can have posted without a clear
 * answer; a `read` or a `media` upload posts nothing, so no failure of theirs is `uncertain`.
 */
export type XCall = 'read' | 'media' | 'post';

/** When a 429 says no reset time: X's rate-limit windows are 15 minutes (https://docs.x.com/x-api/fundamentals/rate-limits). */
const DEFAULT_RETRY_AFTER_MS = 15 * 60_000;

/**
 * 403 problem types that mean the app or its token may not do this at all, which a manager fixes
 * by reconnecting (or in the app's settings), not by changing the post: an app outside a
 * Project, an authentication the endpoint does not take, an OAuth 1.0a app set to read-only
 * (https://docs.x.com/x-api/fundamentals/response-codes-and-errors, "Error types").
 */
const CREDENTIAL_PROBLEMS = ['/client-forbidden', '/unsupported-authentication', '/oauth1-permissions'];

/** X's 403 for a post whose text the account has just posted: `{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`. */
export function isDuplicateContent(error: unknown): error is ApiResponseError {
  return error instanceof ApiResponseError && error.code === 403 && /duplicate content/i.test(problemOf(error).detail ?? '');
}

/**
 * How long to wait, from a 429's headers (the client reads them into `rateLimit`): the latest
 * reset among the windows that are used up — the endpoint's 15-minute window
 * (`x-rate-limit-reset`) and the 24-hour caps per user and per app
 * (`x-user-limit-24hour-reset`, `x-app-limit-24hour-reset`), all epoch seconds — else the
 * endpoint's reset, else `Retry-After`.
 */
export function xRetryAfterMs(error: ApiResponseError, now: Date): number | undefined {
  const limit: TwitterRateLimit | undefined = error.rateLimit;
  const windows = limit ? [limit, limit.day, limit.userDay].filter((window) => window !== undefined) : [];
  const spent = windows.filter((window) => window.remaining === 0 && Number.isFinite(window.reset)).map((window) => window.reset);
  const resetAt = spent.length ? Math.max(...spent) : limit?.reset;
  if (resetAt !== undefined && Number.isFinite(resetAt)) return Math.max(0, resetAt * 1000 - now.getTime());
  const header = error.headers?.['retry-after'];
  return retryAfterMs(Array.isArray(header) ? header[0] : header, now);
}

/**
 * X's answers as the dispatcher needs them (ports.ts `SocialErrorKind`): 401 and the 403s of
 * `CREDENTIAL_PROBLEMS` → auth; 429 → rate_limited; other 4xx (400 invalid request, a 403 about
 * the post or the account, a media file X refuses) → rejected, in X's words; 503 → unavailable;
 * other 5xx, a timeout, a dropped connection or an answer cut short → uncertain for a post,
 * unavailable for a read or an upload; a
 * connection that never opened → unavailable. A duplicate refusal is left to the caller
 * (`isDuplicateContent`), which looks for the post first.
 */
export function xError(error: unknown, call: XCall, now: Date): SocialError {
  if (error instanceof SocialError) return error;
  const doubt = call === 'post' ? 'uncertain' : 'unavailable';
  if (error instanceof ApiResponseError) {
    const status = error.code;
    const problem = problemOf(error);
    const said = [problem.title, problem.detail].filter(Boolean).join(': ') || `HTTP ${status}`;
    const details = { status, cause: error };
    if (status === 401 || (status === 403 && CREDENTIAL_PROBLEMS.some((type) => problem.type?.endsWith(type)))) {
      return new SocialError('auth', `X refused the account's token: ${said}`, details);
    }
    if (status === 429) return new SocialError('rate_limited', `X rate limit: ${said}`, { ...details, retryAfterMs: xRetryAfterMs(error, now) ?? DEFAULT_RETRY_AFTER_MS });
    if (status === 503) return new SocialError('unavailable', `X is unavailable: ${said}`, details);
    if (status >= 500) return new SocialError(doubt, `X answered ${status}: ${said}`, details);
    return new SocialError('rejected', `X refused it: ${said}`, details);
  }
  if (error instanceof ApiRequestError) {
    const socketError = requestErrorOf(error);
    if (neverSent(socketError)) return new SocialError('unavailable', `X could not be reached: ${describe(socketError)}`, { cause: error });
    // Includes the client's own timeout ("Request timeout.") and a socket closed before any answer.
    return new SocialError(doubt, `X did not answer: ${describe(socketError)}`, { cause: error });
  }
  if (error instanceof ApiPartialResponseError) return new SocialError(doubt, `X's answer broke off: ${error.message}`, { cause: error });
  return new SocialError(doubt, `X call failed: ${describe(error)}`, { cause: error });
}

/** The RFC 7807-style problem X answers with (`title`, `detail`, `type`), or v1.1's `errors[0].message`. */
function problemOf(error: ApiResponseError): { title?: string; detail?: string; type?: string } {
  const data = (typeof error.data === 'object' && error.data !== null ? error.data : {}) as { title?: unknown; detail?: unknown; type?: unknown; errors?: Array<{ message?: unknown }> };
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return { title: text(data.title), detail: text(data.detail) ?? text(data.errors?.[0]?.message), type: text(data.type) };
}

/** The socket's error behind an ApiRequestError (1.29.1's `requestError` getter reads a field the constructor never sets). */
function requestErrorOf(error: ApiRequestError): unknown {
  return error.requestError ?? (error as unknown as { _options?: { error?: unknown } })._options?.error;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${message} (${code})` : message;
}
