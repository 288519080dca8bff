import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkedInCredential, LinkedInNetwork, LINKEDIN_API_VERSION } from '../../../functions/adapters/social/linkedin-network.js';
import { littleText, plainOfLittle } from '../../../functions/adapters/social/linkedin-text.js';
import { SocialError, type AccountCredentials, type OutgoingPost } from '../../../functions/domain/social/ports.js';
import { startLinkedInStandin, type LinkedInStandin } from './linkedin-standin.js';
import { closedPort } from './standin-http.js';

/**
 * LinkedInNetwork against a stand-in that answers like LinkedIn's Posts API documentation says
 * (linkedin-standin.ts): the post it creates for an organization (author URN, little-escaped
 * commentary the stand-in cuts at an unescaped character as LinkedIn does, visibility,
 * distribution, the version headers), the URN from `x-restli-id`, and how it reads the answers
 * (401, 403, 429 without Retry-After, 422 DUPLICATE_POST, 5xx, a timeout after the post was stored).
 */
describe('LinkedInNetwork', () => {
  const ORG = 'urn:li:organization:2414183';
  let standin: LinkedInStandin;
  let network: LinkedInNetwork;
  let page: AccountCredentials;
  let counter = 0;
  const post = (text: string): OutgoingPost => ({ text, media: [], clientRef: `msg-1:org-li-${++counter}` });

  beforeAll(async () => {
    standin = await startLinkedInStandin({ version: LINKEDIN_API_VERSION });
    network = new LinkedInNetwork({ apiBaseUrl: standin.url, timeoutMs: 400 });
    standin.addMember({ token: 'AQX-member-token', administers: [ORG] });
    standin.addOrganization(ORG, 23_456);
    page = { handle: 'Blue Heart Campaign', token: linkedInCredential({ author: ORG, accessToken: 'AQX-member-token' }) };
  });
  afterAll(async () => standin?.stop());
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
