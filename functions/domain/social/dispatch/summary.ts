import type { DeliveryStore } from '../ports.js';
import type { DeliveredReach, Delivery, Platform, TargetKind } from '../social.js';

export interface DeliveryTotals {
  total: number;
  pending: number;
  claimed: number;
  posted: number;
  failed: number;
  skipped: number;
  /** Failed after an attempt that had no answer: the post may have gone out. */
  uncertain: number;
  /** Followers of every target when they connected. */
  expectedReach: number;
  /** Followers of the targets posted to. */
  deliveredReach: number;
}

export interface DeliverySummary extends DeliveryTotals {
  byPlatform: Partial<Record<Platform | 'email', DeliveryTotals>>;
  /** The organisation's accounts, supporters' accounts, emails. */
  byKind: Partial<Record<TargetKind, DeliveryTotals>>;
  /** What went out on a network (posted, with a link to the post) and its followers at posting; emails and share links are not posts. */
  published: DeliveredReach;
}

const empty = (): DeliveryTotals => ({ total: 0, pending: 0, claimed: 0, posted: 0, failed: 0, skipped: 0, uncertain: 0, expectedReach: 0, deliveredReach: 0 });

function add(totals: DeliveryTotals, delivery: Delivery): void {
  totals.total++;
  totals[delivery.state]++;
  if (delivery.state === 'failed' && delivery.uncertain) totals.uncertain++;
  totals.expectedReach += delivery.target.followers;
  if (delivery.state === 'posted') totals.deliveredReach += delivery.reach ?? delivery.target.followers;
}

/** Totals of a message's deliveries, overall and per platform, in one pass over the records (each also shown to `visit`). */
export async function summarizeDeliveries(store: DeliveryStore, messageId: string, visit?: (delivery: Delivery) => void): Promise<DeliverySummary> {
  const summary: DeliverySummary = { ...empty(), byPlatform: {}, byKind: {}, published: { posts: 0, reach: 0 } };
  for await (const page of store.list(messageId)) {
    for (const delivery of page) {
      visit?.(delivery);
      add(summary, delivery);
      add((summary.byPlatform[delivery.target.platform] ??= empty()), delivery);
      add((summary.byKind[delivery.target.kind] ??= empty()), delivery);
      if (delivery.state === 'posted' && delivery.postUrl) {
        summary.published.posts++;
        summary.published.reach += delivery.reach ?? delivery.target.followers;
      }
    }
  }
  return summary;
}

/** The message's status once nothing is left to attempt: `sent`, or `partly_failed` when any target failed. */
export function finalStatus(totals: DeliveryTotals): 'sent' | 'partly_failed' | undefined {
  if (totals.pending > 0 || totals.claimed > 0) return undefined;
  return totals.failed > 0 ? 'partly_failed' : 'sent';
}

/** What a finished message keeps for its campaign's public reach (send-due-messages.ts): its published posts and their followers. */
export const deliveredReach = (summary: DeliverySummary): DeliveredReach => ({ ...summary.published });
