import type { MediaKind } from '../campaigns/campaign.js';
import { PLATFORM_RULES } from './platform-rules.js';
import type { Platform } from './social.js';

/**
 * What each network takes as a post's media: how many files, which types and how large, which
 * kinds must go alone, how long a text alternative may be. Pure and free of Node-only APIs: the
 * console imports it to show the limits while a manager picks media, and the API applies it.
 *
 * Numbers are the networks' documented ones (see each `source`); where a network documents
 * none, the file may be as large as the media kit takes it (`MEDIA_TYPES`). A PDF goes in no
 * post. Sizes given as "MB" are taken as 1,000,000 bytes (the stricter reading).
 */

/** Most media one variant carries: the networks with a fixed number (Mastodon, Bluesky, X) take 4. */
export const MAX_MEDIA = 4;
/** Longest text alternative the API keeps (Mastodon's limit for a media description). */
export const MAX_ALT_TEXT = 1_500;

export interface MediaRule {
  /** Most media one post takes. */
  max: number;
  /** The content types a post takes, with the largest file of each in bytes (undefined: no documented limit). */
  types: Readonly<Record<string, number | undefined>>;
  /** Kinds that must be the post's only media. */
  alone: readonly MediaKind[];
  /** Longest text alternative the network keeps. */
  maxAlt: number;
  /** Where the numbers come from. */
  source: string;
}

const MB = 1_000_000;
const MIB = 1024 * 1024;
const IMAGES = ['image/png', 'image/jpeg', 'image/webp'] as const;
const each = (types: readonly string[], bytes: number | undefined) => Object.fromEntries(types.map((type) => [type, bytes]));

export const MEDIA_RULES: Readonly<Record<Platform, MediaRule>> = {
  mastodon: {
    max: PLATFORM_RULES.mastodon.maxImages ?? MAX_MEDIA,
    types: { ...each([...IMAGES, 'image/gif'], 16 * MIB), ...each(['video/mp4', 'video/webm'], 99 * MIB) },
    alone: ['video'],
    maxAlt: 1_500,
    source:
      "Mastodon's defaults (app/models/media_attachment.rb: images 16 MB, videos 99 MB, descriptions 1,500 characters; " +
      'PostStatusService: at most 4 attachments, and a video cannot share a post with images). An instance may set others ' +
      '(`configuration.media_attachments` of /api/v2/instance): it then refuses the upload, and the delivery says so.',
  },
  bluesky: {
    max: PLATFORM_RULES.bluesky.maxImages ?? MAX_MEDIA,
    types: each(IMAGES, 1_000_000),
    alone: [],
    maxAlt: MAX_ALT_TEXT,
    source:
      'The app.bsky.embed.images lexicon: at most 4 images, each a blob of image/* of at most 1,000,000 bytes, each with its `alt`. ' +
      'Videos are another embed (app.bsky.embed.video) this platform does not post, and a GIF shows as a still: images only.',
  },
  x: {
    max: PLATFORM_RULES.x.maxImages ?? MAX_MEDIA,
    types: { ...each(IMAGES, 5 * MB), 'image/gif': 15 * MB, 'video/mp4': 512 * MB },
    alone: ['gif', 'video'],
    maxAlt: 1_000,
    source: "X's media upload documentation: up to 4 images (5 MB each), or one GIF (15 MB), or one video (MP4, 512 MB); alt text up to 1,000 characters.",
  },
  threads: {
    max: MAX_MEDIA,
    types: { ...each(['image/png', 'image/jpeg'], 8 * MB), 'video/mp4': 1_000 * MB },
    alone: [],
    maxAlt: MAX_ALT_TEXT,
    source: "The Threads API's media specifications: JPEG and PNG images up to 8 MB, MP4 videos up to 1 GB; a carousel takes up to 20 items, mixed (4 here, as everywhere).",
  },
  linkedin: {
    max: MAX_MEDIA,
    types: { ...each(['image/png', 'image/jpeg', 'image/gif'], undefined), 'video/mp4': 500 * MB },
    alone: ['video'],
    maxAlt: MAX_ALT_TEXT,
    source: "LinkedIn's Images API (JPG, GIF, PNG), Videos API (MP4 up to 500 MB, one per post) and MultiImage posts (2 to 20 images; 4 here, as everywhere).",
  },
  facebook: {
    max: MAX_MEDIA,
    types: { ...each([...IMAGES, 'image/gif'], 4 * MB), 'video/mp4': undefined },
    alone: ['video'],
    maxAlt: MAX_ALT_TEXT,
    source: "The Graph API's Page photos (JPEG, PNG, GIF, WebP, under 4 MB) and Page videos (one per post); a Page post takes several photos (4 here, as everywhere).",
  },
};

/** What a post's media must have a text alternative for: everything that is seen. */
export const needsAltText = (kind: MediaKind): boolean => kind === 'image' || kind === 'gif';

/** `1.4 MB`, `850 kB`: sizes in the words of the rules above. */
export function describeBytes(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('en')} kB`;
  return `${(Math.round(bytes / (MB / 10)) / 10).toLocaleString('en')} MB`;
}

const TYPE_NAMES: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
  'application/pdf': 'PDF',
};

/** `PNG, JPEG, WebP`: the types a network takes, as people name them. */
export const typeNames = (rule: MediaRule): string => Object.keys(rule.types).map((type) => TYPE_NAMES[type] ?? type).join(', ');

/** Why `item` cannot go in a post on `platform`, or undefined when it can (by type and size alone). */
export function mediaItemProblem(platform: Platform, item: { kind: MediaKind; contentType: string; bytes: number }): string | undefined {
  const rule = MEDIA_RULES[platform];
  const name = PLATFORM_RULES[platform].name;
  if (!(item.contentType in rule.types)) return `${name} takes ${typeNames(rule)} in a post, not ${TYPE_NAMES[item.contentType] ?? item.contentType}`;
  const maxBytes = rule.types[item.contentType];
  if (maxBytes !== undefined && item.bytes > maxBytes) {
    return `is ${describeBytes(item.bytes)}; ${name} takes ${TYPE_NAMES[item.contentType] ?? item.contentType} files up to ${describeBytes(maxBytes)}`;
  }
  return undefined;
}
