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
  /** Reads Stripe: on AWS it runs in the payments stack, with the Stripe secret. */
  needsStripe?: boolean;
  /** Queues social delivery jobs: on AWS it runs in the social stack, next to the queue (infra/stacks/social-stack.ts). */
  needsSocialQueue?: boolean;
}

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [
  {
    name: 'publish-due-campaigns',
    rate: { expression: 'rate(1 minute)', everyMs: 60_000 },
    handler: 'functions/handlers/scheduled/publish-due-campaigns.ts',
    description: 'Publish every campaign draft whose scheduled time has come.',
  },
  {
    name: 'reconcile-payouts',
    // 03:00 UTC, after Stripe's overnight payouts have settled.
    rate: { expression: 'cron(0 3 * * ? *)', everyMs: 24 * 60 * 60_000 },
    handler: 'functions/handlers/scheduled/reconcile-payouts.ts',
    description: 'Reconcile payouts not yet reconciled, look for gifts no payout has paid out, and email finance a summary.',
    needsStripe: true,
  },
  {
    name: 'send-due-messages',
    rate: { expression: 'rate(1 minute)', everyMs: 60_000 },
    handler: 'functions/handlers/scheduled/send-due-messages.ts',
    description: 'Fan out the social messages whose time has come (one job per target on the delivery queue), and finish those with nothing left to attempt.',
    needsSocialQueue: true,
  },
];
