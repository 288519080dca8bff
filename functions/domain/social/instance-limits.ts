import { chooseFittingWording, chooseWording } from './choose-variant.js';
import { checkLength, PLATFORM_RULES } from './platform-rules.js';
import { SocialError } from './ports.js';
import type { ConnectedAccount, MessageVariant } from './social.js';

/**
 * Mastodon instances set their own post length (`configuration.statuses.max_characters`, 500 by
 * default). Messages are written and approved against the default; an account whose instance
 * takes less is read its limit when lent or connected (`ConnectedAccount.maxCharacters`), and at
 * the moment it posts an approved wording that fits, or nothing, with the reason in the report.
 */

/** The server an account posts through, as people name it (`mastodon.example`): its server's host, else its handle's domain. */
export function instanceOf(account: Pick<ConnectedAccount, 'server' | 'handle'>): string | undefined {
  if (account.server) {
    try {
      return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(account.server) ? account.server : `https://${account.server}`).hostname;
    } catch {
      return account.server;
    }
  }
  return /^@?[^@\s]+@([^@\s/]+)$/.exec(account.handle)?.[1]?.toLowerCase();
}

/** The longest post the account's server takes, when it sets its own (Mastodon); undefined where the network's one limit applies. */
export function serverLimitOf(account: Pick<ConnectedAccount, 'platform' | 'maxCharacters'>): number | undefined {
  return account.platform === 'mastodon' && account.maxCharacters !== undefined && account.maxCharacters > 0 ? account.maxCharacters : undefined;
}

/**
 * The approved wording an account posts: `chooseWording`, or for an account on a server that
 * sets its own limit, the stable choice among the wordings that fit it once composed (`compose`:
 * with hashtags and the tagged link, as posted). None fits: `rejected`, saying why, so the
 * delivery fails with that reason instead of the server refusing the post.
 */
export function wordingFor(variant: Pick<MessageVariant, 'text' | 'alternatives'>, account: Pick<ConnectedAccount, 'id' | 'owner' | 'platform' | 'server' | 'handle' | 'maxCharacters'>, compose: (wording: string) => string): string {
  const limit = serverLimitOf(account);
  if (limit === undefined) return chooseWording(variant, account.id, account.owner);
  const fits = (wording: string) => checkLength(account.platform, compose(wording), { mastodonLimit: limit }).ok;
  const chosen = chooseFittingWording(variant, account.id, account.owner, fits);
  if (chosen === undefined) {
    const unit = PLATFORM_RULES[account.platform].unit;
    throw new SocialError('rejected', `no approved wording fits ${instanceOf(account) ?? 'its server'}'s ${limit.toLocaleString('en')} ${unit}`);
  }
  return chosen;
}
