/**
 * Errors in Stripe's shape and with Stripe's status codes
 * (https://docs.stripe.com/api/errors): the official client turns them into its own classes
 * (`StripeInvalidRequestError`, `StripeAuthenticationError`, `StripeIdempotencyError`, …).
 */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error';

export interface StripeErrorBody {
  error: { type: StripeErrorType; message: string; code?: string; param?: string; decline_code?: string; doc_url?: string };
}

export class StripeStandinError extends Error {
  constructor(
    readonly status: 400 | 401 | 402 | 404 | 409 | 500,
    readonly type: StripeErrorType,
    message: string,
    readonly details: { code?: string; param?: string; decline_code?: string } = {},
  ) {
    super(message);
    this.name = 'StripeStandinError';
  }

  toBody(): StripeErrorBody {
    const { code, param, decline_code } = this.details;
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(code && { code, doc_url: `https://docs.stripe.com/error-codes/${code.replace(/_/g, '-')}` }),
        ...(param && { param }),
        ...(decline_code && { decline_code }),
      },
    };
  }
}

export const missing = (param: string) =>
  new StripeStandinError(400, 'invalid_request_error', `Missing required param: ${param}.`, { code: 'parameter_missing', param });

export const invalid = (param: string, message: string) =>
  new StripeStandinError(400, 'invalid_request_error', message, { code: 'parameter_invalid', param });

export const unknownParam = (param: string) =>
  new StripeStandinError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });

export const notFound = (kind: string, id: string, param = 'id') =>
  new StripeStandinError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, { code: 'resource_missing', param });
