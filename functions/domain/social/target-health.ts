import { instanceOf, serverLimitOf } from './instance-limits.js';
import type { AccountStore, LentAccount } from './ports.js';
import type { Platform } from './social.js';

interface Count {
  accounts: number;
  followers: number;
}

/** The accounts a campaign's messages would go out from now, and those that cannot post (expired tokens). */
export interface TargetHealth {
  campaignYear: number;
  /** Will post: active accounts and their followers (as last counted). */
  active: Count;
  /** Will not post until reconnected; `asked`: their owner was asked to reconnect (for this expiry). */
  expired: Count & { asked: number };
  organisation: { active: number; expired: number };
  /** `shareOnly`: active supporters on share-link networks, who get an email instead of a post. */
  supporters: { active: number; expired: number; shareOnly: number };
  byPlatform: Partial<Record<Platform, { active: number; expired: number }>>;
  /** The organisation's expired accounts, for a manager to connect again (supporters are counted, not listed). */
  expiredOrganisationAccounts: Array<{ id: string; platform: Platform; handle: string; expiredAt?: string; reconnectAskedAt?: string }>;
  /**
   * Active Mastodon accounts by instance and the post length it takes (where it said, when the
   * account was lent or connected), shortest first: counts only, no handles. The editor counts
   * against Mastodon's default; accounts on instances below it post a wording that fits, if any.
   */
  mastodonLimits: Array<{ instance: string; maxCharacters: number; accounts: number }>;
}

/**
 * A campaign's targets by health, in one pass over them (the organisation's accounts and the
 * campaign's supporters, as the fan-out reads them): what the console's Messages area shows
 * before the moment, so expired accounts are seen (and reconnected) in time. Revoked accounts
 * are no longer targets.
 */
export async function targetHealth(accounts: Pick<AccountStore, 'targetsOf'>, campaignYear: number): Promise<TargetHealth> {
  const health: TargetHealth = {
    campaignYear,
    active: { accounts: 0, followers: 0 },
    expired: { accounts: 0, followers: 0, asked: 0 },
    organisation: { active: 0, expired: 0 },
    supporters: { active: 0, expired: 0, shareOnly: 0 },
    byPlatform: {},
    expiredOrganisationAccounts: [],
    mastodonLimits: [],
  };
  const limits = new Map<string, TargetHealth['mastodonLimits'][number]>();
  for await (const page of accounts.targetsOf(campaignYear)) {
    for (const account of page as LentAccount[]) {
      if (account.status !== 'active' && account.status !== 'expired') continue;
      const state = account.status;
      const bucket = state === 'active' ? health.active : health.expired;
      bucket.accounts++;
      bucket.followers += Math.max(0, account.followers);
      if (account.owner === 'organisation') health.organisation[state]++;
      else health.supporters[state]++;
      const platform = (health.byPlatform[account.platform] ??= { active: 0, expired: 0 });
      platform[state]++;
      if (state === 'active' && account.owner === 'supporter' && account.shareOnly) health.supporters.shareOnly++;
      const limit = serverLimitOf(account);
      if (state === 'active' && limit !== undefined) {
        const instance = instanceOf(account) ?? 'an unnamed instance';
        const entry = limits.get(`${instance} ${limit}`) ?? { instance, maxCharacters: limit, accounts: 0 };
        entry.accounts++;
        limits.set(`${instance} ${limit}`, entry);
      }
      if (state === 'expired') {
        const asked = account.reconnectAsked && account.reconnectAsked.expiredAt === account.expiredAt ? account.reconnectAsked.at : undefined;
        if (asked) health.expired.asked++;
        if (account.owner === 'organisation') {
          health.expiredOrganisationAccounts.push({
            id: account.id,
            platform: account.platform,
            handle: account.handle,
            ...(account.expiredAt ? { expiredAt: account.expiredAt } : {}),
            ...(asked ? { reconnectAskedAt: asked } : {}),
          });
        }
      }
    }
  }
  health.mastodonLimits = [...limits.values()].sort((a, b) => a.maxCharacters - b.maxCharacters || a.instance.localeCompare(b.instance));
  return health;
}
