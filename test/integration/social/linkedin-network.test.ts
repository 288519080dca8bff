import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkedInCredential, LinkedInNetwork, LINKEDIN_API_VERSION } from '../../../functions/adapters/social/linkedin-network.js';
import { littleText, plainOfLittle } from '../../../functions/adapters/social/linkedin-text.js';
import { SocialError, type AccountCredentials, type OutgoingPost } from '../../../functions/domain/social/ports.js';
import { startLinkedInStandin, type LinkedInStandin } from './linkedin-standin.js';
import { gifOf, pngOf, startMediaSite, type MediaSite } from './media-site.js';
import { closedPort } from './standin-http.js';

/**
 * LinkedInNetwork against a stand-in that answers like LinkedIn's Posts API documentation says
 * (linkedin-standin.ts): the post it creates for an organization (author URN, little-escaped
 * commentary the stand-in cuts at an unescaped character as LinkedIn does, visibility,
 * distribution, the version headers), the URN from `x-restli-id`, and how it reads the answers
 * (401, 403, 429 without Retry-After, 422 DUPLICATE_POST, 5xx, a timeout after the post was
 * stored), and how a post's images go first through the Images API and into the post with their
 * alt text.
 */
describe('LinkedInNetwork', () => {
  const ORG = 'urn:li:organization:2414183';
  let standin: LinkedInStandin;
  let site: MediaSite;
  let network: LinkedInNetwork;
  let page: AccountCredentials;
  let counter = 0;
  const post = (text: string, media: OutgoingPost['media'] = []): OutgoingPost => ({ text, media, clientRef: `msg-1:org-li-${++counter}` });
  const image = (name: string, alt = 'A blue heart', bytes = pngOf(40, 40)): OutgoingPost['media'][number] => ({ url: site.put(name, { bytes, contentType: 'image/png' }), alt, contentType: 'image/png' });

  beforeAll(async () => {
    standin = await startLinkedInStandin({ version: LINKEDIN_API_VERSION });
    site = await startMediaSite();
    network = new LinkedInNetwork({ apiBaseUrl: standin.url, timeoutMs: 400 });
    standin.addMember({ token: 'AQX-member-token', administers: [ORG] });
    standin.addOrganization(ORG, 23_456);
    page = { handle: 'Blue Heart Campaign', token: linkedInCredential({ author: ORG, accessToken: 'AQX-member-token' }) };
  });
  afterAll(async () => Promise.all([standin?.stop(), site?.stop()]));
  beforeEach(() => {
    standin.requests.length = 0;
  });

  it('creates a public post for the organization with POST /rest/posts, escaped as little text, and reads its URN from x-restli-id', async () => {
    const outgoing = post('Trafficking (in all its forms) ends when we act_together: 30 July #EndHumanTrafficking\n\nhttps://blueheart.example/en/campaigns/2026?utm_source=linkedin&utm_medium=social&utm_campaign=world-day-2026#pledge');
    const published = await network.publish(page, outgoing);

    const [create] = standin.seen('POST /rest/posts');
    expect(create!.headers).toMatchObject({ authorization: 'Bearer AQX-member-token', 'linkedin-version': LINKEDIN_API_VERSION, 'x-restli-protocol-version': '2.0.0' });
    expect(create!.headers['content-type']).toMatch(/^application\/json/);
    expect(create!.json).toEqual({
      author: ORG,
      commentary: littleText(outgoing.text),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
    const stored = standin.postsOf(ORG).at(-1)!;
    // LinkedIn shows the whole text: nothing was cut at a bracket, an underscore or the link's '#'.
    expect(stored.shown).toBe(outgoing.text);
    expect(published).toEqual({ postId: stored.urn, postUrl: `https://www.linkedin.com/feed/update/${stored.urn}/` });
  });

  it('uploads an image through the Images API (initializeUpload, then a PUT of the bytes) and posts it as content.media with its alt text', async () => {
    const png = pngOf(1200, 627, 30_000);
    const outgoing = post('Wear blue on 30 July #EndHumanTrafficking', [image('blue-heart-1a2b.png', 'A blue heart held in two hands', png)]);
    const published = await network.publish(page, outgoing);

    expect(standin.requests.map((request) => request.route)).toEqual(['POST /rest/images', 'PUT /dms-uploads/:upload', 'POST /rest/posts']);
    const [start, upload] = standin.requests;
    expect(start!.query).toEqual({ action: 'initializeUpload' });
    expect(start!.headers).toMatchObject({ authorization: 'Bearer AQX-member-token', 'linkedin-version': LINKEDIN_API_VERSION, 'x-restli-protocol-version': '2.0.0' });
    expect(start!.json).toEqual({ initializeUploadRequest: { owner: ORG } });
    const urn = [...standin.images.keys()].at(-1)!;
    expect(upload!.path).toBe(`/dms-uploads/${standin.images.get(urn)!.uploadToken}/uploadedImage/0`);
    expect(upload!.headers).toMatchObject({ authorization: 'Bearer AQX-member-token', 'content-type': 'image/png' });
    expect(upload!.bytes).toEqual(Buffer.from(png));

    const [create] = standin.seen('POST /rest/posts');
    expect(create!.json).toMatchObject({ author: ORG, commentary: littleText(outgoing.text), content: { media: { id: urn, altText: 'A blue heart held in two hands' } }, lifecycleState: 'PUBLISHED' });
    expect(standin.postsOf(ORG).at(-1)!.urn).toBe(published.postId);
    expect(standin.images.get(urn)).toMatchObject({ owner: ORG, type: 'image/png' });
  });

  it('posts 2 to 4 images as content.multiImage, in order, each with its alt text (none when the variant has none)', async () => {
    const outgoing = post('Three pictures', [
      image('one.png', 'A march in Nairobi'),
      { url: site.put('two.gif', { bytes: gifOf(300, 300, 900), contentType: 'image/gif' }), alt: '', contentType: 'image/gif' },
      image('three.png', 'A poster on a bus stop'),
    ]);
    await network.publish(page, outgoing);
    const urns = [...standin.images.keys()].slice(-3);
    expect(standin.seen('PUT /dms-uploads/:upload')).toHaveLength(3);
    expect(standin.seen('POST /rest/posts')[0]!.json!.content).toEqual({
      multiImage: { images: [{ id: urns[0], altText: 'A march in Nairobi' }, { id: urns[1] }, { id: urns[2], altText: 'A poster on a bus stop' }] },
    });
    expect(urns.map((urn) => standin.images.get(urn)!.type)).toEqual(['image/png', 'image/gif', 'image/png']);
  });

  it('refuses a file the media kit says is not what it is, or a video, before anything is uploaded or posted', async () => {
    const wrong = { url: site.put('not-a-png.png', { bytes: gifOf(2, 2), contentType: 'image/gif' }), alt: 'x', contentType: 'image/png' };
    await expect(network.publish(page, post('Wrong type', [image('fine.png'), wrong]))).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('is image/gif, not the image/png') });
    const clip = { url: site.put('clip.mp4', { bytes: new Uint8Array(500), contentType: 'video/mp4' }), alt: '', contentType: 'video/mp4' };
    await expect(network.publish(page, post('A video', [clip]))).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('not video/mp4') });
    expect(standin.requests).toHaveLength(0);
  });

  it('maps an image LinkedIn refuses to rejected, a 429 or 5xx on an upload to rate_limited or unavailable (nothing was posted), and posts nothing', async () => {
    const before = standin.postsOf(ORG).length;
    // The media kit said PNG and served one, but the bytes are no image LinkedIn takes.
    const webp = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 '), ...new Uint8Array(30)]);
    const fake = { url: site.put('fake.png', { bytes: webp, contentType: 'image/png' }), alt: 'x', contentType: 'image/png' };
    await expect(network.publish(page, post('Refused', [fake]))).rejects.toMatchObject({ kind: 'rejected', details: { status: 400 } });
    standin.failNext('POST /rest/images', { status: 429, body: { status: 429, message: 'Too Many Requests' }, headers: { 'Retry-After': '120' } });
    await expect(network.publish(page, post('Limited', [image('limited.png')]))).rejects.toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 120_000 } });
    standin.failNext('POST /rest/images', { status: 500, body: { status: 500, message: 'Internal Server Error' } });
    await expect(network.publish(page, post('Start 500', [image('start.png')]))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
    standin.failNext('PUT /dms-uploads/:upload', { status: 502, contentType: 'text/html' });
    await expect(network.publish(page, post('Upload 502', [image('upload.png')]))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 502 } });
    const slow = new LinkedInNetwork({ apiBaseUrl: standin.url, timeoutMs: 400, uploadTimeoutMs: 200 });
    standin.failNext('PUT /dms-uploads/:upload', { storeThenStallMs: 1_000 });
    await expect(slow.publish(page, post('Upload timeout', [image('slow.png')]))).rejects.toMatchObject({ kind: 'unavailable' });
    expect(standin.seen('POST /rest/posts')).toHaveLength(0);
    expect(standin.postsOf(ORG)).toHaveLength(before);
  });

  it('an upload is not a post: a post that timed out after its image is found by findPost, and a retry uploads again but posts once', async () => {
    const outgoing = post('Timed out with a picture 💙', [image('late.png')]);
    standin.failNext('POST /rest/posts', { storeThenStallMs: 1_500 });
    await expect(network.publish(page, outgoing)).rejects.toMatchObject({ kind: 'uncertain' });
    const stored = standin.postsOf(ORG).at(-1)!;
    expect(stored.body.content).toMatchObject({ media: { id: expect.stringMatching(/^urn:li:image:/) } });
    const found = await network.findPost(page, outgoing);
    expect(found?.postId).toBe(stored.urn);
    expect(await network.publish(page, outgoing)).toEqual(found);
    expect(standin.seen('PUT /dms-uploads/:upload')).toHaveLength(2);
    expect(standin.postsOf(ORG).filter((candidate) => candidate.shown === outgoing.text)).toHaveLength(1);
  });

  it('maps a timeout after LinkedIn stored the post to uncertain; findPost finds it with the author finder, and a retry answers with it (422 DUPLICATE_POST)', async () => {
    const outgoing = post('معًا ضد الاتجار بالبشر 💙 <قلب أزرق> & الأمل #EndHumanTrafficking\n\nhttps://blueheart.example/ar/campaigns/2026?utm_source=linkedin');
    standin.failNext('POST /rest/posts', { storeThenStallMs: 1_500 });
    const error = (await network.publish(page, outgoing).catch((caught: unknown) => caught)) as SocialError;
    expect(error).toBeInstanceOf(SocialError);
    expect(error.kind).toBe('uncertain');
    const stored = standin.postsOf(ORG).at(-1)!;
    expect(stored.shown).toBe(outgoing.text);

    const found = await network.findPost(page, outgoing);
    expect(found).toEqual({ postId: stored.urn, postUrl: `https://www.linkedin.com/feed/update/${stored.urn}/` });
    const [finder] = standin.seen('GET /rest/posts');
    expect(finder!.query).toEqual({ author: ORG, q: 'author', count: '20', sortBy: 'LAST_MODIFIED' });
    expect(finder!.headers['x-restli-method']).toBe('FINDER');

    expect(await network.publish(page, outgoing)).toEqual(found);
    expect(standin.postsOf(ORG).filter((candidate) => candidate.shown === outgoing.text)).toHaveLength(1);
  });

  it('maps a duplicate whose post is not among the latest to uncertain (look again, never assume)', async () => {
    const outgoing = post('Wear blue on 30 July');
    await network.publish(page, outgoing);
    const blind = new LinkedInNetwork({ apiBaseUrl: standin.url, timeoutMs: 400, recentPosts: 0 });
    const error = (await blind.publish(page, outgoing).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('uncertain');
    expect(error.message).toContain('DUPLICATE_POST');
  });

  it('findPost finds nothing when the author has no such post', async () => {
    expect(await network.findPost(page, post('Never posted'))).toBeUndefined();
  });

  it("reads an organization's followers from networkSizes (COMPANY_FOLLOWED_BY_MEMBER)", async () => {
    expect(await network.followers(page)).toBe(23_456);
    const [size] = standin.seen('GET /rest/networkSizes/:urn');
    expect(size!.path).toBe('/rest/networkSizes/urn%3Ali%3Aorganization%3A2414183');
    expect(size!.query).toEqual({ edgeType: 'COMPANY_FOLLOWED_BY_MEMBER' });
  });

  it('maps 401 and 403 to auth: a manager must reconnect (or regain the Page role)', async () => {
    const expired = { ...page, token: linkedInCredential({ author: ORG, accessToken: 'expired' }) };
    await expect(network.publish(expired, post('Nope'))).rejects.toMatchObject({ kind: 'auth', details: { status: 401 } });
    await expect(network.followers(expired)).rejects.toMatchObject({ kind: 'auth' });
    const notAdmin = { ...page, token: linkedInCredential({ author: 'urn:li:organization:999', accessToken: 'AQX-member-token' }) };
    await expect(network.publish(notAdmin, post('Not my Page'))).rejects.toMatchObject({ kind: 'auth', details: { status: 403 }, message: expect.stringContaining('ACCESS_DENIED') });
    await expect(network.publish({ ...page, token: linkedInCredential({ author: 'organization 5', accessToken: 'x' }) }, post('Bad URN'))).rejects.toMatchObject({ kind: 'auth' });
  });

  it('maps 429 to rate_limited: Retry-After when LinkedIn sends one, else until the daily limits reset at midnight UTC', async () => {
    const now = new Date('2026-07-30T21:15:00Z');
    const clocked = new LinkedInNetwork({ apiBaseUrl: standin.url, timeoutMs: 400, now: () => now });
    standin.failNext('POST /rest/posts', { status: 429, body: { status: 429, message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.' } });
    await expect(clocked.publish(page, post('Limited'))).rejects.toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterMs: (2 * 60 + 45) * 60_000 } });
    standin.failNext('POST /rest/posts', { status: 429, body: { status: 429, message: 'Too Many Requests' }, headers: { 'Retry-After': '90' } });
    await expect(clocked.publish(page, post('Limited briefly'))).rejects.toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 90_000 } });
  });

  it("maps another 4xx to rejected, in LinkedIn's words", async () => {
    standin.failNext('POST /rest/posts', { status: 422, body: { status: 422, message: 'ERROR :: /commentary :: length of 3001 exceeds the maximum allowed length 3000' } });
    const error = (await network.publish(page, post('Too long')).catch((caught: unknown) => caught)) as SocialError;
    expect(error).toMatchObject({ kind: 'rejected', details: { status: 422 } });
    expect(error.message).toContain('exceeds the maximum allowed length 3000');
  });

  it('maps a 5xx on the post to uncertain (it may have posted), a 503 to unavailable, a 500 on a read to unavailable', async () => {
    standin.failNext('POST /rest/posts', { status: 500, body: { status: 500, message: 'Internal Server Error' } });
    await expect(network.publish(page, post('Five hundred'))).rejects.toMatchObject({ kind: 'uncertain', details: { status: 500 } });
    standin.failNext('POST /rest/posts', { status: 504, contentType: 'text/html' });
    await expect(network.publish(page, post('Gateway timeout'))).rejects.toMatchObject({ kind: 'uncertain', details: { status: 504 } });
    standin.failNext('POST /rest/posts', { status: 503, body: { status: 503, message: 'Service Unavailable' } });
    await expect(network.publish(page, post('Maintenance'))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 503 } });
    standin.failNext('GET /rest/networkSizes/:urn', { status: 500, body: { status: 500, message: 'Internal Server Error' } });
    await expect(network.followers(page)).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
  });

  it('maps an API that cannot be reached to unavailable (nothing left this machine)', async () => {
    const gone = new LinkedInNetwork({ apiBaseUrl: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 400 });
    await expect(gone.publish(page, post('Nobody home'))).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('little text', () => {
  it('escapes every reserved character but hashtags, and reads back to the same text', () => {
    const text = 'A (brief) note_with *stars* ~ @you [1] {x} | <b> \\ #EndHumanTrafficking #Día30 https://x.example/a_b?c=(d)#frag';
    const little = littleText(text);
    expect(little).toBe('A \\(brief\\) note\\_with \\*stars\\* \\~ \\@you \\[1\\] \\{x\\} \\| \\<b\\> \\\\ #EndHumanTrafficking #Día30 https://x.example/a\\_b?c=\\(d\\)\\#frag');
    expect(plainOfLittle(little)).toBe(text);
    expect(plainOfLittle('Join {hashtag|\\#|BlueHeart} with @[Blue Heart](urn:li:organization:1)')).toBe('Join #BlueHeart with Blue Heart');
  });
});
