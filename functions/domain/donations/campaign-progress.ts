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
  // The target's currency is the reporting currency; without a target, the one most was raised in.
  const reporting =
    fundraising?.target.currency ?? Object.entries(totals.raised).sort(([, a], [, b]) => b - a)[0]?.[0] ?? 'usd';
  const progress: CampaignProgress = { campaignYear, raised: { amount: totals.raised[reporting] ?? 0, currency: reporting }, donors: totals.donors };
  if (!fundraising) return progress;
  progress.target = fundraising.target;
  progress.endsAt = fundraising.endsAt;
  progress.daysLeft = Math.max(0, Math.ceil((new Date(fundraising.endsAt).getTime() - now.getTime()) / DAY_MS));
  const matcher = fundraising.matcher;
  if (matcher) {
    const amount = Math.min(matcher.cap.amount, Math.max(0, totals.matchable[matcher.cap.currency] ?? 0));
    progress.matched = { amount, currency: matcher.cap.currency, cap: matcher.cap.amount, remaining: matcher.cap.amount - amount, matcher: matcher.name };
  }
  return progress;
}
