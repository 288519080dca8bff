import type { CorrelationKeys } from './observability.js';

/**
 * What EventBridge Scheduler sends a job (infra/constructs/scheduled-job.ts sets the target's
 * input to `scheduledRunInput`, whose placeholders Scheduler fills per run). The execution id is
 * the same for Scheduler's retries and Lambda's asynchronous retries of one run, so it correlates
 * every attempt at that run.
 */
export interface ScheduledRunEvent {
  job?: string;
  executionId?: string;
  scheduledTime?: string;
}

export const scheduledRunInput = (job: string): string =>
  JSON.stringify({ job, executionId: '<aws.scheduler.execution-id>', scheduledTime: '<aws.scheduler.scheduled-time>' } satisfies ScheduledRunEvent);

/** A run's log keys: its execution id as the correlation id (Lambda's request id for a manual invoke). */
export const scheduledRunKeys = (event: ScheduledRunEvent | null | undefined, context: { awsRequestId: string }): CorrelationKeys => ({
  correlationId: typeof event?.executionId === 'string' ? event.executionId : context.awsRequestId,
  job: typeof event?.job === 'string' ? event.job : undefined,
  scheduledTime: typeof event?.scheduledTime === 'string' ? event.scheduledTime : undefined,
});
