import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokenBox } from '../../../functions/adapters/crypto/token-box.js';
import { facebookPageCredential, FacebookNetwork, GRAPH_API_VERSION } from '../../../functions/adapters/social/facebook-network.js';
import { linkedInCredential, LinkedInNetwork, LINKEDIN_API_VERSION } from '../../../functions/adapters/social/linkedin-network.js';
import { XNetwork } from '../../../functions/adapters/social/x-network.js';
import { attemptDelivery } from '../../../functions/domain/social/dispatch/attempt-delivery.js';
import { newDelivery } from '../../../functions/domain/social/dispatch/fan-out.js';
import type { MediaItem } from '../../../functions/domain/campaigns/campaign.js';
import { MemoryDeliveryStore } from '../../../functions/domain/social/dispatch/memory-delivery-store.js';
import { mediaFromKit, messageComposer } from '../../../functions/domain/social/dispatch/message-composer.js';
import type { DispatchDeps } from '../../../functions/domain/social/dispatch/ports.js';
import type { SocialNetwork } from '../../../functions/domain/social/ports.js';
import type { ConnectedAccount, Platform } from '../../../functions/domain/social/social.js';
import { message } from './dispatch-harness.js';
import { startFacebookStandin } from './facebook-standin.js';
import { startLinkedInStandin } from './linkedin-standin.js';
import { pngOf, startMediaSite } from './media-site.js';
import { startXStandin } from './x-standin.js';

/**
 * The organisation's own X, Facebook and LinkedIn accounts through the dispatcher and the real
 * adapters, against the platforms' stand-ins, with an image from the media kit: the first
 * attempt uploads the image, then times out after the platform stored the post; the next one
 * looks, finds it, and records it — one post on the platform, carrying the image with its alt
 * text, and the delivery carries its id and address. None of these networks takes an
 * idempotency key, so only the look stands between a timeout and a second post.
 */
describe("the organisation's X, Facebook and LinkedIn accounts", () => {
  const tokenBox = LocalTokenBox.fromAppSecret('organisation-accounts-test-secret-0123456789');
  let stops: Array<() => Promise<void>> = [];
  const worlds: Record<
    'x' | 'facebook' | 'linkedin',
    { network: SocialNetwork; token: string; handle: string; posts: () => number; publishRoute: () => number; uploads: () => number; lastPostAlt: () => unknown[]; failNext: (storeThenStallMs: number) => void }
  > = {} as never;
  const kit: MediaItem[] = [{ id: 'heart-1', kind: 'image', file: 'blue-heart-1a2b.png', contentType: 'image/png', bytes: 2_000, title: { en: 'Blue Heart' }, alt: { en: 'A blue heart held in two hands' } }];
  let media: ReturnType<typeof mediaFromKit>;

  beforeAll(async () => {
    const site = await startMediaSite();
    const png = pngOf(1200, 675, 2_000);
    site.put('blue-heart-1a2b.png', { bytes: png, contentType: 'image/png' });
    media = mediaFromKit({ kit: async () => kit, url: (year, item) => `${site.url}/media/${year}/${item.file}` });
    const x = await startXStandin();
    const xAccount = x.addAccount({ username: 'blueheart_org', followers: 48_210, bearer: 'x-user-token' });
    worlds.x = {
      network: new XNetwork({ apiBaseUrl: x.url, timeoutMs: 300 }),
      token: 'x-user-token',
      handle: '@blueheart_org',
      posts: () => x.postsOf(xAccount).length,
      publishRoute: () => x.seen('POST /2/tweets').length,
      uploads: () => x.seen('POST /2/media/upload').length,
      lastPostAlt: () => x.postsOf(xAccount).at(-1)!.mediaIds.map((id) => x.media.get(id)!.alt),
      failNext: (ms) => x.failNext('POST /2/tweets', { storeThenStallMs: ms }),
    };
    const facebook = await startFacebookStandin();
    const page = facebook.addPage({ id: '104729381234567', name: 'BlueHeartCampaign', followers: 152_300, token: 'page-token' });
    worlds.facebook = {
      network: new FacebookNetwork({ apiBaseUrl: facebook.url, timeoutMs: 300 }),
      token: facebookPageCredential({ pageId: page.id, pageAccessToken: 'page-token' }),
      handle: 'Blue Heart Campaign',
      posts: () => facebook.postsOf(page).length,
      publishRoute: () => facebook.seen(`POST /${GRAPH_API_VERSION}/:page/feed`).length,
      uploads: () => facebook.seen(`POST /${GRAPH_API_VERSION}/:page/photos`).length,
      lastPostAlt: () => facebook.postsOf(page).at(-1)!.photos.map((id) => facebook.photos.get(id)!.alt),
      failNext: (ms) => facebook.failNext(`POST /${GRAPH_API_VERSION}/:page/feed`, { storeThenStallMs: ms }),
    };
    const linkedin = await startLinkedInStandin({ version: LINKEDIN_API_VERSION });
    const org = 'urn:li:organization:2414183';
    linkedin.addMember({ token: 'member-token', administers: [org] });
    worlds.linkedin = {
      network: new LinkedInNetwork({ apiBaseUrl: linkedin.url, timeoutMs: 300 }),
      token: linkedInCredential({ author: org, accessToken: 'member-token' }),
      handle: 'Blue Heart Campaign',
      posts: () => linkedin.postsOf(org).length,
      publishRoute: () => linkedin.seen('POST /rest/posts').length,
      uploads: () => linkedin.seen('PUT /dms-uploads/:upload').length,
      lastPostAlt: () => [(linkedin.postsOf(org).at(-1)!.body.content as { media: { altText?: string } }).media.altText],
      failNext: (ms) => linkedin.failNext('POST /rest/posts', { storeThenStallMs: ms }),
    };
    stops = [x.stop, facebook.stop, linkedin.stop, site.stop];
  });
  afterAll(async () => {
    await Promise.all(stops.map((stop) => stop()));
  });

  for (const platform of ['x', 'facebook', 'linkedin'] as const) {
    it(`${platform}: the image uploaded, a timeout after the post was stored, then a look that finds it: posted once, with the image`, async () => {
      const world = worlds[platform];
      const msg = message(`msg-org-${platform}`, {
        variants: (['x', 'facebook', 'linkedin'] as Platform[]).map((variantPlatform) => ({
          language: 'en',
          platform: variantPlatform,
          text: 'Human trafficking hides in plain sight (look closer).',
          hashtags: ['EndHumanTrafficking'],
          link: 'https://www.unodc.org/blueheart/',
          mediaIds: ['heart-1'],
          altText: { 'heart-1': 'Two hands hold a blue heart' },
          alternatives: [],
        })),
      });
      const account: ConnectedAccount = {
        id: `org-${platform}`,
        owner: 'organisation',
        platform,
        handle: world.handle,
        followers: 1_000,
        language: 'en',
        timeZone: 'UTC',
        encryptedToken: await tokenBox.seal(world.token),
        connectedAt: '2026-07-01T00:00:00.000Z',
        status: 'active',
      };
      let now = new Date('2026-07-30T07:00:00.000Z');
      let token = 0;
      const deliveries = new MemoryDeliveryStore();
      const deps: DispatchDeps = {
        deliveries,
        accounts: { get: async (id) => (id === account.id ? account : undefined), tokenExpired: async () => {} },
        tokens: tokenBox,
        networks: (wanted) => (wanted === platform ? world.network : undefined),
        posts: messageComposer({ message: async (id) => (id === msg.id ? msg : undefined), media }),
        clock: { now: () => now },
        newToken: () => `claim-${++token}`,
        policy: { callTimeoutMs: 5_000, leaseMs: 60_000, backoff: { baseMs: 1_000, maxMs: 1_000 } },
      };
      await deliveries.createAll([newDelivery(msg, { kind: 'organisation', id: account.id, platform, language: 'en', timeZone: 'UTC', followers: 1_000 }, now.toISOString())]);

      world.failNext(1_000);
      const first = await attemptDelivery(deps, msg.id, account.id);
      expect(first).toMatchObject({ kind: 'retry' });
      expect(await deliveries.get(msg.id, account.id)).toMatchObject({ state: 'pending', uncertain: true });
      expect(world.posts()).toBe(1);

      now = new Date(now.getTime() + 5_000);
      const second = await attemptDelivery(deps, msg.id, account.id);
      expect(second).toMatchObject({ kind: 'posted', delivery: { state: 'posted', postId: expect.any(String), postUrl: expect.stringMatching(/^https:\/\//) } });
      expect(world.posts()).toBe(1);
      expect(world.publishRoute()).toBe(1);
      // The look found the post: the second attempt uploaded nothing more.
      expect(world.uploads()).toBe(1);
      expect(world.lastPostAlt()).toEqual(['Two hands hold a blue heart']);
    });
  }
});
