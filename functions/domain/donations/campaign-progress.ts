import type { Fundraising, Money } from '../campaigns/campaign.js';
import { DAY_MS } from '../shared/clock.js';
import type { LedgerRepository } from './ledger.js';

export interface CampaignProgress {
  campaignYear: number;
  target?: Money;
  raised: Money;
  donors: number;
  matched?: { amount: number; currency: string; cap: number; remaining: number; matcher: string };
  endsAt?: string;
  daysLeft?: number;
}

/**
 * The public progress bar: what the ledger says was raised (net of refunds and disputes, in the
 * settlement currency at Stripe's rates), against the target, and what the matcher adds.
 */
export async function campaignProgress(
  ledger: LedgerRepository,
  fundraising: Fundraising | undefined,
  campaignYear: number,
  now: Date,
): Promise<CampaignProgress> {
  const totals = await ledger.totals(campaignYear);
  const progress: CampaignProgress = { campaignYear, raised: totals.raised, donors: totals.donors };
  if (!fundraising) return progress;
  progress.target = fundraising.target;
  progress.endsAt = fundraising.endsAt;
  progress.daysLeft = Math.max(0, Math.ceil((new Date(fundraising.endsAt).getTime() - now.getTime()) / DAY_MS));
  const matcher = fundraising.matcher;
  if (matcher && matcher.cap.currency === totals.raised.currency) {
    const amount = Math.min(matcher.cap.amount, Math.max(0, totals.matchable));
    progress.matched = { amount, currency: matcher.cap.currency, cap: matcher.cap.amount, remaining: matcher.cap.amount - amount, matcher: matcher.name };
  }
  return progress;
}
