import type { CountedEvent } from '../../shared/metrics.js';
import { attemptDelivery, policyOf, type AttemptOutcome } from './attempt-delivery.js';
import type { DeliveryJob, DeliveryQueue, DispatchDeps } from './ports.js';

/** The metric of an attempt that finished its delivery, by the target's kind: an email, or a post (a share-only supporter's share link included). */
const FINISHED: Record<'posted' | 'failed' | 'skipped', Record<'email' | 'post', CountedEvent>> = {
  posted: { email: 'EmailSent', post: 'PostDelivered' },
  failed: { email: 'EmailFailed', post: 'PostFailed' },
  skipped: { email: 'EmailSkipped', post: 'PostSkipped' },
};

/**
 * A worker's whole job, the same on Lambda (one SQS record) and locally (functions/dev/social-worker.ts):
 * one attempt, and the job queued again when the delivery must be tried later (released after a
 * 429 or 5xx, not due yet, or held by another attempt that may die). A job that throws (the
 * database unreachable) is the runtime's to return to the queue: on AWS SQS makes it visible
 * again after the visibility timeout (which must be longer than `leaseMs`), locally the worker
 * queues it again after `leaseMs`.
 */
export async function processJob(deps: DispatchDeps, queue: DeliveryQueue, job: DeliveryJob): Promise<AttemptOutcome> {
  const outcome = await attemptDelivery(deps, job.messageId, job.targetId);
  if (outcome.kind === 'posted' || outcome.kind === 'failed' || outcome.kind === 'skipped') {
    deps.metrics?.count(FINISHED[outcome.kind][outcome.delivery.target.kind === 'email' ? 'email' : 'post']);
  }
  if (outcome.kind === 'retry' || outcome.kind === 'busy') {
    const delayMs = Math.max(0, outcome.at.getTime() - deps.clock.now().getTime());
    await queue.send([job], delayMs > 0 ? { delayMs } : undefined);
  }
  return outcome;
}

/** How long a runtime waits before retrying a job that threw: past any claim the attempt may hold. */
export const retryAfterThrowMs = (deps: DispatchDeps): number => policyOf(deps).leaseMs + 1_000;
