import { SocialError } from '../../domain/social/ports.js';
import { NoAnswerError, retryAfterMs, type HttpAnswer } from './http-answer.js';

/**
 * What a failed call was doing: only `post` (POST /{page-id}/feed) can have posted without a
 * clear answer; a `read` or a `media` upload (an unpublished photo) posts nothing.
 */
export type FacebookCall = 'read' | 'media' | 'post';

/**
 * Graph API error codes (https://developers.facebook.com/docs/graph-api/guides/error-handling
 * and /docs/graph-api/overview/rate-limiting), grouped by what the dispatcher does about them.
 */
const GRAPH = {
  /** 102 API Session, 190 Access token has expired (or was revoked: its subcodes 458–467). */
  expiredToken: [102, 190],
  /** 10 API Permission Denied, 200–299 API Permission: a permission was not granted or was removed. */
  permission: (code: number) => code === 10 || (code >= 200 && code <= 299),
  /** 4 app, 17 user, 32 Page, 613 calls within the time, 341 app limit, 80001 Pages (Business Use Case) rate limits. */
  throttled: [4, 17, 32, 341, 613, 80001],
  /** 1 API Unknown, 2 API Service: "temporary issue due to downtime", for the docs: retry. */
  temporary: [1, 2],
  /** 506 Duplicate Post: "Duplicate posts cannot be published consecutively". */
  duplicatePost: 506,
};

/** When a throttled answer says nothing of when: Graph's windows are a rolling hour (Platform) or day (Pages, BUC). */
const DEFAULT_RETRY_AFTER_MS = 60 * 60_000;

/** The Graph error object: `{ error: { message, type, code, error_subcode, error_user_title, error_user_msg, is_transient, fbtrace_id } }`. */
export interface GraphError {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

export function graphErrorOf(answer: HttpAnswer): GraphError {
  const error = (answer.body as { error?: unknown } | undefined)?.error;
  return typeof error === 'object' && error !== null ? (error as GraphError) : {};
}

export const isDuplicatePost = (answer: HttpAnswer): boolean => graphErrorOf(answer).code === GRAPH.duplicatePost;

/**
 * How long a throttled Page must wait: `X-Business-Use-Case-Usage` (Pages called with a Page
 * token are under Business Use Case limits) gives `estimated_time_to_regain_access` in minutes
 * per business object; the longest wins. Else `Retry-After`.
 */
export function facebookRetryAfterMs(headers: Headers, now: Date): number | undefined {
  const usage = headers.get('x-business-use-case-usage');
  if (usage) {
    try {
      const byObject = JSON.parse(usage) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>;
      const minutes = Object.values(byObject).flat().map((entry) => entry.estimated_time_to_regain_access ?? 0);
      const longest = Math.max(0, ...minutes);
      if (longest > 0) return longest * 60_000;
    } catch {
      // Unreadable usage header: fall back to Retry-After.
    }
  }
  return retryAfterMs(headers.get('retry-after'), now);
}

/**
 * Graph's answers as the dispatcher needs them (ports.ts `SocialErrorKind`): an expired or
 * revoked token and a missing permission → auth (a manager reconnects the Page); the rate
 * limits → rate_limited; codes 1 and 2, `is_transient` and 5xx → uncertain for a post (the
 * request reached Facebook), unavailable for a read or an upload; 503 → unavailable; 368
 * (blocked for a policy violation), 100 (invalid parameter, a photo it refuses), 1609005 (link)
 * and the rest → rejected, in Facebook's words (`error_user_msg` when there is one). No
 * answer: uncertain for a post once it may have left, unavailable otherwise. A duplicate (506) is left to the caller, which looks first.
 */
export function facebookError(failure: HttpAnswer | unknown, call: FacebookCall, now: Date): SocialError {
  if (failure instanceof SocialError) return failure;
  const doubt = call === 'post' ? 'uncertain' : 'unavailable';
  if (failure instanceof NoAnswerError) {
    return new SocialError(failure.sent ? doubt : 'unavailable', `Facebook ${failure.sent ? 'did not answer' : 'could not be reached'}: ${failure.message}`, { cause: failure });
  }
  if (!isAnswer(failure)) return new SocialError(doubt, `Facebook call failed: ${(failure as Error)?.message ?? String(failure)}`, { cause: failure });
  const { status } = failure;
  const error = graphErrorOf(failure);
  const code = error.code ?? 0;
  const said = [error.error_user_msg ?? error.message ?? `HTTP ${status}`, error.code ? `(code ${error.code}${error.error_subcode ? `/${error.error_subcode}` : ''})` : ''].filter(Boolean).join(' ');
  const details = { status, cause: failure.body };
  if (GRAPH.expiredToken.includes(code) || GRAPH.permission(code) || (status === 401 && !code)) {
    return new SocialError('auth', `Facebook refused the Page's token: ${said}`, details);
  }
  if (GRAPH.throttled.includes(code) || status === 429) {
    return new SocialError('rate_limited', `Facebook rate limit: ${said}`, { ...details, retryAfterMs: facebookRetryAfterMs(failure.headers, now) ?? DEFAULT_RETRY_AFTER_MS });
  }
  if (status === 503 && !GRAPH.temporary.includes(code)) return new SocialError('unavailable', `Facebook is unavailable: ${said}`, details);
  if (GRAPH.temporary.includes(code) || error.is_transient || status >= 500) return new SocialError(doubt, `Facebook answered ${status}: ${said}`, details);
  return new SocialError('rejected', `Facebook refused it: ${said}`, details);
}

const isAnswer = (value: unknown): value is HttpAnswer =>
  typeof value === 'object' && value !== null && typeof (value as HttpAnswer).status === 'number' && (value as HttpAnswer).headers instanceof Headers;
