import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { AppError } from '../../domain/shared/errors.js';

/** A failed condition means someone else wrote first: the domain reads again and retries. */
export function conflictOr(error: unknown): unknown {
  if (error instanceof ConditionalCheckFailedException) {
    return new AppError('conflict', 'The item changed while it was being written.', { cause: error });
  }
  if (error instanceof TransactionCanceledException) {
    const reasons = error.CancellationReasons ?? [];
    if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) {
      return new AppError('conflict', 'The item changed while it was being written.', { cause: error });
    }
    if (reasons.some((reason) => reason.Code === 'TransactionConflict' || reason.Code === 'ThrottlingError')) {
      return new AppError('unavailable', 'The database is busy; please try again.', { cause: error, retryable: true });
    }
  }
  return error;
}
