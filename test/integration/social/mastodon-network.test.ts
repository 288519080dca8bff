import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mastodonServer, MastodonNetwork } from '../../../functions/adapters/social/mastodon-network.js';
import { statusPlainText } from '../../../functions/adapters/social/mastodon-text.js';
import { SocialError, type AccountCredentials, type OutgoingPost } from '../../../functions/domain/social/ports.js';
import { pngOf, startMediaSite, type MediaSite } from './media-site.js';
import { mastodonHtml, PNG, startMastodonStandin, type MastodonStandin } from './mastodon-standin.js';

/**
 * MastodonNetwork against a stand-in that answers like the Mastodon API documentation says
 * (docs.joinmastodon.org, one page per endpoint in mastodon-standin.ts): what it sends (the
 * token, the Idempotency-Key, the alt text with the upload, the status body) and how it reads
 * the answers (429 with Retry-After or X-RateLimit-Reset, 401, 422, 5xx, a timeout after the
 * status was stored, then findPost finding it).
 */
describe('MastodonNetwork', () => {
  let standin: MastodonStandin;
  let site: MediaSite;
  let network: MastodonNetwork;
  let ana: AccountCredentials;
  let anaAccount: ReturnType<MastodonStandin['addAccount']>;
  let counter = 0;
  const post = (text: string, media: OutgoingPost['media'] = []): OutgoingPost => ({ text, media, clientRef: `msg-1:acct-${++counter}` });

  beforeAll(async () => {
    standin = await startMastodonStandin();
    site = await startMediaSite();
    network = new MastodonNetwork({ timeoutMs: 400, mediaPollMs: 10 });
    anaAccount = standin.addAccount('ana', 'token-ana', 1_234);
    ana = { handle: '@ana@mastodon.example', server: standin.url, token: 'token-ana' };
  });
  afterAll(async () => Promise.all([standin?.stop(), site?.stop()]));
  beforeEach(() => {
    standin.requests.length = 0;
    standin.processUploadsAfter(0);
  });

  it('uploads the image with its alt text, then posts the status with the token and Idempotency-Key: <clientRef>', async () => {
    const outgoing = post('Every person deserves freedom. #EndHumanTrafficking https://blueheart.example/en/campaigns/2026?utm_source=mastodon', [
      { url: `${standin.url}/media/blue-heart-square.png`, alt: 'A blue heart held in two hands', contentType: 'image/png' },
    ]);
    const published = await network.publish(ana, outgoing);

    const [upload] = standin.seen('POST /api/v2/media');
    expect(upload!.headers.authorization).toBe('Bearer token-ana');
    expect(upload!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.form!.description).toBe('A blue heart held in two hands');
    expect(upload!.form!.file).toEqual({ name: 'blue-heart-square.png', type: 'image/png', bytes: PNG });

    const [create] = standin.seen('POST /api/v1/statuses');
    expect(create!.headers.authorization).toBe('Bearer token-ana');
    expect(create!.headers['idempotency-key']).toBe(outgoing.clientRef);
    expect(create!.headers['content-type']).toBe('application/json');
    const [stored] = standin.statusesOf(anaAccount).slice(-1);
    expect(create!.json).toEqual({ status: outgoing.text, visibility: 'public', media_ids: [stored!.mediaIds[0]] });
    expect(standin.media.get(stored!.mediaIds[0]!)!.description).toBe('A blue heart held in two hands');

    expect(published).toEqual({ postId: stored!.id, postUrl: `https://mastodon.example/@ana/${stored!.id}` });
    // A ready upload (200) goes straight into the status: no polling.
    expect(standin.seen('GET /api/v1/media/:id')).toHaveLength(0);
  });

  it('uploads every image first, in order, each with its own description, then posts them in that order', async () => {
    const first = pngOf(1200, 675, 2_000);
    const outgoing = post('Two pictures', [
      { url: site.put('first-1a2b.png', { bytes: first, contentType: 'image/png' }), alt: 'A blue heart on a wall', contentType: 'image/png' },
      { url: site.put('second-3c4d.png', { bytes: pngOf(800, 800), contentType: 'image/png' }), alt: 'Hands holding a blue heart', contentType: 'image/png' },
    ]);
    await network.publish(ana, outgoing);
    const calls = standin.requests.filter((request) => request.method === 'POST').map((request) => `${request.method} ${request.path}`);
    expect(calls).toEqual(['POST /api/v2/media', 'POST /api/v2/media', 'POST /api/v1/statuses']);
    const uploads = standin.seen('POST /api/v2/media');
    expect(uploads.map((upload) => upload.form!.description)).toEqual(['A blue heart on a wall', 'Hands holding a blue heart']);
    expect(uploads[0]!.form!.file).toEqual({ name: 'first-1a2b.png', type: 'image/png', bytes: Buffer.from(first) });
    const stored = standin.statusesOf(anaAccount).at(-1)!;
    expect(standin.seen('POST /api/v1/statuses')[0]!.json!.media_ids).toEqual(stored.mediaIds);
    expect(stored.mediaIds.map((id) => standin.media.get(id)!.name)).toEqual(['first-1a2b.png', 'second-3c4d.png']);
  });

  it('refuses a file larger than Mastodon takes (16 MB for an image) before uploading anything', async () => {
    const huge = site.put('huge.png', { bytes: new Uint8Array(16 * 1024 * 1024 + 1), contentType: 'image/png' });
    const error = await network.publish(ana, post('Too big', [{ url: huge, alt: 'Huge', contentType: 'image/png' }])).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'rejected', message: expect.stringContaining('more than the 16777216 the network takes') });
    expect(standin.seen('POST /api/v2/media')).toHaveLength(0);
    expect(standin.seen('POST /api/v1/statuses')).toHaveLength(0);
  });

  it('an upload is not a post: a status that timed out after its uploads is found by findPost, and a retry uploads again but posts once', async () => {
    const outgoing = post('Timed out with a picture', [{ url: site.put('late.png', { bytes: pngOf(2, 2), contentType: 'image/png' }), alt: 'Blue heart', contentType: 'image/png' }]);
    standin.failNext('POST /api/v1/statuses', { storeThenStallMs: 1_500 });
    await expect(network.publish(ana, outgoing)).rejects.toMatchObject({ kind: 'uncertain' });
    const found = await network.findPost(ana, outgoing);
    expect(found?.postId).toBe(standin.statusesOf(anaAccount).at(-1)!.id);
    expect(await network.publish(ana, outgoing)).toEqual(found);
    expect(standin.seen('POST /api/v2/media')).toHaveLength(2);
    expect(standin.statusesOf(anaAccount).filter((status) => status.text === outgoing.text)).toHaveLength(1);
  });

  it('maps Mastodon refusing a video beside an image (422) to rejected', async () => {
    const outgoing = post('Video and image', [
      { url: site.put('clip.mp4', { bytes: new Uint8Array(500), contentType: 'video/mp4' }), alt: '', contentType: 'video/mp4' },
      { url: site.put('still.png', { bytes: pngOf(2, 2), contentType: 'image/png' }), alt: 'Still', contentType: 'image/png' },
    ]);
    await expect(network.publish(ana, outgoing)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('Cannot attach a video to a post that already contains images') });
  });

  it('sends the same Idempotency-Key on a retry, so Mastodon answers with the status it already created', async () => {
    const outgoing = post('Wear blue on 30 July 💙');
    const first = await network.publish(ana, outgoing);
    const second = await network.publish(ana, outgoing);
    expect(second).toEqual(first);
    expect(standin.seen('POST /api/v1/statuses').map((request) => request.headers['idempotency-key'])).toEqual([outgoing.clientRef, outgoing.clientRef]);
    expect(standin.statusesOf(anaAccount).filter((status) => status.text === outgoing.text)).toHaveLength(1);
  });

  it('waits while Mastodon processes an upload in the background (202, then 206, then 200) before posting', async () => {
    standin.processUploadsAfter(2);
    const published = await network.publish(ana, post('With a picture', [{ url: `${standin.url}/media/kit.png`, alt: 'Blue heart', contentType: 'image/png' }]));
    expect(standin.seen('GET /api/v1/media/:id')).toHaveLength(2);
    expect(standin.statusesOf(anaAccount).at(-1)!.id).toBe(published.postId);
  });

  it('gives up with `unavailable` when processing outlasts its patience, and posts nothing', async () => {
    standin.processUploadsAfter(1_000);
    const slow = new MastodonNetwork({ timeoutMs: 400, mediaPollMs: 10, mediaProcessingMs: 60 });
    const before = standin.statusesOf(anaAccount).length;
    await expect(slow.publish(ana, post('Slow media', [{ url: `${standin.url}/media/kit.png`, alt: 'x', contentType: 'image/png' }]))).rejects.toMatchObject({ kind: 'unavailable' });
    expect(standin.statusesOf(anaAccount)).toHaveLength(before);
  });

  it('maps 429 to rate_limited, waiting as Retry-After says (seconds or a date)', async () => {
    standin.failNext('POST /api/v1/statuses', {
      status: 429,
      body: { error: 'Too many requests' },
      headers: { 'Retry-After': '120', 'X-RateLimit-Limit': '300', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': new Date(Date.now() + 30_000).toISOString() },
    });
    const error = await network.publish(ana, post('Rate limited')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SocialError);
    expect(error).toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 120_000, status: 429 } });

    standin.failNext('POST /api/v1/statuses', { status: 429, body: { error: 'Too many requests' }, headers: { 'Retry-After': new Date(Date.now() + 90_000).toUTCString() } });
    const dated = (await network.publish(ana, post('Rate limited again')).catch((caught: unknown) => caught)) as SocialError;
    expect(dated.details.retryAfterMs).toBeGreaterThan(85_000);
    expect(dated.details.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it("maps 429 without Retry-After to Mastodon's X-RateLimit-Reset (an ISO 8601 timestamp)", async () => {
    const reset = new Date(Date.now() + 45_000);
    standin.failNext('POST /api/v2/media', { status: 429, body: { error: 'Too many requests' }, headers: { 'X-RateLimit-Limit': '30', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset.toISOString() } });
    const error = (await network.publish(ana, post('Media limited', [{ url: `${standin.url}/media/kit.png`, alt: 'x', contentType: 'image/png' }])).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('rate_limited');
    expect(error.details.retryAfterMs).toBeGreaterThan(40_000);
    expect(error.details.retryAfterMs).toBeLessThanOrEqual(45_000);
    expect(standin.seen('POST /api/v1/statuses')).toHaveLength(0);
  });

  it('maps 401 and 403 to auth: the supporter must reconnect', async () => {
    await expect(network.publish({ ...ana, token: 'revoked' }, post('Nope'))).rejects.toMatchObject({ kind: 'auth', details: { status: 401 } });
    await expect(network.followers({ ...ana, token: 'revoked' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('The access token is invalid') });
    standin.failNext('POST /api/v1/statuses', { status: 403, body: { error: 'This action is not allowed' } });
    await expect(network.publish(ana, post('Forbidden'))).rejects.toMatchObject({ kind: 'auth', details: { status: 403 } });
  });

  it("maps 422 to rejected with Mastodon's own words", async () => {
    const error = (await network.publish(ana, post('x'.repeat(501))).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('rejected');
    expect(error.details.status).toBe(422);
    expect(error.message).toContain('Validation failed: Text character limit of 500 exceeded');
  });

  it('maps a 500 on the status to uncertain (it may have posted), a 503 to unavailable, and a 500 on a read to unavailable', async () => {
    standin.failNext('POST /api/v1/statuses', { status: 500, body: { error: 'We are sorry, but something went wrong on our end.' } });
    await expect(network.publish(ana, post('Five hundred'))).rejects.toMatchObject({ kind: 'uncertain', details: { status: 500 } });
    standin.failNext('POST /api/v1/statuses', { status: 502, contentType: 'text/html' });
    await expect(network.publish(ana, post('Bad gateway page'))).rejects.toMatchObject({ kind: 'uncertain' });
    standin.failNext('POST /api/v1/statuses', { status: 503, body: { error: 'Service unavailable' } });
    await expect(network.publish(ana, post('Maintenance'))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 503 } });
    standin.failNext('GET /api/v1/accounts/verify_credentials', { status: 500, body: { error: 'oops' } });
    await expect(network.followers(ana)).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
  });

  it('maps a timeout after Mastodon stored the status to uncertain; findPost then finds it, and a retry does not post twice', async () => {
    const outgoing = post('معًا ضد الاتجار بالبشر 💙 <قلب أزرق> & الأمل\n\nhttps://blueheart.example/ar/campaigns/2026?utm_source=mastodon&utm_campaign=world-day #EndHumanTrafficking');
    standin.failNext('POST /api/v1/statuses', { storeThenStallMs: 1_500 });
    const error = (await network.publish(ana, outgoing).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('uncertain');
    const stored = standin.statusesOf(anaAccount).at(-1)!;
    expect(stored.text).toBe(outgoing.text);

    const found = await network.findPost(ana, outgoing);
    expect(found).toEqual({ postId: stored.id, postUrl: `https://mastodon.example/@ana/${stored.id}` });
    const [credentials] = standin.seen('GET /api/v1/accounts/verify_credentials');
    expect(credentials!.headers.authorization).toBe('Bearer token-ana');
    const [list] = standin.seen('GET /api/v1/accounts/:id/statuses');
    expect(list!.path).toBe(`/api/v1/accounts/${anaAccount.id}/statuses`);
    expect(list!.query).toMatchObject({ limit: '40', exclude_reblogs: 'true', exclude_replies: 'true' });

    // Had the dispatcher retried instead, the key would still have saved it.
    expect(await network.publish(ana, outgoing)).toEqual(found);
    expect(standin.statusesOf(anaAccount).filter((status) => status.text === outgoing.text)).toHaveLength(1);
  });

  it('findPost finds nothing when the account has no such status', async () => {
    expect(await network.findPost(ana, post('Never posted'))).toBeUndefined();
  });

  it('reads followers from verify_credentials.followers_count', async () => {
    expect(await network.followers(ana)).toBe(1_234);
  });

  it("refuses a token lent under someone else's handle", async () => {
    await expect(network.followers({ ...ana, handle: '@someone.else@mastodon.example' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('not to @someone.else') });
  });

  it('maps a server that cannot be reached to unavailable', async () => {
    const gone = { ...ana, server: `http://127.0.0.1:${await closedPort()}` };
    await expect(network.publish(gone, post('Nobody home'))).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(network.followers(gone)).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('maps a media file that is gone from the kit to rejected, and posts nothing', async () => {
    const before = standin.statusesOf(anaAccount).length;
    await expect(network.publish(ana, post('Lost picture', [{ url: `${standin.url}/missing/file.png`, alt: 'x', contentType: 'image/png' }]))).rejects.toMatchObject({ kind: 'rejected', details: { status: 404 } });
    expect(standin.statusesOf(anaAccount)).toHaveLength(before);
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

describe('Mastodon helpers', () => {
  it('finds the instance from the account, or from a full handle', () => {
    expect(mastodonServer({ handle: '@ana@mastodon.social', server: 'https://mastodon.social/' })).toBe('https://mastodon.social');
    expect(mastodonServer({ handle: '@ana@mastodon.social' })).toBe('https://mastodon.social');
    expect(mastodonServer({ handle: 'ana@chaos.social' })).toBe('https://chaos.social');
    expect(() => mastodonServer({ handle: '@ana' })).toThrow(SocialError);
  });

  it("turns Mastodon's HTML back into the posted text", () => {
    const text = 'Line one & <two>\nline "three"\n\nhttps://example.org/a/very/long/path/that/gets/an/ellipsis?x=1&y=2 #Tag 💙';
    expect(statusPlainText(mastodonHtml(text))).toBe(text);
    expect(statusPlainText('<p>caf&#233; &#x1F499; &nbsp;&unknown;</p>')).toBe('café 💙 \u00a0&unknown;');
  });
});
