import * as twitterTextModule from 'twitter-text';
import type { Platform } from './social.js';

/**
 * Each network's rules for a post: how long it may be (counted the way the network counts), how
 * many images it takes, and whether supporters' posts go out through its API or as a share link.
 * Pure and free of Node-only APIs: the console imports it to count while a manager types.
 */

export type LengthUnit = 'weighted characters' | 'graphemes' | 'characters';

export interface PlatformRule {
  name: string;
  limit: number;
  unit: LengthUnit;
  /** Most images one post takes, where the network documents a fixed number (instances may differ on Mastodon). */
  maxImages?: number;
  /**
   * `api`: a supporter's lent account posts through the network's API. `share-link`: the network
   * forbids (or does not offer) posting on others' behalf, so the supporter is emailed a pre-filled
   * share link at the moment instead.
   */
  supporterPosting: 'api' | 'share-link';
}

export const PLATFORM_RULES: Readonly<Record<Platform, PlatformRule>> = {
  // twitter-text's parseTweet: most scripts weigh 1, CJK and emoji 2, every URL 23 (t.co).
  x: { name: 'X', limit: 280, unit: 'weighted characters', maxImages: 4, supporterPosting: 'share-link' },
  // The app.bsky.feed.post lexicon: at most 300 graphemes (and 3,000 bytes of UTF-8).
  bluesky: { name: 'Bluesky', limit: 300, unit: 'graphemes', maxImages: 4, supporterPosting: 'api' },
  // Mastodon's default; each instance may set its own (`options.mastodonLimit`).
  mastodon: { name: 'Mastodon', limit: 500, unit: 'characters', maxImages: 4, supporterPosting: 'api' },
  linkedin: { name: 'LinkedIn', limit: 3_000, unit: 'characters', supporterPosting: 'share-link' },
  threads: { name: 'Threads', limit: 500, unit: 'characters', supporterPosting: 'share-link' },
  facebook: { name: 'Facebook Page', limit: 63_206, unit: 'characters', supporterPosting: 'share-link' },
};

export const BLUESKY_MAX_BYTES = 3_000;
/** Mastodon and X count every link as this many characters, however long it is. */
export const URL_LENGTH = 23;

export interface LengthOptions {
  /** The Mastodon instance's limit (its `configuration.statuses.max_characters`); 500 by default. */
  mastodonLimit?: number;
}

export interface LengthCheck {
  length: number;
  limit: number;
  unit: LengthUnit;
  ok: boolean;
  /** How far over the limit (≤ 0 when within it). */
  over: number;
  /** Why `ok` is false although `over` ≤ 0 (Bluesky's byte limit). */
  problem?: string;
}

// twitter-text ships CommonJS (`module.exports = exports.default`) and an ESM build with only a
// default export; its types declare named exports. Node hands us the object as `default`, a
// bundler reading the ESM build too; the fallback covers a loader that maps named exports.
const twitterText: typeof twitterTextModule =
  (twitterTextModule as unknown as { default?: typeof twitterTextModule }).default ?? twitterTextModule;

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (text: string): string[] => Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
const utf8Bytes = (text: string): number => new TextEncoder().encode(text).length;

/**
 * Mastodon's count: links with a scheme are 23 characters, a remote mention counts only its
 * `@user` part (not `@domain`), and the rest is counted in grapheme clusters, as its server does.
 */
function mastodonLength(text: string): number {
  const urls = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let countable = '';
  let from = 0;
  for (const { indices: [start, end] } of urls) {
    countable += text.slice(from, start) + 'x'.repeat(URL_LENGTH);
    from = end;
  }
  countable += text.slice(from);
  countable = countable.replace(/(^|[^/\p{L}\p{N}_])@([a-z0-9_]+)@[\p{L}\p{N}.-]*[\p{L}\p{N}]/giu, '$1@$2');
  return graphemes(countable).length;
}

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

/**
 * Threads: "emojis are counted as the number of UTF-8 bytes" (Threads API, posts). Other
 * characters are counted in UTF-16 code units, which is never fewer than Threads counts.
 */
function threadsLength(text: string): number {
  return graphemes(text).reduce((sum, g) => sum + (EMOJI.test(g) ? utf8Bytes(g) : g.length), 0);
}

/** How long `text` is on `platform`, counted the network's way, against its limit. */
export function checkLength(platform: Platform, text: string, options: LengthOptions = {}): LengthCheck {
  const rule = PLATFORM_RULES[platform];
  const limit = platform === 'mastodon' ? (options.mastodonLimit ?? rule.limit) : rule.limit;
  let length: number;
  let problem: string | undefined;
  switch (platform) {
    case 'x':
      length = twitterText.parseTweet(text).weightedLength;
      break;
    case 'bluesky':
      length = graphemes(text).length;
      if (utf8Bytes(text) > BLUESKY_MAX_BYTES) problem = `more than ${BLUESKY_MAX_BYTES.toLocaleString('en')} bytes of UTF-8`;
      break;
    case 'mastodon':
      length = mastodonLength(text);
      break;
    case 'threads':
      length = threadsLength(text);
      break;
    default:
      // LinkedIn and Facebook: UTF-16 code units (what their APIs' length checks see).
      length = text.length;
  }
  const over = length - limit;
  return { length, limit, unit: rule.unit, ok: over <= 0 && !problem, over, ...(problem ? { problem } : {}) };
}

/**
 * The network's own share page, pre-filled, for a supporter to post from their account. Networks
 * whose page takes only text get the link appended to it (unless it is already there); Facebook
 * and LinkedIn take only the link. Mastodon has no universal share page (each instance has its
 * own), so: undefined.
 */
export function shareLink(platform: Platform, text: string, url?: string): string | undefined {
  const withUrl = !url || text.includes(url) ? text : `${text} ${url}`.trim();
  const q = encodeURIComponent;
  switch (platform) {
    case 'x':
      return `https://x.com/intent/post?text=${q(withUrl)}`;
    case 'threads':
      return `https://www.threads.net/intent/post?text=${q(withUrl)}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose?text=${q(withUrl)}`;
    case 'facebook':
      return url ? `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` : undefined;
    case 'linkedin':
      return url ? `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}` : undefined;
    case 'mastodon':
      return undefined;
  }
}
