import { SendMessageBatchCommand, type BatchResultErrorEntry, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import type { DeliveryJob, DeliveryQueue } from '../../domain/social/dispatch/ports.js';

/** SendMessageBatch takes at most 10 entries. */
export const SQS_BATCH_SIZE = 10;
/** SQS's longest `DelaySeconds` (15 minutes): a later job is sent at this delay and re-sent by the worker. */
export const SQS_MAX_DELAY_SECONDS = 900;

export interface SqsDeliveryQueueOptions {
  /** SendMessageBatch calls in flight at once (a fan-out of 1,000 jobs is 100 calls). */
  concurrency?: number;
  /** Calls per batch before entries SQS keeps failing are given up on (the first included). */
  maxAttempts?: number;
  /** Wait before retrying failed entries: base × 2^(attempt − 1), with jitter. */
  retryBaseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** Some jobs of a send could not be queued: the caller's step fails and is repeated (the fan-out and the worker are idempotent). */
export class QueueSendError extends Error {
  constructor(
    message: string,
    readonly failed: ReadonlyArray<{ job: DeliveryJob; code: string; message?: string; senderFault: boolean }>,
  ) {
    super(message);
    this.name = 'QueueSendError';
  }
}

/** The message body a worker reads (functions/handlers/social-worker.ts): the job, nothing else. */
export const jobBody = (job: DeliveryJob): string => JSON.stringify({ messageId: job.messageId, targetId: job.targetId });

/** The job in a message body, or undefined when the body is not one. */
export function parseJobBody(body: string): DeliveryJob | undefined {
  try {
    const value = JSON.parse(body) as Partial<DeliveryJob> | null;
    if (value && typeof value.messageId === 'string' && value.messageId && typeof value.targetId === 'string' && value.targetId) {
      return { messageId: value.messageId, targetId: value.targetId };
    }
  } catch {
    // not JSON
  }
  return undefined;
}

/**
 * `DeliveryQueue` on an SQS standard queue (functions/domain/social/dispatch/ports.ts).
 *
 * - SendMessageBatch, 10 jobs a call, a few calls in flight.
 * - `DelaySeconds` = the delay rounded up to a whole second, capped at SQS's 900 s: a job due
 *   later arrives early, finds the claim refused (`notBefore` is stored), and the worker sends it
 *   again with the remaining delay (`processJob`). Rounding up means a job never arrives a
 *   fraction of a second early only to be sent again.
 * - A batch call can succeed while some entries fail (throttling, an internal error): those
 *   entries, and only those, are sent again with backoff. Entries SQS blames on the sender
 *   (`SenderFault`) would fail again and are not retried. Whatever still fails is thrown as a
 *   `QueueSendError`: the fan-out (repeated next minute) or the worker's record (made visible
 *   again by SQS) then runs again; sending a job twice is harmless, every attempt claims first.
 * Whole-call failures (network, 5xx, throttling) are the SDK client's own retries.
 */
export class SqsDeliveryQueue implements DeliveryQueue {
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    options: SqsDeliveryQueueOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 10);
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.retryBaseMs = options.retryBaseMs ?? 100;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  async send(jobs: readonly DeliveryJob[], options?: { delayMs?: number }): Promise<void> {
    if (jobs.length === 0) return;
    const delaySeconds = delaySecondsOf(options?.delayMs);
    const batches: DeliveryJob[][] = [];
    for (let i = 0; i < jobs.length; i += SQS_BATCH_SIZE) batches.push(jobs.slice(i, i + SQS_BATCH_SIZE));
    const failures: QueueSendError['failed'][number][] = [];
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.concurrency, batches.length) }, async () => {
      while (next < batches.length) failures.push(...(await this.sendBatch(batches[next++]!, delaySeconds)));
    });
    await Promise.all(lanes);
    if (failures.length > 0) {
      const first = failures[0]!;
      throw new QueueSendError(
        `SQS did not take ${failures.length} of ${jobs.length} delivery jobs (first: ${first.code}${first.message ? `: ${first.message}` : ''})`,
        failures,
      );
    }
  }

  /** One batch of up to 10, its failed entries sent again; returns what still failed. */
  private async sendBatch(batch: readonly DeliveryJob[], delaySeconds: number): Promise<QueueSendError['failed'][number][]> {
    // Entry ids only need to be unique within a call: the job's index in the batch.
    let pending: SendMessageBatchRequestEntry[] = batch.map((job, index) => ({
      Id: String(index),
      MessageBody: jobBody(job),
      ...(delaySeconds > 0 ? { DelaySeconds: delaySeconds } : {}),
    }));
    const givenUp: BatchResultErrorEntry[] = [];
    for (let attempt = 1; pending.length > 0; attempt++) {
      const { Failed = [] } = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
      // The sender's fault (a malformed entry) would fail again: only the others are retried.
      const retryable = Failed.filter((entry) => !entry.SenderFault);
      givenUp.push(...Failed.filter((entry) => entry.SenderFault));
      if (retryable.length > 0 && attempt >= this.maxAttempts) {
        givenUp.push(...retryable);
        break;
      }
      const retryIds = new Set(retryable.map((entry) => entry.Id));
      pending = pending.filter((entry) => retryIds.has(entry.Id));
      if (pending.length > 0) {
        const step = this.retryBaseMs * 2 ** (attempt - 1);
        await this.sleep(Math.round(step / 2 + this.random() * (step / 2)));
      }
    }
    return givenUp.map((entry) => ({
      job: batch[Number(entry.Id)]!,
      code: entry.Code ?? 'unknown',
      ...(entry.Message ? { message: entry.Message } : {}),
      senderFault: entry.SenderFault === true,
    }));
  }
}

/** Whole seconds, rounded up, between 0 and SQS's 900. */
export function delaySecondsOf(delayMs: number | undefined): number {
  if (!delayMs || !Number.isFinite(delayMs) || delayMs <= 0) return 0;
  return Math.min(SQS_MAX_DELAY_SECONDS, Math.ceil(delayMs / 1000));
}
