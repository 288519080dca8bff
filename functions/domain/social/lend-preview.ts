import type { Language } from '../shared/languages.js';
import { chooseWording } from './choose-variant.js';
import { campaignTagOf, composePost, tagLink } from './compose-post.js';
import { PLATFORM_RULES, checkLength, shareLink, type LengthCheck } from './platform-rules.js';
import { dueAt, firstAndLastDue } from './schedule.js';
import type { ConnectedAccount, MessageSchedule, MessageVariant, Platform, SocialMessage } from './social.js';

/**
 * What a supporter will send, shown before they agree: the exact text of the post their account
 * makes (the variant for their platform in their language, else English, as the dispatcher's
 * composer picks it; the approved wording chosen for their account; hashtags and the tagged
 * link), or for networks that take a share link, the text the link opens with.
 */

/** Messages a supporter can lend their voice to: approved or scheduled, not yet sending. */
const LENDABLE = new Set<SocialMessage['status']>(['approved', 'scheduled']);

/**
 * The campaign's message supporters lend their voice to: the scheduled one due soonest (and not
 * already under way), else the most recently created approved one.
 */
export function lendableMessage(messages: readonly SocialMessage[], now: Date): SocialMessage | undefined {
  const candidates = messages.filter((message) => LENDABLE.has(message.status));
  const scheduled = candidates
    .filter((message) => message.status === 'scheduled' && message.schedule)
    .map((message) => ({ message, first: safeFirstDue(message.schedule!) }))
    .filter(({ first }) => first !== undefined && first > now.getTime())
    .sort((a, b) => a.first! - b.first!);
  if (scheduled[0]) return scheduled[0].message;
  return candidates.filter((message) => message.status === 'approved').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

function safeFirstDue(schedule: MessageSchedule): number | undefined {
  try {
    return Date.parse(firstAndLastDue(schedule).first);
  } catch {
    return undefined;
  }
}

/** The variant an account on `platform` posts in `language`: that language's, else English (the composer's rule). */
export function variantFor(message: Pick<SocialMessage, 'variants'>, language: Language, platform: Platform): MessageVariant | undefined {
  return (
    message.variants.find((v) => v.platform === platform && v.language === language) ??
    message.variants.find((v) => v.platform === platform && v.language === 'en')
  );
}

export interface LendPreview {
  messageId: string;
  messageVersion: number;
  campaignYear: number;
  platform: Platform;
  /** The language asked for, and the language of the text shown (English when not translated yet). */
  requestedLanguage: Language;
  language: Language;
  /** The exact text that will be posted (or that the share link opens with). */
  text: string;
  length: LengthCheck;
  /** `api`: posted from the lent account. `share-link`: the supporter is emailed a link and posts it themselves. */
  posting: 'api' | 'share-link';
  /** For share-link networks: the link as it will be emailed at the moment. */
  shareUrl?: string;
  schedule?: MessageSchedule;
  /** When it goes out for the supporter's time zone (when one was given and the message is scheduled). */
  dueAt?: string;
}

/**
 * The post `accountId` would send of `message` on `platform` in `language`; undefined when the
 * message has no variant for the platform. Without an account id (nothing typed yet), the main
 * wording. Share-link supporters post the main wording themselves (a person sharing is not a
 * repeated automated post): `postTextFor` gives them the same.
 */
export function previewFor(
  message: SocialMessage,
  language: Language,
  platform: Platform,
  accountId?: string,
  options: { timeZone?: string } = {},
): LendPreview | undefined {
  const variant = variantFor(message, language, platform);
  if (!variant) return undefined;
  const posting = PLATFORM_RULES[platform].supporterPosting;
  const wording = posting === 'api' && accountId ? chooseWording(variant, accountId, 'supporter') : variant.text;
  const text = composePost(variant, { text: wording, campaignTag: campaignTagOf(message), source: platform });
  const preview: LendPreview = {
    messageId: message.id,
    messageVersion: message.version,
    campaignYear: message.campaignYear,
    platform,
    requestedLanguage: language,
    language: variant.language,
    text,
    length: checkLength(platform, text),
    posting,
  };
  if (posting === 'share-link') {
    const link = variant.link?.trim() ? tagLink(variant.link.trim(), { source: platform, campaign: campaignTagOf(message) }) : undefined;
    const url = shareLink(platform, text, link);
    if (url) preview.shareUrl = url;
  }
  if (message.schedule) {
    preview.schedule = message.schedule;
    if (options.timeZone) {
      try {
        preview.dueAt = dueAt(message.schedule, options.timeZone);
      } catch {
        // An unknown zone: the schedule alone is shown.
      }
    }
  }
  return preview;
}

/**
 * What a lent account sends of `message`: the same as its preview. For the dispatcher's share-link
 * email (`shareUrl`) and anyone who must show a supporter what went out in their name.
 */
export function postTextFor(message: SocialMessage, account: Pick<ConnectedAccount, 'id' | 'platform' | 'language' | 'timeZone'>): LendPreview | undefined {
  return previewFor(message, account.language, account.platform, account.id, { timeZone: account.timeZone });
}
