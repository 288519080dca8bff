import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { facebookPageCredential, FacebookNetwork, GRAPH_API_VERSION } from '../../../functions/adapters/social/facebook-network.js';
import { SocialError, type AccountCredentials, type OutgoingPost } from '../../../functions/domain/social/ports.js';
import { graphError, startFacebookStandin, type FacebookStandin } from './facebook-standin.js';
import { closedPort } from './standin-http.js';

/**
 * FacebookNetwork against a stand-in that answers like Meta's Graph API documentation says
 * (facebook-standin.ts): the request it sends for a Page post (message, link, the Page token,
 * the pinned version) and how it reads Graph's error objects (190, the rate limits with
 * X-Business-Use-Case-Usage, 506 duplicate, transient codes and 5xx, a timeout after the post
 * was stored, then findPost finding it).
 */
describe('FacebookNetwork', () => {
  let standin: FacebookStandin;
  let network: FacebookNetwork;
  let page: AccountCredentials;
  let pageRecord: ReturnType<FacebookStandin['addPage']>;
  let counter = 0;
  const V = GRAPH_API_VERSION;
  const post = (text: string): OutgoingPost => ({ text, media: [], clientRef: `msg-1:org-fb-${++counter}` });

  beforeAll(async () => {
    standin = await startFacebookStandin();
    network = new FacebookNetwork({ apiBaseUrl: standin.url, timeoutMs: 400 });
    pageRecord = standin.addPage({ id: '104729381234567', name: 'BlueHeartCampaign', followers: 152_300, token: 'EAAPage-token' });
    page = { handle: 'Blue Heart Campaign', token: facebookPageCredential({ pageId: '104729381234567', pageAccessToken: 'EAAPage-token' }) };
  });
  afterAll(async () => standin?.stop());
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
