import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlueskyNetwork } from '../../../functions/adapters/social/bluesky-network.js';
import { blueskyRkey, TID_PATTERN } from '../../../functions/adapters/social/bluesky-rkey.js';
import { SocialError, type AccountCredentials, type OutgoingPost } from '../../../functions/domain/social/ports.js';
import { PNG, startBlueskyStandin, type BlueskyStandin } from './bluesky-standin.js';
import { pngOf, startMediaSite, type MediaSite } from './media-site.js';

const utf8Offset = (text: string, part: string) => Buffer.byteLength(text.slice(0, text.indexOf(part)));

/**
 * BlueskyNetwork against a PDS stand-in that answers in the atproto lexicons' shapes (and the
 * client validates every answer against them): the session (one login, refreshes, a new login
 * once a session is dead), what createRecord carries (the fixed TID-shaped rkey, rich-text facets
 * with UTF-8 byte offsets, images with alt text), exactly once across retries, and the errors.
 * A real PDS (`@atproto/dev-env`) cannot run here: it needs Node ≥ 22.
 */
describe('BlueskyNetwork', () => {
  let pds: BlueskyStandin;
  let site: MediaSite;
  let network: BlueskyNetwork;
  let ana: AccountCredentials;
  let anaAccount: ReturnType<BlueskyStandin['addAccount']>;
  let counter = 0;
  const post = (text: string, media: OutgoingPost['media'] = []): OutgoingPost => ({ text, media, clientRef: `msg-7:bsky-${++counter}` });

  beforeAll(async () => {
    pds = await startBlueskyStandin();
    site = await startMediaSite();
    anaAccount = pds.addAccount('ana.bsky.example', 'abcd-efgh-ijkl-mnop', 2_345);
    pds.addAccount('bob.bsky.social', 'bob-app-password', 10);
  });
  afterAll(async () => Promise.all([pds?.stop(), site?.stop()]));
  beforeEach(() => {
    network = new BlueskyNetwork({ timeoutMs: 400 });
    ana = { handle: '@ana.bsky.example', server: pds.url, token: 'abcd-efgh-ijkl-mnop' };
    pds.changeAppPassword(anaAccount, 'abcd-efgh-ijkl-mnop');
    pds.answerExistingKeysAs('reference-pds');
    pds.requests.length = 0;
  });

  it('logs in with the handle and app password, then creates the post at the rkey derived from clientRef', async () => {
    const outgoing = post('Wear blue on 30 July 💙');
    const published = await network.publish(ana, outgoing);
    const rkey = blueskyRkey(outgoing.clientRef);

    const [login] = pds.seen('com.atproto.server.createSession');
    expect(login!.json).toEqual({ identifier: 'ana.bsky.example', password: 'abcd-efgh-ijkl-mnop' });
    const [create] = pds.seen('com.atproto.repo.createRecord');
    expect(create!.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    expect(create!.headers['content-type']).toBe('application/json');
    expect(create!.json).toEqual({
      repo: anaAccount.did,
      collection: 'app.bsky.feed.post',
      rkey,
      record: { $type: 'app.bsky.feed.post', text: outgoing.text, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) },
    });
    expect(published).toEqual({ postId: `at://${anaAccount.did}/app.bsky.feed.post/${rkey}`, postUrl: `https://bsky.app/profile/ana.bsky.example/post/${rkey}` });
  });

  it('marks links and hashtags with facets whose offsets count UTF-8 bytes (Arabic and emoji before the link)', async () => {
    const link = 'https://blueheart.org/ar/campaigns/2026?utm_source=bluesky&utm_campaign=world-day';
    const text = `معًا ضد الاتجار بالبشر 💙👩🏽‍🤝‍👩🏻 ${link} #EndHumanTrafficking #القلب_الأزرق`;
    await network.publish(ana, post(text));
    const record = pds.seen('com.atproto.repo.createRecord')[0]!.json!.record as { text: string; facets: unknown[] };
    expect(record.text).toBe(text);
    const linkStart = utf8Offset(text, link);
    expect(linkStart).toBeGreaterThan(text.indexOf(link)); // bytes, not UTF-16 units
    const tagStart = utf8Offset(text, '#EndHumanTrafficking');
    const arabicTagStart = utf8Offset(text, '#القلب_الأزرق');
    expect(record.facets).toEqual([
      { index: { byteStart: linkStart, byteEnd: linkStart + Buffer.byteLength(link) }, features: [{ $type: 'app.bsky.richtext.facet#link', uri: link }] },
      { index: { byteStart: tagStart, byteEnd: tagStart + Buffer.byteLength('#EndHumanTrafficking') }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'EndHumanTrafficking' }] },
      { index: { byteStart: arabicTagStart, byteEnd: Buffer.byteLength(text) }, features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'القلب_الأزرق' }] },
    ]);
    expect(Buffer.from(text).subarray(linkStart, linkStart + Buffer.byteLength(link)).toString()).toBe(link);
  });

  it('resolves a mention to its DID and leaves out one that does not resolve', async () => {
    const text = 'Thank you @bob.bsky.social and @nobody.bsky.social';
    await network.publish(ana, post(text));
    const record = pds.seen('com.atproto.repo.createRecord')[0]!.json!.record as { facets: unknown[] };
    const start = utf8Offset(text, '@bob');
    expect(record.facets).toEqual([
      { $type: 'app.bsky.richtext.facet', index: { byteStart: start, byteEnd: start + '@bob.bsky.social'.length }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: expect.stringMatching(/^did:plc:/) }] },
    ]);
  });

  it('uploads each image as a blob and embeds it with its alt text', async () => {
    const outgoing = post('With a picture', [{ url: `${pds.url}/media/blue-heart.png`, alt: 'A blue heart held in two hands', contentType: 'image/png' }]);
    await network.publish(ana, outgoing);
    const [upload] = pds.seen('com.atproto.repo.uploadBlob');
    expect(upload!.headers['content-type']).toBe('image/png');
    expect(upload!.bytes).toEqual(PNG);
    const record = pds.seen('com.atproto.repo.createRecord')[0]!.json!.record as { embed: unknown };
    expect(record.embed).toEqual({
      $type: 'app.bsky.embed.images',
      images: [{ image: { $type: 'blob', ref: { $link: expect.stringMatching(/^bafkrei/) }, mimeType: 'image/png', size: PNG.length }, alt: 'A blue heart held in two hands', aspectRatio: { width: 1, height: 1 } }],
    });
  });

  it('uploads every image before the post, in order, each with its alt text and its aspect ratio; a retry posts once', async () => {
    const wide = pngOf(1200, 675, 4_000);
    const outgoing = post('Two pictures', [
      { url: site.put('wide.png', { bytes: wide, contentType: 'image/png' }), alt: 'A blue heart on a wall', contentType: 'image/png' },
      { url: site.put('square.png', { bytes: pngOf(800, 800), contentType: 'image/png' }), alt: 'Hands holding a blue heart', contentType: 'image/png' },
    ]);
    const first = await network.publish(ana, outgoing);
    const posts = pds.requests.filter((request) => request.method === 'POST' && request.nsid.startsWith('com.atproto.repo.')).map((request) => request.nsid);
    expect(posts).toEqual(['com.atproto.repo.uploadBlob', 'com.atproto.repo.uploadBlob', 'com.atproto.repo.createRecord']);
    expect(pds.seen('com.atproto.repo.uploadBlob')[0]!.bytes).toEqual(Buffer.from(wide));
    const record = pds.seen('com.atproto.repo.createRecord')[0]!.json!.record as { embed: { images: Array<{ alt: string; aspectRatio: unknown; image: { size: number } }> } };
    expect(record.embed.images.map((image) => [image.alt, image.aspectRatio, image.image.size])).toEqual([
      ['A blue heart on a wall', { width: 1200, height: 675 }, 4_000],
      ['Hands holding a blue heart', { width: 800, height: 800 }, 64],
    ]);
    // Uploading again is harmless; the record key makes the post once.
    expect(await network.publish(ana, outgoing)).toEqual(first);
    expect(pds.postsOf(anaAccount).filter((stored) => stored.value.text === 'Two pictures')).toHaveLength(1);
  });

  it('refuses an image over the lexicon’s 1,000,000 bytes before uploading anything', async () => {
    const big = site.put('big.png', { bytes: pngOf(4000, 3000, 1_000_001), contentType: 'image/png' });
    await expect(network.publish(ana, post('Too big', [{ url: big, alt: 'Big', contentType: 'image/png' }]))).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('more than the 1000000 the network takes') });
    expect(pds.seen('com.atproto.repo.uploadBlob')).toHaveLength(0);
    expect(pds.seen('com.atproto.repo.createRecord')).toHaveLength(0);
  });

  it('is exactly once by construction: a retry hits the same rkey, the PDS refuses it (500, as the reference PDS does), and the existing post comes back', async () => {
    const outgoing = post('Once only');
    const first = await network.publish(ana, outgoing);
    const second = await network.publish(ana, outgoing);
    expect(second).toEqual(first);
    const creates = pds.seen('com.atproto.repo.createRecord');
    expect(creates.map((request) => request.json!.rkey)).toEqual([blueskyRkey(outgoing.clientRef), blueskyRkey(outgoing.clientRef)]);
    expect(pds.seen('com.atproto.repo.getRecord').map((request) => request.query.rkey)).toEqual([blueskyRkey(outgoing.clientRef)]);
    expect(pds.postsOf(anaAccount).filter((record) => record.value.text === 'Once only')).toHaveLength(1);
  });

  it('reads the existing post just as well when the PDS says 400 "already exists"', async () => {
    pds.answerExistingKeysAs('already-exists');
    const outgoing = post('Once only, elsewhere');
    const first = await network.publish(ana, outgoing);
    expect(await network.publish(ana, outgoing)).toEqual(first);
    expect(pds.postsOf(anaAccount).filter((record) => record.value.text === outgoing.text)).toHaveLength(1);
  });

  it('maps a timeout after the PDS stored the post to uncertain; findPost (getRecord at the rkey) finds it, and a retry does not post twice', async () => {
    const outgoing = post('Timed out but stored');
    pds.failNext('com.atproto.repo.createRecord', { storeThenStallMs: 1_500 });
    const error = (await network.publish(ana, outgoing).catch((caught: unknown) => caught)) as SocialError;
    expect(error).toBeInstanceOf(SocialError);
    expect(error.kind).toBe('uncertain');

    const rkey = blueskyRkey(outgoing.clientRef);
    const found = await network.findPost(ana, outgoing);
    expect(found).toEqual({ postId: `at://${anaAccount.did}/app.bsky.feed.post/${rkey}`, postUrl: `https://bsky.app/profile/ana.bsky.example/post/${rkey}` });
    expect(pds.seen('com.atproto.repo.getRecord').at(-1)!.query).toEqual({ repo: anaAccount.did, collection: 'app.bsky.feed.post', rkey });

    expect(await network.publish(ana, outgoing)).toEqual(found);
    expect(pds.postsOf(anaAccount).filter((record) => record.value.text === outgoing.text)).toHaveLength(1);
  });

  it('findPost finds nothing at an rkey never written', async () => {
    expect(await network.findPost(ana, post('Never posted'))).toBeUndefined();
  });

  it('keeps one session per account for its life: publish, findPost and followers log in once', async () => {
    await network.publish(ana, post('One session'));
    await network.findPost(ana, post('One session'));
    expect(await network.followers(ana)).toBe(2_345);
    await Promise.all([network.followers(ana), network.followers(ana)]);
    expect(pds.seen('com.atproto.server.createSession')).toHaveLength(1);
    const [profile] = pds.seen('app.bsky.actor.getProfile');
    expect(profile!.query).toEqual({ actor: anaAccount.did });
  });

  it('refreshes an expired access token through the client (refreshSession), without logging in again', async () => {
    await network.followers(ana);
    pds.expireAccessTokens();
    await network.publish(ana, post('After a refresh'));
    expect(pds.seen('com.atproto.server.refreshSession')).toHaveLength(1);
    expect(pds.seen('com.atproto.server.createSession')).toHaveLength(1);
    const creates = pds.seen('com.atproto.repo.createRecord');
    expect(creates).toHaveLength(2); // refused with ExpiredToken, then again with the new token
    expect(creates[0]!.headers.authorization).not.toBe(creates[1]!.headers.authorization);
  });

  it('logs in again once with the app password when the session is dead beyond refreshing', async () => {
    await network.followers(ana);
    pds.revokeSessions();
    const published = await network.publish(ana, post('After a new login'));
    expect(published.postUrl).toContain('/post/');
    expect(pds.seen('com.atproto.server.createSession')).toHaveLength(2);
  });

  it('maps a revoked app password to auth', async () => {
    pds.changeAppPassword(anaAccount, 'a-new-app-password');
    const error = (await network.publish(ana, post('Revoked')).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('Invalid identifier or password');
    await expect(network.followers(ana)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('maps a session that dies and cannot be renewed to auth (ExpiredToken, then the login refused)', async () => {
    await network.followers(ana);
    pds.revokeSessions();
    pds.changeAppPassword(anaAccount, 'a-new-app-password');
    await expect(network.publish(ana, post('Dead session'))).rejects.toMatchObject({ kind: 'auth' });
  });

  it('maps RateLimitExceeded (429) to rate_limited, waiting until ratelimit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 600;
    pds.failNext('com.atproto.repo.createRecord', {
      status: 429,
      error: 'RateLimitExceeded',
      message: 'Rate Limit Exceeded',
      headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset), 'ratelimit-policy': '5000;w=3600' },
    });
    const error = (await network.publish(ana, post('Too fast')).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('rate_limited');
    expect(error.details.status).toBe(429);
    expect(error.details.retryAfterMs).toBeGreaterThan(595_000);
    expect(error.details.retryAfterMs).toBeLessThanOrEqual(600_000);
  });

  it('maps a 429 on the login itself to rate_limited too', async () => {
    pds.failNext('com.atproto.server.createSession', { status: 429, error: 'RateLimitExceeded', message: 'Rate Limit Exceeded', headers: { 'retry-after': '300' } });
    await expect(network.followers(ana)).rejects.toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 300_000 } });
  });

  it("maps InvalidRequest to rejected with the PDS's words, and posts nothing", async () => {
    const long = post('💙'.repeat(301));
    const error = (await network.publish(ana, long).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('must not be longer than 300 graphemes');
    expect(pds.postsOf(anaAccount).some((record) => record.value.text === long.text)).toBe(false);
  });

  it('maps a 500 that stored nothing to uncertain (after looking), a 503 to unavailable, and a 500 on a read to unavailable', async () => {
    pds.failNext('com.atproto.repo.createRecord', { status: 500 });
    await expect(network.publish(ana, post('Server error'))).rejects.toMatchObject({ kind: 'uncertain', details: { status: 500 } });
    pds.failNext('com.atproto.repo.createRecord', { status: 503, error: 'NotEnoughResources', message: 'Service Unavailable' });
    await expect(network.publish(ana, post('Unavailable'))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 503 } });
    pds.failNext('app.bsky.actor.getProfile', { status: 500 });
    await expect(network.followers(ana)).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
  });

  it('maps a PDS that cannot be reached to unavailable', async () => {
    const gone = { ...ana, server: `http://127.0.0.1:${await closedPort()}` };
    await expect(network.publish(gone, post('Nobody home'))).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('blueskyRkey', () => {
  it('is a valid TID, the same for the same clientRef, and different for different ones', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => blueskyRkey(`message-1:account-${i}`));
    for (const key of keys) expect(key).toMatch(TID_PATTERN);
    expect(new Set(keys).size).toBe(keys.length);
    expect(blueskyRkey('message-1:account-0')).toBe(keys[0]);
    // Fixed forever: a changed derivation would post again what an older attempt already posted.
    expect(blueskyRkey('message-1:account-0')).toBe('2exlqvkou67qr');
  });
});

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
