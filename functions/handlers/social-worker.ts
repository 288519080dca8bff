import { lambdaObservability } from '../adapters/lambda/observability.js';
import { withLogKeys } from '../adapters/log/log-context.js';
import { describeError, type Logger } from '../adapters/log/logger.js';
import { parseJobBody } from '../adapters/sqs/sqs-delivery-queue.js';
import { createSocialWorkerDeps, loadSocialDispatchEnv } from '../config/social-dispatch.js';
import { processJob } from '../domain/social/dispatch/process-job.js';
import type { DeliveryQueue, DispatchDeps } from '../domain/social/dispatch/ports.js';

/** The parts of Lambda's SQS event this worker reads. */
export interface SqsEvent {
  Records: Array<{ messageId: string; body: string; attributes?: { ApproximateReceiveCount?: string } }>;
}

/** Partial batch response (the event source mapping has ReportBatchItemFailures). */
export interface SqsBatchResponse {
  batchItemFailures: Array<{ itemIdentifier: string }>;
}

/**
 * The social worker on AWS: one `processJob` per SQS record (one delivery job: a message and a
 * target), the records of a batch at once. What a record's attempt decided is already in the
 * delivery record and, when the delivery must be tried later (a 429's Retry-After, backoff after
 * a 5xx, a job that arrived before its time, a claim held by another attempt), in a new message
 * sent with the remaining delay; so the record itself is done and SQS deletes it.
 *
 * Only a record whose attempt threw (DynamoDB, KMS or SQS unreachable) is reported in
 * `batchItemFailures`: SQS makes it visible again after the visibility timeout (longer than the
 * dispatch lease, so the attempt's claim has run out by then) and, after maxReceiveCount
 * receives, moves it to the dead-letter queue, whose alarm tells an operator. A body that is not
 * a job is reported the same way, so it ends in the dead-letter queue rather than vanishing.
 *
 * Every log line of a record's attempt carries the SQS message id as its correlation id.
 */
export function sqsWorker(deps: DispatchDeps, queue: DeliveryQueue, logger: Logger): (event: SqsEvent) => Promise<SqsBatchResponse> {
  /** The record's id when SQS must hand it out again, undefined when it is done. */
  const attempt = async (record: SqsEvent['Records'][number]): Promise<string | undefined> => {
    const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? 1);
    const job = parseJobBody(record.body);
    if (!job) {
      logger.error('social worker: the message is not a delivery job; it goes to the dead-letter queue', { sqsMessageId: record.messageId, receiveCount });
      return record.messageId;
    }
    try {
      const outcome = await processJob(deps, queue, job);
      if (outcome.kind === 'lost' || outcome.kind === 'missing') {
        logger.warn(`social worker: delivery ${outcome.kind}`, { ...job, ...(outcome.kind === 'lost' ? { reason: outcome.reason } : {}) });
      } else {
        logger.debug('social worker: attempt', { ...job, outcome: outcome.kind, ...('at' in outcome ? { at: outcome.at.toISOString() } : {}) });
      }
      return undefined;
    } catch (error) {
      logger.warn('social worker: attempt failed; SQS hands the job out again after the visibility timeout', { ...job, sqsMessageId: record.messageId, receiveCount, ...describeError(error) });
      return record.messageId;
    }
  };
  return async (event) => {
    const failed = await Promise.all(event.Records.map((record) => withLogKeys({ correlationId: record.messageId }, () => attempt(record))));
    return { batchItemFailures: failed.filter((id): id is string => id !== undefined).map((itemIdentifier) => ({ itemIdentifier })) };
  };
}

/**
 * Built on the first event rather than at import, so that tests can import `sqsWorker` without an
 * environment; building is cheap (clients only, nothing is fetched) and a failure is tried again.
 * Powertools is set up at import (it needs no configuration), before any client exists.
 */
const observability = lambdaObservability();
let worker: ((event: SqsEvent) => Promise<SqsBatchResponse>) | undefined;

export const handler = observability.handler(async (event: SqsEvent): Promise<SqsBatchResponse> => {
  if (!worker) {
    const { deps, queue, logger } = createSocialWorkerDeps(loadSocialDispatchEnv(), { logger: observability.logger, metrics: observability.metrics });
    worker = sqsWorker(deps, queue, logger);
  }
  return worker(event);
});
