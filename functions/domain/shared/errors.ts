/**
 * The one error type the domain throws. `app.onError` maps each code to an HTTP status once;
 * workers use `retryable` to tell temporary failures (retry) from permanent ones.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_token'
  | 'expired_token'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'unavailable';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `email` or `filter.country`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldIssue[]; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'AppError';
  }

  get fields(): FieldIssue[] | undefined {
    return this.details.fields;
  }

  get retryable(): boolean {
    return this.details.retryable ?? this.code === 'unavailable';
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
