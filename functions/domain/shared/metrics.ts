/**
 * The business events an operator watches on World Day, as metrics. The domain counts them
 * where they happen, through this port; on Lambda the adapter writes CloudWatch embedded metric
 * format (namespace BlueHeart, dimensions stage and service: functions/adapters/metrics/), with
 * `npm start` nothing is written, and tests read a memory one. The dashboard
 * (infra/stacks/observability-stack.ts) draws every name listed here.
 */
export const COUNTED_EVENTS = [
  /** A pledge stored: a new one, or a pending one submitted again (not a repeat of a confirmed address, not a bot caught by the honeypot). */
  'PledgeSubmitted',
  /** A pledge confirmed by its link (the first time only). */
  'PledgeConfirmed',
  /** A gift appended to the ledger (not one already there). */
  'DonationRecorded',
  /** A payment event (Stripe's webhook) recorded in full; its entries may have been there already. */
  'WebhookEventProcessed',
  /** A payment event seen before, acknowledged without doing anything. */
  'WebhookEventDuplicate',
  /** A social delivery that posted (a network post, or a share-only supporter's share link by email). */
  'PostDelivered',
  'PostFailed',
  /** Revoked or disconnected before its turn. */
  'PostSkipped',
  /** The message emailed to a pledger at the moment. */
  'EmailSent',
  'EmailFailed',
  /** The pledger can no longer be mailed (unsubscribed, erased since the fan-out). */
  'EmailSkipped',
] as const;
export type CountedEvent = (typeof COUNTED_EVENTS)[number];

/** Amounts, one metric per currency (dimension `currency`), in the currency's major unit (dollars, not cents). */
export const AMOUNTS = ['DonationAmount'] as const;
export type AmountMetric = (typeof AMOUNTS)[number];

export interface Metrics {
  /** `by` (default 1) more of an event. */
  count(event: CountedEvent, by?: number): void;
  /** An amount of money in `currency` (lower-case ISO 4217), in its major unit. */
  amount(metric: AmountMetric, value: number, currency: string): void;
}

/** Counts nothing (`npm start`, and any deps built without metrics). */
export const noMetrics: Metrics = { count() {}, amount() {} };
