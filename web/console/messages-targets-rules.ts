/**
 * The health of a campaign's targets in words, without the DOM (unit-tested): before a message's
 * moment, which accounts cannot post (expired tokens: the supporters', counted, and the
 * organisation's, listed for a manager to reconnect), per platform; and for the Mastodon
 * variant's counter, the accounts on instances that take shorter posts than Mastodon's default.
 */
import { wordingsOf } from '../../functions/domain/social/choose-variant.js';
import { campaignTagOf, composePost } from '../../functions/domain/social/compose-post.js';
import { PLATFORM_RULES, checkLength } from '../../functions/domain/social/platform-rules.js';
import { PLATFORMS, type MessageVariant } from '../../functions/domain/social/social.js';
import type { TargetHealth } from '../../functions/domain/social/target-health.js';

export type { TargetHealth };
export type ExpiredOrganisationAccount = TargetHealth['expiredOrganisationAccounts'][number];
export type InstanceLimit = TargetHealth['mastodonLimits'][number];

const figure = (n: number): string => n.toLocaleString('en');
const count = (n: number, one: string, many: string): string => `${figure(n)} ${n === 1 ? one : many}`;

/** Supporters' expired accounts whose owner was asked (the route's `asked` counts the organisation's too). */
export function supportersAsked(health: Pick<TargetHealth, 'expired' | 'expiredOrganisationAccounts'>): number {
  return Math.max(0, health.expired.asked - health.expiredOrganisationAccounts.filter((account) => account.reconnectAskedAt).length);
}

/** `2 supporters' accounts expired (1 asked to reconnect): they post nothing until their owners connect them again.` */
export function describeSupporterExpiry(health: Pick<TargetHealth, 'supporters' | 'expired' | 'expiredOrganisationAccounts'>): string {
  const expired = health.supporters.expired;
  if (expired === 0) return 'No supporter’s account has expired.';
  const asked = supportersAsked(health);
  return `${count(expired, "supporter's account", "supporters' accounts")} expired (${figure(asked)} asked to reconnect): ${expired === 1 ? 'it posts' : 'they post'} nothing until ${expired === 1 ? 'its owner connects it' : 'their owners connect them'} again.`;
}

/** Supporters on share-link networks get an email with a ready-to-post link instead of a post; undefined when there are none. */
export function describeShareOnly(health: Pick<TargetHealth, 'supporters'>): string | undefined {
  const n = health.supporters.shareOnly;
  if (n === 0) return undefined;
  return `${count(n, 'supporter is', 'supporters are')} on a network that does not let us post for them: at the moment ${n === 1 ? 'they get' : 'each gets'} a ready-to-post link by email instead.`;
}

/** `The organisation's accounts: 1 expired, posting nothing until a manager reconnects it.` */
export function describeOrganisationExpiry(health: Pick<TargetHealth, 'organisation'>): string {
  const { active, expired } = health.organisation;
  if (expired === 0) return active === 0 ? 'The organisation has no connected accounts.' : 'None of the organisation’s accounts has expired.';
  return `${count(expired, "of the organisation's accounts has", "of the organisation's accounts have")} expired: ${expired === 1 ? 'it posts' : 'they post'} nothing until a manager reconnects ${expired === 1 ? 'it' : 'them'}.`;
}

/** Each platform with targets, in the platforms' order: how many will post, how many expired. */
export function platformHealthRows(health: Pick<TargetHealth, 'byPlatform'>): Array<{ label: string; active: string; expired: string }> {
  return PLATFORMS.flatMap((platform) => {
    const counts = health.byPlatform[platform];
    return counts ? [{ label: PLATFORM_RULES[platform].name, active: figure(counts.active), expired: figure(counts.expired) }] : [];
  });
}

/** `@blueheart@mastodon.social on Mastodon · refused 2026-07-01 10:00 UTC · managers asked 2026-07-01 10:05 UTC` (`when` formats an ISO instant). */
export function describeExpiredAccount(account: ExpiredOrganisationAccount, when: (iso: string) => string): string {
  return [
    `${account.handle} on ${PLATFORM_RULES[account.platform].name}`,
    ...(account.expiredAt ? [`refused ${when(account.expiredAt)}`] : []),
    ...(account.reconnectAskedAt ? [`managers asked ${when(account.reconnectAskedAt)}`] : []),
  ].join(' · ');
}

/** The instances whose limit is below Mastodon's default, which the editor counts against. */
export const lowerLimits = (limits: readonly InstanceLimit[]): InstanceLimit[] => limits.filter((limit) => limit.maxCharacters < PLATFORM_RULES.mastodon.limit);

/**
 * What the Mastodon variant's counter adds when lent or connected accounts are on instances that
 * take shorter posts: how many, where, and whether each such instance has an approved wording
 * (the text or a rewording, as posted) that fits it — at the moment those accounts post one that
 * fits, or nothing. `short`: some instance has none. Undefined for other platforms, or when no
 * account is on such an instance.
 */
export function instanceLimitNote(
  variant: Pick<MessageVariant, 'platform' | 'text' | 'alternatives' | 'hashtags' | 'link'>,
  campaignYear: number,
  limits: readonly InstanceLimit[],
): { text: string; short: boolean } | undefined {
  if (variant.platform !== 'mastodon') return undefined;
  const lower = lowerLimits(limits);
  if (lower.length === 0) return undefined;
  const posted = wordingsOf(variant)
    .filter((wording) => wording.trim() !== '')
    .map((wording) => composePost(variant, { text: wording, campaignTag: campaignTagOf({ campaignYear }), source: 'mastodon' }));
  const noneFits = lower.filter((limit) => !posted.some((text) => checkLength('mastodon', text, { mastodonLimit: limit.maxCharacters }).ok));
  const accounts = lower.reduce((sum, limit) => sum + limit.accounts, 0);
  const where = lower.map((limit) => `${limit.instance} ${figure(limit.maxCharacters)} (${figure(limit.accounts)})`).join(', ');
  const head = `${count(accounts, 'account is', 'accounts are')} on ${lower.length === 1 ? 'an instance' : 'instances'} with a lower limit: ${where}`;
  if (noneFits.length === 0) return { text: `${head}; each posts an approved wording that fits.`, short: false };
  const whom = noneFits.length === lower.length ? 'them' : `those on ${noneFits.map((limit) => limit.instance).join(', ')}`;
  return { text: `${head}; write a shorter approved rewording for ${whom}.`, short: true };
}
