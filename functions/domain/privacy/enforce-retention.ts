import { addDuration, RETENTION } from '../shared/retention.js';
import type { PrivacyDeps } from './ports.js';

/** A message of the campaign that will still post: the campaign's lent accounts are still needed. */
const STILL_POSTING = new Set(['scheduled', 'sending']);

/** Campaign years the daily job looks at: lendings are for this year's campaign or a recent one. */
const YEARS_BACK = 3;

/** The earliest moment a campaign's lent accounts are revoked: RETENTION.lentAccount after its World Day (30 July). */
export const lendingEndsOn = (campaignYear: number): Date => addDuration(new Date(Date.UTC(campaignYear, 6, 30)), RETENTION.lentAccount.duration);

/**
 * When a campaign is over for its lent accounts: RETENTION.lentAccount after its World Day
 * (30 July), and none of its messages still scheduled or sending.
 */
export async function lentAccountsExpired(deps: Pick<PrivacyDeps, 'messages'>, campaignYear: number, now: Date): Promise<boolean> {
  if (now < lendingEndsOn(campaignYear)) return false;
  const messages = await deps.messages.listByCampaign(campaignYear);
  return !messages.some((message) => STILL_POSTING.has(message.status));
}

export interface RetentionReport {
  /** Campaigns whose lent accounts were looked at (over). */
  campaignsOver: number[];
  /** Lent accounts revoked now: sealed credential and email deleted, then the rest by TTL. */
  revoked: number;
}

/**
 * The daily retention job (functions/config/schedules.ts: `enforce-retention`). Most personal
 * data carries its own `expiresAt` from the moment it is written (RETENTION, `ttl`); what TTL
 * cannot do is end a lending, which must also take the account off its campaign's targets and
 * reach in one transaction. So once a campaign is over, every account still lent to it is
 * revoked, exactly as its owner's revoke link would (then deleted by TTL after
 * RETENTION.revokedAccount). Safe to run twice: a revoked account has no target item left.
 */
export async function enforceRetention(deps: Pick<PrivacyDeps, 'accounts' | 'messages' | 'clock'>): Promise<RetentionReport> {
  const now = deps.clock.now();
  const report: RetentionReport = { campaignsOver: [], revoked: 0 };
  const thisYear = now.getUTCFullYear();
  for (let year = thisYear - YEARS_BACK; year <= thisYear; year++) {
    if (!(await lentAccountsExpired(deps, year, now))) continue;
    report.campaignsOver.push(year);
    const lent: string[] = [];
    for await (const page of deps.accounts.targetsOf(year)) {
      for (const account of page) if (account.owner === 'supporter' && account.campaignYear === year) lent.push(account.id);
    }
    for (const id of lent) if (await deps.accounts.revoke(id, now)) report.revoked++;
  }
  return report;
}
