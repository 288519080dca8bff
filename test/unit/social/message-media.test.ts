import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../functions/domain/campaigns/campaign.js';
import { mediaKitOf, postMedia, settleAltText, variantMediaIssues } from '../../../functions/domain/social/message-media.js';
import { MEDIA_RULES, mediaItemProblem } from '../../../functions/domain/social/media-rules.js';
import type { MessageVariant } from '../../../functions/domain/social/social.js';
import { MessageVariantSchema } from '../../../functions/http/routes/admin-messages.schemas.js';

const item = (id: string, over: Partial<MediaItem> = {}): MediaItem => ({
  id,
  kind: 'image',
  file: `${id}.png`,
  contentType: 'image/png',
  bytes: 200_000,
  title: { en: `Item ${id}` },
  alt: { en: `A blue heart (${id})`, es: `Un corazón azul (${id})` },
  ...over,
});
const heart = item('heart');
const poster = item('poster', { kind: 'pdf', contentType: 'application/pdf', file: 'poster.pdf', alt: undefined });
const big = item('big', { bytes: 1_400_000 });
const clip = item('clip', { kind: 'video', contentType: 'video/mp4', file: 'clip.mp4', bytes: 30_000_000, alt: undefined });
const noAlt = item('bare', { alt: undefined });
const kit = [heart, poster, big, clip, noAlt];

const variant = (over: Partial<MessageVariant>): MessageVariant => ({
  language: 'en',
  platform: 'bluesky',
  text: 'Wear the Blue Heart.',
  hashtags: [],
  mediaIds: [],
  altText: {},
  alternatives: [],
  ...over,
});
const fields = (v: MessageVariant, index = 2) => variantMediaIssues(v, index, kit, 2026);

describe('media of a message variant', () => {
  it('takes kit images with their alt text, in the variant language or written', () => {
    expect(fields(variant({ mediaIds: ['heart'] }))).toEqual([]);
    expect(fields(variant({ language: 'es', mediaIds: ['heart'] }))).toEqual([]);
    expect(fields(variant({ language: 'fr', mediaIds: ['heart'], altText: { heart: 'Un cœur bleu' } }))).toEqual([]);
  });

  it('names the field of every problem: not in the kit, a PDF, over Bluesky’s 1,000,000-byte blob limit, too many', () => {
    expect(fields(variant({ mediaIds: ['nope', 'poster', 'big'] }))).toEqual([
      { field: 'variants.2.mediaIds', message: 'has nope, which is not in the media kit of the 2026 campaign' },
      { field: 'variants.2.mediaIds', message: 'has “Item poster”, which cannot go: Bluesky takes PNG, JPEG, WebP in a post, not PDF' },
      { field: 'variants.2.mediaIds', message: 'has “Item big”, which is 1.4 MB; Bluesky takes PNG files up to 1 MB' },
    ]);
    const five = variant({ platform: 'mastodon', mediaIds: ['heart', 'big', 'bare', 'heart', 'x'] });
    expect(fields(five).slice(0, 2)).toEqual([
      { field: 'variants.2.mediaIds', message: 'has 5 media; Mastodon takes at most 4 in a post' },
      { field: 'variants.2.mediaIds', message: 'has the same media kit item twice' },
    ]);
  });

  it('takes the big image on Mastodon (16 MB), and a video there only alone', () => {
    expect(fields(variant({ platform: 'mastodon', mediaIds: ['big'] }))).toEqual([]);
    expect(fields(variant({ platform: 'mastodon', mediaIds: ['clip'] }))).toEqual([]);
    expect(fields(variant({ platform: 'mastodon', mediaIds: ['clip', 'heart'] }))).toEqual([
      { field: 'variants.2.mediaIds', message: 'has “Item clip” with other media: on Mastodon a video must be the post\'s only media' },
    ]);
    expect(fields(variant({ platform: 'bluesky', mediaIds: ['clip'] }))[0]!.message).toMatch(/Bluesky takes PNG, JPEG, WebP in a post, not MP4/);
  });

  it('requires alt text for images: written, or the kit’s in the variant’s own language (an English one does not do for French)', () => {
    expect(fields(variant({ language: 'fr', mediaIds: ['heart'] }))).toEqual([
      { field: 'variants.2.altText.heart', message: 'is required for “Item heart”: describe it for people who cannot see it (the media kit has no text alternative in French)' },
    ]);
    expect(fields(variant({ mediaIds: ['bare'], altText: { bare: '   ' } })).map((f) => f.field)).toEqual(['variants.2.altText.bare']);
    // A video needs none.
    expect(fields(variant({ platform: 'mastodon', mediaIds: ['clip'] }))).toEqual([]);
  });

  it('keeps X alt text within its 1,000 characters', () => {
    expect(fields(variant({ platform: 'x', mediaIds: ['heart'], altText: { heart: 'a'.repeat(1_001) } }))).toEqual([
      { field: 'variants.2.altText.heart', message: 'is 1,001 characters; X keeps at most 1,000' },
    ]);
  });

  it('settles the alt text when saved: the kit’s in the variant language where none was written, nothing for ids no longer picked', () => {
    const settled = settleAltText(variant({ language: 'es', mediaIds: ['heart', 'big'], altText: { big: '  Grande  ', gone: 'old' } }), kit);
    expect(settled.altText).toEqual({ heart: 'Un corazón azul (heart)', big: 'Grande' });
  });

  it('builds the post media in the variant order, the same every time, and says which ids the kit lacks', () => {
    const v = variant({ platform: 'mastodon', mediaIds: ['big', 'heart', 'gone'], altText: { big: 'Big heart' } });
    const url = (i: MediaItem) => `https://blueheart.example.org/media/2026/${i.file}`;
    const built = postMedia(v, kit, url);
    expect(built).toEqual({
      media: [
        { url: 'https://blueheart.example.org/media/2026/big.png', alt: 'Big heart', contentType: 'image/png' },
        { url: 'https://blueheart.example.org/media/2026/heart.png', alt: 'A blue heart (heart)', contentType: 'image/png' },
      ],
      missing: ['gone'],
    });
    expect(postMedia(v, kit, url)).toEqual(built);
  });

  it('uses the draft kit, then what only the live campaign still has', () => {
    const campaign = (mediaKit: MediaItem[]) => ({ mediaKit }) as never;
    expect(mediaKitOf({ draft: campaign([heart]), live: campaign([item('heart', { title: { en: 'old' } }), big]) }).map((i) => i.id)).toEqual(['heart', 'big']);
    expect(mediaKitOf(undefined)).toEqual([]);
  });

  it('has a documented rule per platform; sizes are checked per type', () => {
    for (const rule of Object.values(MEDIA_RULES)) expect(rule.source.length).toBeGreaterThan(40);
    expect(mediaItemProblem('bluesky', { kind: 'image', contentType: 'image/png', bytes: 1_000_000 })).toBeUndefined();
    expect(mediaItemProblem('bluesky', { kind: 'image', contentType: 'image/png', bytes: 1_000_001 })).toMatch(/up to 1 MB/);
    expect(mediaItemProblem('x', { kind: 'gif', contentType: 'image/gif', bytes: 14_000_000 })).toBeUndefined();
    expect(mediaItemProblem('threads', { kind: 'image', contentType: 'image/webp', bytes: 1_000 })).toMatch(/not WebP/);
  });
});

describe('the API schema of a variant', () => {
  it('refuses what needs no kit to know, at the field: count for the platform, repeats, alt text too long', () => {
    const result = MessageVariantSchema.safeParse({ ...variant({ platform: 'x', mediaIds: ['a', 'a'], altText: { a: 'x'.repeat(1_200) } }) });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['mediaIds', 'has the same media kit item twice'],
      ['altText.a', 'is 1,200 characters; X keeps at most 1,000'],
    ]);
  });
});
