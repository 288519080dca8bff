import { SocialError } from '../../domain/social/ports.js';
import { NoAnswerError, retryAfterMs, type HttpAnswer } from './http-answer.js';

/**
 * What a failed call was doing: only `post` (POST /rest/posts) can have posted without a clear
 * answer; a `read` or a `media` upload (Images API) posts nothing.
 */
export type LinkedInCall = 'read' | 'media' | 'post';

/**
 * LinkedIn's error body: `{ status, serviceErrorCode?, code?, message, errorDetails? }`, e.g.
 * `{"status":401,"serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","message":"The token used in the request has been revoked by the user"}`.
 */
interface LinkedInErrorBody {
  status?: number;
  code?: string;
  serviceErrorCode?: number;
  message?: string;
  errorDetails?: { inputErrors?: Array<{ code?: string; description?: string }> };
}

const bodyOf = (answer: HttpAnswer): LinkedInErrorBody => (typeof answer.body === 'object' && answer.body !== null ? (answer.body as LinkedInErrorBody) : {});

/**
 * LinkedIn's refusal of a post the author already has:
 * `422 {"message":"… Content is a duplicate of urn:li:share:7141138937766391808","errorDetails":{"inputErrors":[{"description":"Duplicate post is detected","code":"DUPLICATE_POST"}]},"status":422}`.
 */
export function isDuplicatePost(answer: HttpAnswer): boolean {
  const body = bodyOf(answer);
  return answer.status === 422 && (body.errorDetails?.inputErrors?.some((input) => input.code === 'DUPLICATE_POST') || /duplicate/i.test(body.message ?? ''));
}

/**
 * How long a 429 asks to wait: `Retry-After` when LinkedIn sends it, else until the next midnight
 * UTC, when LinkedIn's daily application and member limits reset
 * (https://learn.microsoft.com/linkedin/shared/api-guide/concepts/rate-limits).
 */
export function linkedInRetryAfterMs(headers: Headers, now: Date): number {
  const said = retryAfterMs(headers.get('retry-after'), now);
  if (said !== undefined) return said;
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return midnight - now.getTime();
}

/**
 * LinkedIn's answers as the dispatcher needs them (ports.ts `SocialErrorKind`): 401
 * (expired, revoked or invalid token) and 403 (ACCESS_DENIED: a scope such as
 * w_organization_social is missing, or the member no longer administers the organisation) →
 * auth; 429 → rate_limited; 503 → unavailable; other 5xx, or no answer once the request may have
 * left → uncertain for a post, unavailable for a read or an upload; other 4xx (422 invalid
 * content, 400, an image LinkedIn refuses) → rejected, in LinkedIn's words. A duplicate (422 DUPLICATE_POST) is left to the caller, which
 * looks first.
 */
export function linkedInError(failure: HttpAnswer | unknown, call: LinkedInCall, now: Date): SocialError {
  if (failure instanceof SocialError) return failure;
  const doubt = call === 'post' ? 'uncertain' : 'unavailable';
  if (failure instanceof NoAnswerError) {
    return new SocialError(failure.sent ? doubt : 'unavailable', `LinkedIn ${failure.sent ? 'did not answer' : 'could not be reached'}: ${failure.message}`, { cause: failure });
  }
  const answer = failure as HttpAnswer;
  if (typeof answer?.status !== 'number') return new SocialError(doubt, `LinkedIn call failed: ${(failure as Error)?.message ?? String(failure)}`, { cause: failure });
  const { status } = answer;
  const body = bodyOf(answer);
  const said = [body.message || `HTTP ${status}`, body.code ? `(${body.code})` : ''].filter(Boolean).join(' ');
  const details = { status, cause: answer.body };
  if (status === 401 || status === 403) return new SocialError('auth', `LinkedIn refused the account's token: ${said}`, details);
  if (status === 429) return new SocialError('rate_limited', `LinkedIn rate limit: ${said}`, { ...details, retryAfterMs: linkedInRetryAfterMs(answer.headers, now) });
  if (status === 503) return new SocialError('unavailable', `LinkedIn is unavailable: ${said}`, details);
  if (status >= 500) return new SocialError(doubt, `LinkedIn answered ${status}: ${said}`, details);
  return new SocialError('rejected', `LinkedIn refused it: ${said}`, details);
}
