import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { samePost, XNetwork, xOAuth1Credential } from '../../../functions/adapters/social/x-network.js';
import { SocialError, type AccountCredentials, type OutgoingPost } from '../../../functions/domain/social/ports.js';
import { gifOf, pngOf, startMediaSite, type MediaSite } from './media-site.js';
import { closedPort } from './standin-http.js';
import { startXStandin, type XStandin } from './x-standin.js';

/**
 * XNetwork (twitter-api-v2) against a stand-in that answers like X's API reference says
 * (x-standin.ts): what it sends (the bearer token or an OAuth 1.0a signature the stand-in
 * checks, the post body) and how it reads the answers (X's t.co links and escaped text when it
 * looks for a post, the duplicate refusal, 429 with X's reset headers, 401, 5xx, a timeout after
 * the post was stored), and how it uploads a post's media first (an image in one request, a GIF
 * in segments, each with its alt text) and names them in the post.
 */
describe('XNetwork', () => {
  let standin: XStandin;
  let site: MediaSite;
  let network: XNetwork;
  let org: AccountCredentials;
  let orgAccount: ReturnType<XStandin['addAccount']>;
  let counter = 0;
  const post = (text: string, media: OutgoingPost['media'] = []): OutgoingPost => ({ text, media, clientRef: `msg-1:org-x-${++counter}` });
  const mediaCalls = () => standin.requests.filter((request) => request.path.startsWith('/2/media')).length;

  beforeAll(async () => {
    standin = await startXStandin();
    site = await startMediaSite();
    network = new XNetwork({ apiBaseUrl: `${standin.url}/`, timeoutMs: 400 });
    orgAccount = standin.addAccount({ username: 'blueheart_org', followers: 48_210, bearer: 'oauth2-user-token' });
    org = { handle: '@blueheart_org', token: 'oauth2-user-token' };
  });
  afterAll(async () => Promise.all([standin?.stop(), site?.stop()]));
  beforeEach(() => {
    standin.requests.length = 0;
    standin.setStatusReads(1);
  });

  it('posts the text to POST /2/tweets with the OAuth 2.0 user token, and links the post', async () => {
    const outgoing = post('Every person deserves freedom. #EndHumanTrafficking\n\nhttps://blueheart.example/en/campaigns/2026?utm_source=x&utm_medium=social&utm_campaign=world-day-2026');
    const published = await network.publish(org, outgoing);

    const [create] = standin.seen('POST /2/tweets');
    expect(create!.headers.authorization).toBe('Bearer oauth2-user-token');
    expect(create!.headers['content-type']).toMatch(/^application\/json/);
    expect(create!.json).toEqual({ text: outgoing.text });
    const [stored] = standin.postsOf(orgAccount).slice(-1);
    expect(stored!.text).toBe(outgoing.text);
    expect(published).toEqual({ postId: stored!.id, postUrl: `https://x.com/blueheart_org/status/${stored!.id}` });
  });

  it('signs with OAuth 1.0a when the credential holds the app keys and the access token (the stand-in checks the signature)', async () => {
    const keys = { consumerKey: 'app-key', consumerSecret: 'app-secret', token: '111-access', tokenSecret: 'access-secret' };
    const chapter = standin.addAccount({ username: 'aquiestoy_mx', followers: 812, oauth1: keys });
    const credentials = { handle: '@aquiestoy_mx', token: xOAuth1Credential({ appKey: 'app-key', appSecret: 'app-secret', accessToken: '111-access', accessSecret: 'access-secret' }) };

    const published = await network.publish(credentials, post('Hoy es el Día Mundial contra la Trata (30 de julio) 💙'));
    expect(standin.postsOf(chapter).map((stored) => stored.id)).toEqual([published.postId]);
    const [create] = standin.seen('POST /2/tweets');
    expect(create!.headers.authorization).toMatch(/^OAuth .*oauth_consumer_key="app-key".*oauth_token="111-access"/);
    expect(await network.followers(credentials)).toBe(812);

    // Media uploads are signed too: the multipart upload, the JSON metadata, and STATUS with its query.
    standin.requests.length = 0;
    const withMedia = await network.publish(credentials, post('Con imagen', [{ url: site.put('signed.png', { bytes: pngOf(30, 30), contentType: 'image/png' }), alt: 'Un corazón azul', contentType: 'image/png' }]));
    expect(standin.requests.map((request) => request.route)).toEqual(['POST /2/media/upload', 'POST /2/media/metadata', 'POST /2/tweets']);
    expect(standin.requests.every((request) => /^OAuth .*oauth_signature=/.test(request.headers.authorization ?? ''))).toBe(true);
    const gifPost = await network.publish(credentials, post('Con un GIF', [{ url: site.put('signed-2.gif', { bytes: gifOf(30, 30, 500), contentType: 'image/gif' }), alt: 'Un corazón que late', contentType: 'image/gif' }]));
    expect(standin.postsOf(chapter).map((stored) => stored.id)).toEqual([published.postId, withMedia.postId, gifPost.postId]);
    expect(standin.seen('GET /2/media/upload')).toHaveLength(1);

    const forged = { ...credentials, token: xOAuth1Credential({ appKey: 'app-key', appSecret: 'app-secret', accessToken: '111-access', accessSecret: 'not-the-secret' }) };
    await expect(network.publish(forged, post('Forged'))).rejects.toMatchObject({ kind: 'auth', details: { status: 401 } });
    await expect(network.publish({ ...credentials, token: '{"appKey":"app-key"}' }, post('Half a credential'))).rejects.toMatchObject({ kind: 'auth' });
  });

  it('uploads an image in one request (POST /2/media/upload), sets its alt text (POST /2/media/metadata), then posts with media.media_ids', async () => {
    const png = pngOf(1200, 675, 40_000);
    const outgoing = post('Wear blue on 30 July 💙 #EndHumanTrafficking', [{ url: site.put('blue-heart-1a2b.png', { bytes: png, contentType: 'image/png' }), alt: 'A blue heart held in two hands', contentType: 'image/png' }]);
    const published = await network.publish(org, outgoing);

    expect(standin.requests.map((request) => request.route)).toEqual(['POST /2/media/upload', 'POST /2/media/metadata', 'POST /2/tweets']);
    const [upload] = standin.seen('POST /2/media/upload');
    expect(upload!.headers.authorization).toBe('Bearer oauth2-user-token');
    expect(upload!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload!.form).toEqual({ media_category: 'tweet_image', media_type: 'image/png' });
    expect(upload!.files!.media!.bytes).toEqual(Buffer.from(png));
    const [mediaId] = [...standin.media.keys()].slice(-1);
    expect(standin.seen('POST /2/media/metadata')[0]!.json).toEqual({ id: mediaId, metadata: { alt_text: { text: 'A blue heart held in two hands' } } });
    expect(standin.seen('POST /2/tweets')[0]!.json).toEqual({ text: outgoing.text, media: { media_ids: [mediaId] } });
    const stored = standin.postsOf(orgAccount).at(-1)!;
    expect(stored).toMatchObject({ id: published.postId, mediaIds: [mediaId] });
    expect(standin.media.get(mediaId!)).toMatchObject({ type: 'image/png', alt: 'A blue heart held in two hands', state: 'succeeded' });
  });

  it('uploads every image before posting, in order, each with its own alt text; an image without alt text gets no metadata call', async () => {
    const outgoing = post('Three pictures', [
      { url: site.put('one.jpg', { bytes: jpegOf(3_000), contentType: 'image/jpeg' }), alt: 'A march in Nairobi', contentType: 'image/jpeg' },
      { url: site.put('two.png', { bytes: pngOf(800, 800), contentType: 'image/png' }), alt: '', contentType: 'image/png' },
      { url: site.put('three.png', { bytes: pngOf(640, 480), contentType: 'image/png' }), alt: 'A poster on a bus stop', contentType: 'image/png' },
    ]);
    await network.publish(org, outgoing);
    expect(standin.requests.map((request) => request.route)).toEqual(['POST /2/media/upload', 'POST /2/media/metadata', 'POST /2/media/upload', 'POST /2/media/upload', 'POST /2/media/metadata', 'POST /2/tweets']);
    const stored = standin.postsOf(orgAccount).at(-1)!;
    expect(stored.mediaIds.map((id) => [standin.media.get(id)!.type, standin.media.get(id)!.alt])).toEqual([
      ['image/jpeg', 'A march in Nairobi'],
      ['image/png', undefined],
      ['image/png', 'A poster on a bus stop'],
    ]);
  });

  it('uploads a GIF in segments (initialize, append, finalize), waits while X processes it, sets its alt text, then posts it', async () => {
    const gif = gifOf(480, 270, 5_000_000);
    const outgoing = post('A moving heart', [{ url: site.put('heart.gif', { bytes: gif, contentType: 'image/gif' }), alt: 'A heart beating in blue', contentType: 'image/gif' }]);
    await network.publish(org, outgoing);

    const id = standin.postsOf(orgAccount).at(-1)!.mediaIds[0]!;
    expect(standin.requests.map((request) => request.route)).toEqual([
      'POST /2/media/upload/initialize',
      'POST /2/media/upload/:id/append',
      'POST /2/media/upload/:id/append',
      'POST /2/media/upload/:id/finalize',
      'GET /2/media/upload',
      'POST /2/media/metadata',
      'POST /2/tweets',
    ]);
    expect(standin.seen('POST /2/media/upload/initialize')[0]!.json).toEqual({ media_type: 'image/gif', total_bytes: gif.length, media_category: 'tweet_gif' });
    const appends = standin.seen('POST /2/media/upload/:id/append');
    expect(appends.map((append) => [append.path, append.form!.segment_index, append.files!.media!.bytes.length])).toEqual([
      [`/2/media/upload/${id}/append`, '0', 4 * 1024 * 1024],
      [`/2/media/upload/${id}/append`, '1', gif.length - 4 * 1024 * 1024],
    ]);
    expect(standin.seen('GET /2/media/upload')[0]!.query).toEqual({ command: 'STATUS', media_id: id });
    const stored = standin.media.get(id)!;
    expect({ ...stored, bytes: undefined, segments: undefined }).toMatchObject({ category: 'tweet_gif', alt: 'A heart beating in blue', state: 'succeeded' });
    // Compared whole but reported short: a 5 MB diff would take the reporter minutes.
    expect(stored.bytes?.equals(gif), 'the stand-in holds the GIF as it was').toBe(true);
  });

  it('refuses a file larger than X takes (5 MB for an image) before anything is uploaded or posted', async () => {
    const big = site.put('huge.png', { bytes: pngOf(4000, 4000, 5_000_001), contentType: 'image/png' });
    const small = site.put('small.png', { bytes: pngOf(10, 10), contentType: 'image/png' });
    const outgoing = post('Too big', [
      { url: small, alt: 'Small', contentType: 'image/png' },
      { url: big, alt: 'Huge', contentType: 'image/png' },
    ]);
    await expect(network.publish(org, outgoing)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('more than the 5000000 the network takes') });
    expect(standin.requests).toHaveLength(0);
  });

  it('maps an upload X refuses to rejected and a 429, 500 or 503 on an upload to rate_limited or unavailable (nothing was posted), and posts nothing', async () => {
    let before = standin.postsOf(orgAccount).length;
    const image = (name: string): OutgoingPost['media'] => [{ url: site.put(name, { bytes: pngOf(20, 20), contentType: 'image/png' }), alt: 'x', contentType: 'image/png' }];
    // X refuses the file itself (400): nothing to retry.
    standin.failNext('POST /2/media/upload', { status: 400, body: { errors: [{ parameters: { media: ['20 bytes'] }, message: 'Unsupported media type.' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } });
    await expect(network.publish(org, post('Refused file', image('refused.png')))).rejects.toMatchObject({ kind: 'rejected', details: { status: 400 } });
    const reset = Math.floor(Date.now() / 1000) + 300;
    standin.failNext('POST /2/media/upload', { status: 429, body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, headers: { 'x-rate-limit-limit': '500', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) } });
    const limited = (await network.publish(org, post('Limited upload', image('limited.png'))).catch((caught: unknown) => caught)) as SocialError;
    expect(limited).toMatchObject({ kind: 'rate_limited', details: { status: 429 } });
    expect(limited.details.retryAfterMs).toBeGreaterThan(290_000);
    standin.failNext('POST /2/media/upload', { status: 500, body: { title: 'Internal Server Error', type: 'about:blank', status: 500 } });
    await expect(network.publish(org, post('Upload 500', image('five-hundred.png')))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
    standin.failNext('POST /2/media/metadata', { status: 503, body: { title: 'Service Unavailable', type: 'about:blank', status: 503 } });
    await expect(network.publish(org, post('Metadata 503', image('metadata.png')))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 503 } });
    const slow = new XNetwork({ apiBaseUrl: standin.url, timeoutMs: 400, uploadTimeoutMs: 200 });
    standin.failNext('POST /2/media/upload', { storeThenStallMs: 1_000 });
    await expect(slow.publish(org, post('Upload timeout', image('slow.png')))).rejects.toMatchObject({ kind: 'unavailable' });
    expect(standin.seen('POST /2/tweets')).toHaveLength(0);
    // The file's request has its own time limit: an upload may take longer than other calls and still go through.
    standin.failNext('POST /2/media/upload', { storeThenStallMs: 700 });
    await network.publish(org, post('A slow upload, in time', image('in-time.png')));
    expect(standin.seen('POST /2/tweets')).toHaveLength(1);
    before += 1;
    expect(standin.postsOf(orgAccount)).toHaveLength(before);
  });

  it('maps a GIF X fails to process to rejected, and one still processing past the wait to unavailable', async () => {
    const gif = (name: string): OutgoingPost['media'] => [{ url: site.put(name, { bytes: gifOf(2, 2, 2_000), contentType: 'image/gif' }), alt: 'x', contentType: 'image/gif' }];
    standin.failNext('GET /2/media/upload', { status: 200, body: { data: { id: '1', media_key: '16_1', processing_info: { state: 'failed', progress_percent: 30, error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' } } } } });
    await expect(network.publish(org, post('Broken GIF', gif('broken.gif')))).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('Unsupported video format') });
    standin.setStatusReads(5);
    const impatient = new XNetwork({ apiBaseUrl: standin.url, timeoutMs: 400, mediaProcessingMs: 1_500 });
    await expect(impatient.publish(org, post('Slow GIF', gif('slow.gif')))).rejects.toMatchObject({ kind: 'unavailable', message: expect.stringContaining('still processing') });
    expect(standin.seen('POST /2/tweets')).toHaveLength(0);
  });

  it('an upload is not a post: a post that timed out after its upload is found by findPost, and a retry uploads again but posts once', async () => {
    const outgoing = post('Timed out with a picture 💙', [{ url: site.put('late.png', { bytes: pngOf(2, 2), contentType: 'image/png' }), alt: 'Blue heart', contentType: 'image/png' }]);
    standin.failNext('POST /2/tweets', { storeThenStallMs: 1_500 });
    await expect(network.publish(org, outgoing)).rejects.toMatchObject({ kind: 'uncertain' });
    const stored = standin.postsOf(orgAccount).at(-1)!;
    expect(stored.mediaIds).toHaveLength(1);
    const found = await network.findPost(org, outgoing);
    expect(found?.postId).toBe(stored.id);
    expect(await network.publish(org, outgoing)).toEqual(found);
    expect(standin.seen('POST /2/media/upload')).toHaveLength(2);
    expect(standin.postsOf(orgAccount).filter((candidate) => candidate.text === outgoing.text)).toHaveLength(1);
  });

  it('maps a timeout after X stored the post to uncertain; findPost finds it through its t.co link and escaped text, and a retry answers with it', async () => {
    const outgoing = post('معًا ضد الاتجار بالبشر 💙 <قلب أزرق> & الأمل\n\nhttps://blueheart.example/ar/campaigns/2026?utm_source=x&utm_campaign=world-day-2026 #EndHumanTrafficking');
    standin.failNext('POST /2/tweets', { storeThenStallMs: 1_500 });
    const error = (await network.publish(org, outgoing).catch((caught: unknown) => caught)) as SocialError;
    expect(error).toBeInstanceOf(SocialError);
    expect(error.kind).toBe('uncertain');
    const stored = standin.postsOf(orgAccount).at(-1)!;
    expect(stored.text).toBe(outgoing.text);

    const found = await network.findPost(org, outgoing);
    expect(found).toEqual({ postId: stored.id, postUrl: `https://x.com/blueheart_org/status/${stored.id}` });
    const [me] = standin.seen('GET /2/users/me');
    expect(me!.headers.authorization).toBe('Bearer oauth2-user-token');
    const [timeline] = standin.seen('GET /2/users/:id/tweets');
    expect(timeline!.path).toBe(`/2/users/${orgAccount.id}/tweets`);
    expect(timeline!.query).toMatchObject({ max_results: '100', exclude: 'replies,retweets' });
    expect(timeline!.query['tweet.fields']!.split(',')).toContain('entities');

    // Had the dispatcher retried without looking, X's duplicate refusal leads to the same post.
    standin.requests.length = 0;
    expect(await network.publish(org, outgoing)).toEqual(found);
    expect(standin.seen('POST /2/tweets')).toHaveLength(1);
    expect(standin.postsOf(orgAccount).filter((candidate) => candidate.text === outgoing.text)).toHaveLength(1);
  });

  it('maps a duplicate refusal whose post is not among the latest to uncertain (look again, never assume)', async () => {
    const old = post('Wear blue on 30 July');
    await network.publish(org, old);
    for (let i = 0; i < 5; i++) await network.publish(org, post(`Later post ${i}`));
    const shortSighted = new XNetwork({ apiBaseUrl: standin.url, timeoutMs: 400, recentPosts: 5 });
    const error = (await shortSighted.publish(org, old).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('uncertain');
    expect(error.message).toContain('duplicate');
    expect(await network.findPost(org, old)).toMatchObject({ postId: expect.any(String) });
  });

  it('findPost finds nothing when the account has no such post', async () => {
    expect(await network.findPost(org, post('Never posted'))).toBeUndefined();
    // Same words, another link: not the same post.
    await network.publish(org, post('Join us https://blueheart.example/2025?utm_campaign=world-day-2025'));
    expect(await network.findPost(org, post('Join us https://blueheart.example/2026?utm_campaign=world-day-2026'))).toBeUndefined();
  });

  it('reads followers from /2/users/me public_metrics, and refuses a token of another account', async () => {
    expect(await network.followers(org)).toBe(48_210);
    const [me] = standin.seen('GET /2/users/me');
    expect(me!.query['user.fields']).toBe('public_metrics');
    await expect(network.followers({ ...org, handle: '@someone_else' })).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('@blueheart_org') });
  });

  it('maps 401 to auth: a manager must reconnect the account', async () => {
    await expect(network.publish({ ...org, token: 'expired' }, post('Nope'))).rejects.toMatchObject({ kind: 'auth', details: { status: 401 } });
    await expect(network.followers({ ...org, token: 'expired' })).rejects.toMatchObject({ kind: 'auth' });
    standin.failNext('POST /2/tweets', {
      status: 403,
      body: { client_id: '123', detail: 'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.', registration_url: 'https://developer.twitter.com/en/docs/projects/overview', title: 'Client Forbidden', required_enrollment: 'Appropriate Level of API Access', reason: 'client-not-enrolled', type: 'https://api.twitter.com/2/problems/client-forbidden' },
    });
    await expect(network.publish(org, post('No project'))).rejects.toMatchObject({ kind: 'auth', details: { status: 403 } });
  });

  it('maps 429 to rate_limited, waiting until x-rate-limit-reset, or until the 24-hour cap resets when that is what ran out', async () => {
    const reset = Math.floor(Date.now() / 1000) + 600;
    standin.failNext('POST /2/tweets', { status: 429, body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 }, headers: { 'x-rate-limit-limit': '200', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) } });
    const error = (await network.publish(org, post('Limited')).catch((caught: unknown) => caught)) as SocialError;
    expect(error).toMatchObject({ kind: 'rate_limited', details: { status: 429 } });
    expect(error.details.retryAfterMs).toBeGreaterThan(590_000);
    expect(error.details.retryAfterMs).toBeLessThanOrEqual(600_000);

    const dayReset = Math.floor(Date.now() / 1000) + 6 * 3600;
    standin.failNext('POST /2/tweets', {
      status: 429,
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      headers: { 'x-rate-limit-limit': '200', 'x-rate-limit-remaining': '150', 'x-rate-limit-reset': String(reset), 'x-user-limit-24hour-limit': '100', 'x-user-limit-24hour-remaining': '0', 'x-user-limit-24hour-reset': String(dayReset) },
    });
    const daily = (await network.publish(org, post('Daily cap')).catch((caught: unknown) => caught)) as SocialError;
    expect(daily.kind).toBe('rate_limited');
    expect(daily.details.retryAfterMs).toBeGreaterThan(6 * 3600_000 - 10_000);
  });

  it("maps 400 to rejected in X's words", async () => {
    const error = (await network.publish(org, post('x'.repeat(281))).catch((caught: unknown) => caught)) as SocialError;
    expect(error).toMatchObject({ kind: 'rejected', details: { status: 400 } });
    expect(error.message).toContain('One or more parameters to your request was invalid.');
  });

  it('maps a 5xx on the post to uncertain (it may have posted), a 503 to unavailable, a 5xx on a read to unavailable', async () => {
    standin.failNext('POST /2/tweets', { status: 500, body: { title: 'Internal Server Error', type: 'about:blank', status: 500, detail: 'Internal Server Error' } });
    await expect(network.publish(org, post('Five hundred'))).rejects.toMatchObject({ kind: 'uncertain', details: { status: 500 } });
    standin.failNext('POST /2/tweets', { status: 502, contentType: 'text/html' });
    await expect(network.publish(org, post('Bad gateway page'))).rejects.toMatchObject({ kind: 'uncertain', details: { status: 502 } });
    standin.failNext('POST /2/tweets', { status: 503, body: { title: 'Service Unavailable', type: 'about:blank', status: 503, detail: 'Service Unavailable' } });
    await expect(network.publish(org, post('Over capacity'))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 503 } });
    standin.failNext('GET /2/users/me', { status: 500, body: { title: 'Internal Server Error', type: 'about:blank', status: 500 } });
    await expect(network.followers(org)).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
  });

  it('maps an API that cannot be reached to unavailable (nothing left this machine)', async () => {
    const gone = new XNetwork({ apiBaseUrl: `http://127.0.0.1:${await closedPort()}/`, timeoutMs: 400 });
    await expect(gone.publish(org, post('Nobody home'))).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('samePost', () => {
  it('expands t.co links, unescapes X’s entities, and ignores a scheme X added', () => {
    const tweet = { text: 'Read &amp; share: https://t.co/abc #Tag', entities: { urls: [{ start: 18, end: 37, url: 'https://t.co/abc', expanded_url: 'http://blueheart.example/x', display_url: 'blueheart.example/x', unwound_url: '' }] } } as never;
    expect(samePost(tweet, 'Read & share: blueheart.example/x #Tag')).toBe(true);
    expect(samePost(tweet, 'Read & share: blueheart.example/y #Tag')).toBe(false);
  });
});

/** A JPEG's first bytes (SOI, then an APP0 marker) padded to `bytes`. */
function jpegOf(bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  out.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  return out;
}
