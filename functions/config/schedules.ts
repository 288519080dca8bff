/**
 * Every scheduled job of the platform, in one place. On AWS, EventBridge Scheduler invokes each
 * handler at its rate (infra/stacks/api-stack.ts); with `npm start`, the in-process scheduler
 * (functions/dev/scheduler.ts) runs the same functions at the same rates.
 */
export interface ScheduledJob {
  name: string;
  /** EventBridge Scheduler rate expression, and the local interval. */
  rate: { expression: string; everyMs: number };
  /** The Lambda entry (relative to the repository root) that runs it. */
  handler: string;
  description: string;
}

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: 'publish-due-campaigns',
    rate: { expression: 'rate(1 minute)', everyMs: 60_000 },
    handler: 'functions/handlers/scheduled/publish-due-campaigns.ts',
    description: 'Publish every campaign draft whose scheduled time has come.',
  },
];
