import type { AccountCredentials, OutgoingPost, PublishedPost, SocialNetwork } from '../../domain/social/ports.js';
import { SocialError } from '../../domain/social/ports.js';
import { postRefusedAsDuplicate } from './duplicate-refusal.js';
import { fetchAnswer, type HttpAnswer } from './http-answer.js';
import { isDuplicatePost, linkedInError, type LinkedInCall } from './linkedin-errors.js';
import { littleText, plainOfLittle } from './linkedin-text.js';
import { sameText } from './mastodon-text.js';

/**
 * The API version every call names (`LinkedIn-Version: YYYYMM`). LinkedIn supports a version for
 * at least a year after its release (https://learn.microsoft.com/linkedin/marketing/versioning);
 * 202605 runs until about mid-2027. Move it on before then.
 */
export const LINKEDIN_API_VERSION = '202605';
const LINKEDIN_API = 'https://api.linkedin.com';

/**
 * How an organisation's LinkedIn presence is connected (`AccountCredentials` as the connect flow
 * stores it): `handle` is the Page's (or person's) name, for people to read; the sealed `token` is
 * `linkedInCredential({ author, accessToken })`, JSON with the author URN the posts go out as —
 * `urn:li:organization:<id>` (a LinkedIn Page; the member who connected it must be one of its
 * administrators or content admins) or `urn:li:person:<id>` — and a member access token from
 * LinkedIn's OAuth 2.0 with `w_organization_social` and `r_organization_social` (Pages) or
 * `w_member_social` (a person). Access tokens last 60 days: a manager reconnects before then (the
 * dispatcher reports `auth` when one has run out).
 */
export interface LinkedInCredential {
  author: string;
  accessToken: string;
}

export const linkedInCredential = (credential: LinkedInCredential): string => JSON.stringify(credential);

const AUTHOR = /^urn:li:(organization|person):[A-Za-z0-9_-]+$/;

export function linkedInAuthorOf(token: string): LinkedInCredential {
  let parsed: Partial<LinkedInCredential>;
  try {
    parsed = JSON.parse(token) as Partial<LinkedInCredential>;
  } catch {
    throw new SocialError('auth', 'The LinkedIn credential is not readable: reconnect the account');
  }
  const { author, accessToken } = parsed;
  if (typeof author !== 'string' || !AUTHOR.test(author) || typeof accessToken !== 'string' || !accessToken) {
    throw new SocialError('auth', 'The LinkedIn credential lacks its author URN or access token: reconnect the account');
  }
  return { author, accessToken };
}

export interface LinkedInNetworkOptions {
  /** Per request (default 15 s). */
  timeoutMs?: number;
  /** How many of the author's latest posts findPost looks through (default 20, at most 100). */
  recentPosts?: number;
  /** Where the API is (default https://api.linkedin.com); the tests point it at a stand-in. */
  apiBaseUrl?: string;
  version?: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * LinkedIn's Posts API (https://learn.microsoft.com/linkedin/marketing/community-management/shares/posts-api)
 * with plain fetch, for the organisation's own Page: LinkedIn forbids posting on supporters'
 * behalf, so supporters get a share link by email (platform-rules.ts).
 *
 * Exactly once: the Posts API takes no idempotency key. After an attempt that had no answer,
 * findPost looks for this exact text among the author's latest posts (the `author` finder); a
 * publish that LinkedIn refuses as a duplicate (422 DUPLICATE_POST) looks for it too and returns
 * it (duplicate-refusal.ts).
 *
 * The text goes as `commentary` in LinkedIn's little format (linkedin-text.ts), its link as
 * written (LinkedIn links it; an article card would need a title, which messages do not carry).
 * Media: the media kit's images are not attached yet.
 */
export class LinkedInNetwork implements SocialNetwork {
  readonly platform = 'linkedin' as const;
  private readonly timeoutMs: number;
  private readonly recentPosts: number;
  private readonly api: string;
  private readonly version: string;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;

  constructor(options: LinkedInNetworkOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.recentPosts = Math.min(100, options.recentPosts ?? 20);
    this.api = `${(options.apiBaseUrl ?? LINKEDIN_API).replace(/\/+$/, '')}/rest`;
    this.version = options.version ?? LINKEDIN_API_VERSION;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => new Date());
  }

  /** POST /rest/posts → 201, the post's URN in the `x-restli-id` header. */
  async publish(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost> {
    const { author, accessToken } = linkedInAuthorOf(account.token);
    const body = {
      author,
      commentary: littleText(post.text),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    const answer = await this.call('post', `${this.api}/posts`, { method: 'POST', headers: { ...this.headers(accessToken), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (answer.status >= 400) {
      if (!isDuplicatePost(answer)) throw linkedInError(answer, 'post', this.now());
      return postRefusedAsDuplicate('LinkedIn', 'DUPLICATE_POST', () => this.findPost(account, post));
    }
    const urn = answer.headers.get('x-restli-id');
    // Created without saying what: the next attempt looks first.
    if (!urn) throw new SocialError('uncertain', `LinkedIn answered ${answer.status} without the post's id`);
    return publishedOf(urn);
  }

  /** GET /rest/posts?author={urn}&q=author: the author's latest posts, newest first. */
  async findPost(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost | undefined> {
    const { author, accessToken } = linkedInAuthorOf(account.token);
    const query = new URLSearchParams({ author, q: 'author', count: String(this.recentPosts), sortBy: 'LAST_MODIFIED' });
    const answer = await this.read(`${this.api}/posts?${query}`, accessToken, { 'X-RestLi-Method': 'FINDER' });
    const posts = ((answer.body as { elements?: unknown }).elements ?? []) as Array<{ id: string; commentary?: string }>;
    const found = posts.find((candidate) => typeof candidate.commentary === 'string' && sameText(plainOfLittle(candidate.commentary), post.text));
    return found && publishedOf(found.id);
  }

  /**
   * A Page's followers from the network-size edge `COMPANY_FOLLOWED_BY_MEMBER`
   * (GET /rest/networkSizes/{organization URN}, "Retrieve Organization Follower Count": one
   * number, `firstDegreeSize`; organizationalEntityFollowerStatistics would give the same total
   * split by seniority, industry and country, more than reach needs). A person's from
   * GET /rest/memberFollowersCount?q=me (needs `r_member_profileAnalytics`).
   */
  async followers(account: AccountCredentials): Promise<number> {
    const { author, accessToken } = linkedInAuthorOf(account.token);
    if (author.startsWith('urn:li:organization:')) {
      const answer = await this.read(`${this.api}/networkSizes/${encodeURIComponent(author)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`, accessToken);
      const size = (answer.body as { firstDegreeSize?: unknown }).firstDegreeSize;
      return typeof size === 'number' ? size : 0;
    }
    const answer = await this.read(`${this.api}/memberFollowersCount?q=me`, accessToken);
    const count = ((answer.body as { elements?: Array<{ memberFollowersCount?: unknown }> }).elements ?? [])[0]?.memberFollowersCount;
    return typeof count === 'number' ? count : 0;
  }

  private headers(accessToken: string): Record<string, string> {
    return { Authorization: `Bearer ${accessToken}`, 'LinkedIn-Version': this.version, 'X-Restli-Protocol-Version': '2.0.0' };
  }

  private async read(url: string, accessToken: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const answer = await this.call('read', url, { method: 'GET', headers: { ...this.headers(accessToken), ...headers } });
    if (answer.status >= 400) throw linkedInError(answer, 'read', this.now());
    return answer;
  }

  private async call(kind: LinkedInCall, url: string, init: RequestInit): Promise<HttpAnswer> {
    try {
      return await fetchAnswer(this.fetch, url, init, this.timeoutMs);
    } catch (error) {
      throw linkedInError(error, kind, this.now());
    }
  }
}

/** `urn:li:share:…` or `urn:li:ugcPost:…` → the post on LinkedIn. */
const publishedOf = (urn: string): PublishedPost => ({ postId: urn, postUrl: `https://www.linkedin.com/feed/update/${urn}/` });
