import type { MessageVariant, SocialMessage } from './social.js';

/**
 * The text of a post as it leaves: the wording, then a blank line, then the hashtags the wording
 * does not already carry and the campaign link with its campaign tags (utm_*). Deterministic:
 * the same variant and options always give the same text.
 */

export interface ComposeOptions {
  /** The wording to post instead of `variant.text` (one of its approved alternatives). */
  text?: string;
  /** `utm_campaign`, e.g. `world-day-2026` (see `campaignTagOf`). */
  campaignTag: string;
  /** `utm_source`: where the post is read, e.g. the platform (`mastodon`) or `email`. */
  source: string;
}

/** The `utm_campaign` of a message's links: its campaign's year. */
export const campaignTagOf = (message: Pick<SocialMessage, 'campaignYear'>): string => `world-day-${message.campaignYear}`;

const UTM = ['utm_source', 'utm_medium', 'utm_campaign'] as const;

/**
 * Adds utm_source, utm_medium=social and utm_campaign to a link. Other query parameters and the
 * fragment stay exactly as written; utm values already there are replaced, never repeated (so
 * tagging twice changes nothing, and a link pasted from a newsletter is not credited to it).
 */
export function tagLink(link: string, tags: { source: string; campaign: string; medium?: string }): string {
  const hashAt = link.indexOf('#');
  const [beforeHash, hash] = hashAt < 0 ? [link, ''] : [link.slice(0, hashAt), link.slice(hashAt)];
  const queryAt = beforeHash.indexOf('?');
  const [base, query] = queryAt < 0 ? [beforeHash, ''] : [beforeHash.slice(0, queryAt), beforeHash.slice(queryAt + 1)];
  const keyOf = (pair: string) => {
    try { return decodeURIComponent(pair.split('=')[0]!.replace(/\+/g, ' ')); } catch { return pair; }
  };
  const kept = query.split('&').filter((pair) => pair !== '' && !(UTM as readonly string[]).includes(keyOf(pair)));
  const values = { utm_source: tags.source, utm_medium: tags.medium ?? 'social', utm_campaign: tags.campaign };
  const added = UTM.map((key) => `${key}=${encodeURIComponent(values[key])}`);
  return `${base}?${[...kept, ...added].join('&')}${hash}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` already carries `#tag` as a whole hashtag (case-insensitive, as networks match them). */
function hasHashtag(text: string, tag: string): boolean {
  return new RegExp(`(^|[^\\p{L}\\p{N}\\p{M}_&/])[#＃]${escapeRegExp(tag)}(?![\\p{L}\\p{N}\\p{M}_])`, 'iu').test(text);
}

/** The hashtags to append: '#' and spaces removed, empty ones dropped, each once (case-insensitively), none the text has. */
export function hashtagsToAppend(text: string, hashtags: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of hashtags) {
    const tag = raw.replace(/^[#＃]+/, '').replace(/\s+/g, '');
    const key = tag.toLocaleLowerCase('en');
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    if (!hasHashtag(text, tag)) tags.push(`#${tag}`);
  }
  return tags;
}

/** The final text of one post of `variant`. */
export function composePost(variant: Pick<MessageVariant, 'text' | 'hashtags' | 'link'>, options: ComposeOptions): string {
  let text = (options.text ?? variant.text).trim();
  let link = variant.link?.trim() ? tagLink(variant.link.trim(), { source: options.source, campaign: options.campaignTag }) : undefined;
  // A wording that already spells the link out gets the tagged link in place, not a second one.
  if (link && variant.link && text.includes(variant.link.trim())) {
    text = text.split(variant.link.trim()).join(link);
    link = undefined;
  }
  const tail = [...hashtagsToAppend(text, variant.hashtags), ...(link ? [link] : [])].join(' ');
  return [text, tail].filter(Boolean).join('\n\n');
}
