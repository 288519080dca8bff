import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, type ErrorCode, isAppError } from '../domain/shared/errors.js';
import { describeError, type Logger } from '../adapters/log/logger.js';
import type { Language } from '../domain/shared/languages.js';
import type { AppEnv } from './app-env.js';
import { htmlPage } from './html.js';

const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 503> = {
  validation_failed: 400,
  invalid_token: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  expired_token: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

/** Hono's own exceptions (e.g. a malformed form body) become AppErrors with a code. */
function asAppError(error: unknown): AppError | undefined {
  if (isAppError(error)) return error;
  if (error instanceof HTTPException) {
    const code = ({ 400: 'validation_failed', 401: 'unauthenticated', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type' } as const)[
      error.status as 400
    ];
    if (code) return new AppError(code, error.message || 'The request could not be read.');
  }
  return undefined;
}

const MESSAGE_PAGE: Partial<Record<ErrorCode, 'link-invalid' | 'link-expired' | 'not-found' | 'rate-limited'>> = {
  invalid_token: 'link-invalid',
  expired_token: 'link-expired',
  not_found: 'not-found',
  rate_limited: 'rate-limited',
};

/**
 * Every error leaves the API once, here: `{ error: { code, message, fields? } }` for API
 * clients, a page in the visitor's language for form posts. Unknown errors are logged with the
 * request id and answered with a 500 that says nothing about the internals.
 */
export function handleError(logger: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    const appError = asAppError(error);
    const requestId = c.get('requestId');
    const status = appError ? STATUS[appError.code] : 500;
    if (!appError) logger.error('unhandled error', { requestId, path: c.req.path, ...describeError(error) });
    else if (status >= 500) logger.warn('temporary failure', { requestId, code: appError.code, ...describeError(appError.details.cause ?? appError) });
    const message = appError?.message ?? 'Something went wrong on our side. Please try again later.';
    if (c.get('respondWithHtml')) {
      const lang: Language = c.get('language') ?? 'en';
      if (appError?.code === 'validation_failed') {
        return htmlPage(c, { kind: 'form-errors', lang, fields: appError.fields ?? [], backHref: sameSitePath(c) ?? `/${lang}/pledge/` }, 400);
      }
      const pageMessage = (appError && MESSAGE_PAGE[appError.code]) ?? 'error';
      return htmlPage(c, { kind: 'message', lang, message: pageMessage }, status as 400);
    }
    const body = { error: { code: appError?.code ?? 'internal_error', message, ...(appError?.fields ? { fields: appError.fields } : {}), requestId } };
    return c.json(body, status, status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
  };
}

/** The page the form was posted from, when it is on this site: "back to the form" returns there. */
function sameSitePath(c: Context): string | undefined {
  const referer = c.req.header('referer');
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    return from.origin === new URL(c.req.url).origin ? from.pathname : undefined;
  } catch {
    return undefined;
  }
}
