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
  /**
   * Opens sealed social credentials and emails their owners: on AWS it runs in the social stack,
   * with Decrypt on the social token key (the worker's right), the mail and the app secret.
   */
  opensSocialTokens?: boolean;
}

/** The jobs infra/stacks/social-stack.ts runs (the others run in the API stack, or in the payments stack with `needsStripe`). */
export const runsInSocialStack = (job: ScheduledJob): boolean => Boolean(job.needsSocialQueue || job.opensSocialTokens);

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
  {
    name: 'check-token-health',
    // 05:00 UTC, daily: a refused account is marked, and its owner asked to reconnect, days before the moment.
    rate: { expression: 'cron(0 5 * * ? *)', everyMs: 24 * 60 * 60_000 },
    handler: 'functions/handlers/scheduled/check-token-health.ts',
    description: "Try every account that will post a message due in the next few days (SOCIAL_TOKEN_CHECK_DAYS, 3) with its network: refresh follower counts, mark refused accounts expired and email their owners to reconnect (once per expiry).",
    opensSocialTokens: true,
  },
  {
    name: 'enforce-retention',
    // 04:30 UTC, daily. Most personal data expires by DynamoDB TTL (RETENTION in functions/domain/shared/retention.ts).
    rate: { expression: 'cron(30 4 * * ? *)', everyMs: 24 * 60 * 60_000 },
    handler: 'functions/handlers/scheduled/enforce-retention.ts',
    description: 'Revoke the accounts still lent to campaigns that are over (31 days after their World Day, no message still scheduled or sending): their sealed credentials and emails are deleted, and TTL removes the rest 30 days later.',
  },
];
