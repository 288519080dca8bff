import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { facebookPageCredential, FacebookNetwork, GRAPH_API_VERSION } from '../../../functions/adapters/social/facebook-network.js';
import { SocialError, type AccountCredentials, type OutgoingPost } from '../../../functions/domain/social/ports.js';
import { graphError, startFacebookStandin, type FacebookStandin } from './facebook-standin.js';
import { gifOf, pngOf, startMediaSite, type MediaSite } from './media-site.js';
import { closedPort } from './standin-http.js';

/**
 * FacebookNetwork against a stand-in that answers like Meta's Graph API documentation says
 * (facebook-standin.ts): the request it sends for a Page post (message, link, the Page token,
 * the pinned version) and how it reads Graph's error objects (190, the rate limits with
 * X-Business-Use-Case-Usage, 506 duplicate, transient codes and 5xx, a timeout after the post
 * was stored, then findPost finding it), and how a post's photos go first, unpublished with
 * their alt text, for the post to attach.
 */
describe('FacebookNetwork', () => {
  let standin: FacebookStandin;
  let site: MediaSite;
  let network: FacebookNetwork;
  let page: AccountCredentials;
  let pageRecord: ReturnType<FacebookStandin['addPage']>;
  let counter = 0;
  const V = GRAPH_API_VERSION;
  const post = (text: string, media: OutgoingPost['media'] = []): OutgoingPost => ({ text, media, clientRef: `msg-1:org-fb-${++counter}` });
  const photo = (name: string, alt = 'A blue heart', bytes = pngOf(40, 40)): OutgoingPost['media'][number] => ({ url: site.put(name, { bytes, contentType: 'image/png' }), alt, contentType: 'image/png' });

  beforeAll(async () => {
    standin = await startFacebookStandin();
    site = await startMediaSite();
    network = new FacebookNetwork({ apiBaseUrl: standin.url, timeoutMs: 400 });
    pageRecord = standin.addPage({ id: '104729381234567', name: 'BlueHeartCampaign', followers: 152_300, token: 'EAAPage-token' });
    page = { handle: 'Blue Heart Campaign', token: facebookPageCredential({ pageId: '104729381234567', pageAccessToken: 'EAAPage-token' }) };
  });
  afterAll(async () => Promise.all([standin?.stop(), site?.stop()]));
  beforeEach(() => {
    standin.requests.length = 0;
  });

  it('posts to POST /{page-id}/feed with the message, its link and the Page token, on the pinned Graph version', async () => {
    const link = 'https://blueheart.example/en/campaigns/2026?utm_source=facebook&utm_medium=social&utm_campaign=world-day-2026';
    const outgoing = post(`Every person deserves freedom. #EndHumanTrafficking\n\n${link}`);
    const published = await network.publish(page, outgoing);

    const [create] = standin.seen(`POST /${V}/:page/feed`);
    expect(create!.path).toBe(`/${V}/104729381234567/feed`);
    expect(create!.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(create!.form).toEqual({ message: outgoing.text, link, access_token: 'EAAPage-token' });
    expect(create!.query).toEqual({});
    const stored = standin.postsOf(pageRecord).at(-1)!;
    expect(published).toEqual({ postId: stored.id, postUrl: `https://www.facebook.com/104729381234567/posts/${stored.id.split('_')[1]}` });
  });

  it('uploads each photo unpublished with its alt text (POST /{page-id}/photos), then posts attaching them (attached_media), the link left in the message', async () => {
    const link = 'https://blueheart.example/en/campaigns/2026?utm_source=facebook';
    const png = pngOf(1200, 630, 30_000);
    const gif = gifOf(400, 400, 2_000);
    const outgoing = post(`Two pictures for 30 July 💙\n\n${link}`, [
      photo('blue-heart-1a2b.png', 'A blue heart held in two hands', png),
      { url: site.put('heart.gif', { bytes: gif, contentType: 'image/gif' }), alt: 'A heart drawn in blue chalk', contentType: 'image/gif' },
    ]);
    const published = await network.publish(page, outgoing);

    expect(standin.requests.map((request) => request.route)).toEqual([`POST /${V}/:page/photos`, `POST /${V}/:page/photos`, `POST /${V}/:page/feed`]);
    const uploads = standin.seen(`POST /${V}/:page/photos`);
    expect(uploads[0]!.path).toBe(`/${V}/104729381234567/photos`);
    expect(uploads[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(uploads.map((upload) => upload.form)).toEqual([
      { published: 'false', alt_text_custom: 'A blue heart held in two hands', access_token: 'EAAPage-token' },
      { published: 'false', alt_text_custom: 'A heart drawn in blue chalk', access_token: 'EAAPage-token' },
    ]);
    expect(uploads[0]!.files!.source).toEqual({ filename: 'blue-heart-1a2b.png', type: 'image/png', bytes: Buffer.from(png) });
    expect(uploads[1]!.files!.source).toMatchObject({ filename: 'heart.gif', type: 'image/gif' });

    const stored = standin.postsOf(pageRecord).at(-1)!;
    expect(published.postId).toBe(stored.id);
    expect(stored.photos).toHaveLength(2);
    const [create] = standin.seen(`POST /${V}/:page/feed`);
    expect(create!.form).toEqual({
      message: outgoing.text,
      access_token: 'EAAPage-token',
      'attached_media[0]': JSON.stringify({ media_fbid: stored.photos[0] }),
      'attached_media[1]': JSON.stringify({ media_fbid: stored.photos[1] }),
    });
    expect(stored.photos.map((id) => standin.photos.get(id))).toMatchObject([
      { published: false, alt: 'A blue heart held in two hands', postId: stored.id },
      { published: false, alt: 'A heart drawn in blue chalk', postId: stored.id },
    ]);
  });

  it('refuses a photo larger than Facebook takes (4 MB), or a video, before anything is uploaded or posted', async () => {
    const outgoing = post('Too big', [photo('small.png'), photo('huge.png', 'Huge', pngOf(4000, 4000, 4_000_001))]);
    await expect(network.publish(page, outgoing)).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('more than the 4000000 the network takes') });
    const clip = { url: site.put('clip.mp4', { bytes: new Uint8Array(500), contentType: 'video/mp4' }), alt: '', contentType: 'video/mp4' };
    await expect(network.publish(page, post('A video', [clip]))).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('not video/mp4') });
    expect(standin.requests).toHaveLength(0);
  });

  it('maps a photo Facebook refuses to rejected, a throttled or failing upload to rate_limited or unavailable (nothing was posted), and posts nothing', async () => {
    const before = standin.postsOf(pageRecord).length;
    const route = `POST /${V}/:page/photos`;
    standin.failNext(route, { status: 400, body: graphError(324, '(#324) Missing or invalid image file') });
    await expect(network.publish(page, post('Refused', [photo('refused.png')]))).rejects.toMatchObject({ kind: 'rejected', message: expect.stringContaining('code 324') });
    standin.failNext(route, { status: 400, body: graphError(32, '(#32) Page request limit reached'), headers: { 'X-Business-Use-Case-Usage': JSON.stringify({ '104729381234567': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 5 }] }) } });
    await expect(network.publish(page, post('Throttled', [photo('throttled.png')]))).rejects.toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 5 * 60_000 } });
    standin.failNext(route, { status: 500, body: graphError(2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true }) });
    await expect(network.publish(page, post('Upload 500', [photo('five-hundred.png')]))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
    const slow = new FacebookNetwork({ apiBaseUrl: standin.url, timeoutMs: 400, uploadTimeoutMs: 200 });
    standin.failNext(route, { storeThenStallMs: 1_000 });
    await expect(slow.publish(page, post('Upload timeout', [photo('slow.png')]))).rejects.toMatchObject({ kind: 'unavailable' });
    expect(standin.seen(`POST /${V}/:page/feed`)).toHaveLength(0);
    expect(standin.postsOf(pageRecord)).toHaveLength(before);
  });

  it('an upload is not a post: a post that timed out after its photo is found by findPost, and a retry uploads again but posts once', async () => {
    const outgoing = post('Timed out with a picture 💙', [photo('late.png')]);
    standin.failNext(`POST /${V}/:page/feed`, { storeThenStallMs: 1_500 });
    await expect(network.publish(page, outgoing)).rejects.toMatchObject({ kind: 'uncertain' });
    const stored = standin.postsOf(pageRecord).at(-1)!;
    expect(stored.photos).toHaveLength(1);
    const found = await network.findPost(page, outgoing);
    expect(found?.postId).toBe(stored.id);
    expect(await network.publish(page, outgoing)).toEqual(found);
    expect(standin.seen(`POST /${V}/:page/photos`)).toHaveLength(2);
    expect(standin.postsOf(pageRecord).filter((candidate) => candidate.message === outgoing.text)).toHaveLength(1);
  });

  it('maps a timeout after Facebook stored the post to uncertain; findPost finds it among the Page posts, and a retry answers with it (506)', async () => {
    const outgoing = post('Hoy, 30 de julio: Día Mundial contra la Trata 💙 <Corazón Azul> & esperanza\n\nhttps://blueheart.example/es/campaigns/2026?utm_source=facebook');
    standin.failNext(`POST /${V}/:page/feed`, { storeThenStallMs: 1_500 });
    const error = (await network.publish(page, outgoing).catch((caught: unknown) => caught)) as SocialError;
    expect(error).toBeInstanceOf(SocialError);
    expect(error.kind).toBe('uncertain');
    const stored = standin.postsOf(pageRecord).at(-1)!;
    expect(stored.message).toBe(outgoing.text);

    const found = await network.findPost(page, outgoing);
    expect(found).toEqual({ postId: stored.id, postUrl: `https://www.facebook.com/BlueHeartCampaign/posts/pfbid0${stored.id.split('_')[1]}` });
    const [list] = standin.seen(`GET /${V}/:page/posts`);
    expect(list!.path).toBe(`/${V}/104729381234567/posts`);
    expect(list!.query).toEqual({ fields: 'id,message,permalink_url,created_time', limit: '25', access_token: 'EAAPage-token' });

    // Had the dispatcher retried without looking, Facebook's 506 leads to the same post.
    expect(await network.publish(page, outgoing)).toEqual(found);
    expect(standin.postsOf(pageRecord).filter((candidate) => candidate.message === outgoing.text)).toHaveLength(1);
  });

  it('maps a 506 whose post is not among the latest to uncertain (look again, never assume)', async () => {
    const outgoing = post('Wear blue on 30 July');
    await network.publish(page, outgoing);
    const blind = new FacebookNetwork({ apiBaseUrl: standin.url, timeoutMs: 400, recentPosts: 0 });
    const error = (await blind.publish(page, outgoing).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('uncertain');
    expect(error.message).toContain('duplicate');
  });

  it('findPost finds nothing when the Page has no such post', async () => {
    expect(await network.findPost(page, post('Never posted'))).toBeUndefined();
  });

  it('reads followers from GET /{page-id}?fields=followers_count', async () => {
    expect(await network.followers(page)).toBe(152_300);
    const [read] = standin.seen(`GET /${V}/:page`);
    expect(read!.query).toEqual({ fields: 'followers_count', access_token: 'EAAPage-token' });
  });

  it('maps 190 (expired or revoked token) and missing permissions to auth: a manager must reconnect the Page', async () => {
    const expired = { ...page, token: facebookPageCredential({ pageId: '104729381234567', pageAccessToken: 'EAA-expired' }) };
    await expect(network.publish(expired, post('Nope'))).rejects.toMatchObject({ kind: 'auth', details: { status: 400 } });
    await expect(network.followers(expired)).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('code 190/463') });
    standin.failNext(`POST /${V}/:page/feed`, { status: 403, body: graphError(200, '(#200) The user hasn\'t authorized the application to perform this action') });
    await expect(network.publish(page, post('No permission'))).rejects.toMatchObject({ kind: 'auth' });
    await expect(network.publish({ ...page, token: 'not json' }, post('Broken credential'))).rejects.toMatchObject({ kind: 'auth' });
  });

  it('maps the rate limits (32, 4, 17, 613, 80001) to rate_limited, waiting as X-Business-Use-Case-Usage estimates', async () => {
    standin.failNext(`POST /${V}/:page/feed`, {
      status: 400,
      body: graphError(32, '(#32) Page request limit reached'),
      headers: { 'X-Business-Use-Case-Usage': JSON.stringify({ '104729381234567': [{ type: 'pages', call_count: 100, total_cputime: 12, total_time: 30, estimated_time_to_regain_access: 17 }] }) },
    });
    const error = (await network.publish(page, post('Limited')).catch((caught: unknown) => caught)) as SocialError;
    expect(error).toMatchObject({ kind: 'rate_limited', details: { status: 400, retryAfterMs: 17 * 60_000 } });
    standin.failNext(`GET /${V}/:page`, { status: 400, body: graphError(4, '(#4) Application request limit reached', { is_transient: true }) });
    await expect(network.followers(page)).rejects.toMatchObject({ kind: 'rate_limited', details: { retryAfterMs: 60 * 60_000 } });
  });

  it("maps a refusal of the post itself to rejected, in Facebook's words", async () => {
    standin.failNext(`POST /${V}/:page/feed`, { status: 400, body: graphError(368, 'The action attempted has been deemed abusive or is otherwise disallowed', { error_subcode: 1390008, error_user_msg: 'You can’t post this because it has a blocked link.' }) });
    const error = (await network.publish(page, post('Blocked')).catch((caught: unknown) => caught)) as SocialError;
    expect(error.kind).toBe('rejected');
    expect(error.message).toContain('You can’t post this because it has a blocked link.');
  });

  it('maps codes 1 and 2 and a 5xx on the post to uncertain (it may have posted), a 503 to unavailable, a 500 on a read to unavailable', async () => {
    standin.failNext(`POST /${V}/:page/feed`, { status: 500, body: graphError(2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true }) });
    await expect(network.publish(page, post('Code 2'))).rejects.toMatchObject({ kind: 'uncertain', details: { status: 500 } });
    standin.failNext(`POST /${V}/:page/feed`, { status: 502, contentType: 'text/html' });
    await expect(network.publish(page, post('Bad gateway page'))).rejects.toMatchObject({ kind: 'uncertain', details: { status: 502 } });
    standin.failNext(`POST /${V}/:page/feed`, { status: 503, contentType: 'text/html', body: 'Service Unavailable' });
    await expect(network.publish(page, post('Maintenance'))).rejects.toMatchObject({ kind: 'unavailable', details: { status: 503 } });
    standin.failNext(`GET /${V}/:page`, { status: 500, body: graphError(1, 'An unknown error occurred') });
    await expect(network.followers(page)).rejects.toMatchObject({ kind: 'unavailable', details: { status: 500 } });
  });

  it('maps a Graph API that cannot be reached to unavailable (nothing left this machine)', async () => {
    const gone = new FacebookNetwork({ apiBaseUrl: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 400 });
    await expect(gone.publish(page, post('Nobody home'))).rejects.toMatchObject({ kind: 'unavailable' });
  });
});
