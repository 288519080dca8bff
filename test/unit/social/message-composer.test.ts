import { describe, expect, it } from 'vitest';
import type { MediaItem } from '../../../functions/domain/campaigns/campaign.js';
import { mediaFromKit, messageComposer } from '../../../functions/domain/social/dispatch/message-composer.js';
import { SocialError } from '../../../functions/domain/social/ports.js';
import type { ConnectedAccount, Delivery, MessageVariant, SocialMessage } from '../../../functions/domain/social/social.js';

const heart: MediaItem = { id: 'heart', kind: 'image', file: 'blue heart-1a2b.png', contentType: 'image/png', bytes: 1_000, title: { en: 'Blue Heart' }, alt: { en: 'A blue heart', es: 'Un corazón azul' } };
const poster: MediaItem = { id: 'poster', kind: 'image', file: 'poster-3c4d.jpg', contentType: 'image/jpeg', bytes: 2_000, title: { en: 'Poster' } };

const variant = (over: Partial<MessageVariant>): MessageVariant => ({
  language: 'en', platform: 'mastodon', text: 'Wear the Blue Heart.', hashtags: [], mediaIds: [], altText: {}, alternatives: [], ...over,
});
const message: SocialMessage = {
  id: 'msg-1',
  campaignYear: 2026,
  title: 'World Day',
  variants: [
    variant({ mediaIds: ['poster', 'heart'], altText: { poster: 'The World Day poster', heart: 'A blue heart' } }),
    variant({ language: 'es', mediaIds: ['heart'], altText: {} }),
    variant({ platform: 'bluesky', mediaIds: ['gone'], altText: { gone: 'x' } }),
  ],
  status: 'sending',
  createdBy: 'manager',
  createdAt: '2026-07-01T00:00:00Z',
  version: 5,
};
const account = (platform: ConnectedAccount['platform'], id = 'acct-1'): ConnectedAccount => ({
  id, owner: 'supporter', platform, handle: '@ana', followers: 10, language: 'en', timeZone: 'UTC', encryptedToken: '', connectedAt: '', status: 'active',
});
const delivery = (targetId: string, language: 'en' | 'es', platform: ConnectedAccount['platform'] = 'mastodon'): Delivery => ({
  messageId: 'msg-1', target: { kind: 'supporter', id: targetId, platform, language, timeZone: 'UTC', followers: 10 }, dueAt: '', state: 'claimed', attempts: 1, clientRef: `msg-1:${targetId}`,
});

function composer() {
  const reads: number[] = [];
  const posts = messageComposer({
    message: async () => message,
    media: mediaFromKit({
      kit: async (year) => {
        reads.push(year);
        return [heart, poster];
      },
      url: (year, item) => `https://blueheart.example.org/media/${year}/${encodeURIComponent(item.file)}`,
    }),
  });
  return { posts, reads };
}

describe('the message composer fills the post media from the campaign media kit', () => {
  it('gives absolute URLs, the saved alt text and the type, in the variant order', async () => {
    const { posts } = composer();
    const post = await posts.postFor(delivery('t1', 'en'), account('mastodon'));
    expect(post.media).toEqual([
      { url: 'https://blueheart.example.org/media/2026/poster-3c4d.jpg', alt: 'The World Day poster', contentType: 'image/jpeg' },
      { url: 'https://blueheart.example.org/media/2026/blue%20heart-1a2b.png', alt: 'A blue heart', contentType: 'image/png' },
    ]);
    expect(post.clientRef).toBe('msg-1:t1');
  });

  it('falls back to the kit’s alt text in the variant’s language (a message saved before it was settled)', async () => {
    const { posts } = composer();
    expect((await posts.postFor(delivery('t2', 'es'), account('mastodon'))).media).toEqual([
      { url: 'https://blueheart.example.org/media/2026/blue%20heart-1a2b.png', alt: 'Un corazón azul', contentType: 'image/png' },
    ]);
  });

  it('is deterministic per delivery and reads the kit once per message', async () => {
    const { posts, reads } = composer();
    const first = await posts.postFor(delivery('t1', 'en'), account('mastodon'));
    const again = await Promise.all([posts.postFor(delivery('t1', 'en'), account('mastodon')), posts.postFor(delivery('t3', 'en'), account('mastodon', 'acct-3'))]);
    expect(again[0]).toEqual(first);
    expect(again[1]!.media).toEqual(first.media);
    expect(reads).toEqual([2026]);
  });

  it('refuses a post whose media the kit no longer has (rejected: not retried)', async () => {
    const { posts } = composer();
    const error = await posts.postFor(delivery('t4', 'en', 'bluesky'), account('bluesky')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SocialError);
    expect(error).toMatchObject({ kind: 'rejected', message: 'the 2026 media kit no longer has gone' });
  });

  it('posts no media without a media source', async () => {
    const posts = messageComposer({ message: async () => message });
    expect((await posts.postFor(delivery('t1', 'en'), account('mastodon'))).media).toEqual([]);
  });
});
