import type { AccountCredentials, OutgoingPost, PublishedPost, SocialNetwork } from '../../domain/social/ports.js';
import { SocialError } from '../../domain/social/ports.js';
import { postRefusedAsDuplicate } from './duplicate-refusal.js';
import { fetchMedia, loadPostMedia, type MediaLoader } from './fetch-media.js';
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

/** What the Images API takes: JPG, GIF, PNG. A video goes through the Videos API, which this adapter does not post. */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif']);

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
  /** Per image upload, which carries the file, and per download of one (default 60 s). */
  uploadTimeoutMs?: number;
  /** Reads a media kit file to upload (default: `fetchMedia`, a GET of its public URL within the size LinkedIn takes). */
  loadMedia?: MediaLoader;
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
 * Images: every file is read first (so a file that cannot go is refused before anything is
 * uploaded), each is uploaded through the Images API, and the post names them with their alt
 * text (`content.media` for one, `content.multiImage` for several). An uploaded image is not a
 * post: an attempt that fails after uploading leaves images no post uses, and the next one
 * uploads again.
 */
export class LinkedInNetwork implements SocialNetwork {
  readonly platform = 'linkedin' as const;
  private readonly timeoutMs: number;
  private readonly uploadTimeoutMs: number;
  private readonly recentPosts: number;
  private readonly api: string;
  private readonly version: string;
  private readonly fetch: typeof fetch;
  private readonly loadMedia: MediaLoader;
  private readonly now: () => Date;

  constructor(options: LinkedInNetworkOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? 60_000;
    this.loadMedia = options.loadMedia ?? fetchMedia;
    this.recentPosts = Math.min(100, options.recentPosts ?? 20);
    this.api = `${(options.apiBaseUrl ?? LINKEDIN_API).replace(/\/+$/, '')}/rest`;
    this.version = options.version ?? LINKEDIN_API_VERSION;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => new Date());
  }

  /**
   * POST /rest/posts → 201, the post's URN in the `x-restli-id` header. Images as the Posts API's
   * content types say: one as `content.media` `{ id, altText }` ("Image" posts), 2 to 20 as
   * `content.multiImage.images` ("MultiImage" posts,
   * https://learn.microsoft.com/linkedin/marketing/community-management/shares/multiimage-post-api).
   */
  async publish(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost> {
    const { author, accessToken } = linkedInAuthorOf(account.token);
    const images = await this.uploadImages(author, accessToken, post.media);
    const body = {
      author,
      commentary: littleText(post.text),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      ...(images.length === 1 ? { content: { media: images[0] } } : images.length > 1 ? { content: { multiImage: { images } } } : {}),
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

  /**
   * Each image through the Images API
   * (https://learn.microsoft.com/linkedin/marketing/community-management/shares/images-api):
   * POST /rest/images?action=initializeUpload with `{ initializeUploadRequest: { owner } }` (the
   * post's author) → `{ value: { uploadUrl, image } }`, then a PUT of the bytes to `uploadUrl`
   * with the same token (201). The image's URN goes in the post, with the alt text as `altText`.
   */
  private async uploadImages(author: string, accessToken: string, media: OutgoingPost['media']): Promise<Array<{ id: string; altText?: string }>> {
    const other = media.find((item) => !IMAGE_TYPES.has(item.contentType));
    if (other) throw new SocialError('rejected', `A LinkedIn post takes images (JPEG, PNG, GIF) from this platform, not ${other.contentType}`);
    const files = await loadPostMedia('linkedin', media, this.loadMedia, this.uploadTimeoutMs);
    const images: Array<{ id: string; altText?: string }> = [];
    for (const { media: item, bytes } of files) {
      const started = await this.call('media', `${this.api}/images?action=initializeUpload`, {
        method: 'POST',
        headers: { ...this.headers(accessToken), 'Content-Type': 'application/json' },
        body: JSON.stringify({ initializeUploadRequest: { owner: author } }),
      });
      if (started.status >= 400) throw linkedInError(started, 'media', this.now());
      const { uploadUrl, image } = ((started.body as { value?: { uploadUrl?: unknown; image?: unknown } }).value ?? {}) as { uploadUrl?: unknown; image?: unknown };
      // Nothing was posted: an answer without them is LinkedIn's trouble, tried again later.
      if (typeof uploadUrl !== 'string' || typeof image !== 'string') throw new SocialError('unavailable', 'LinkedIn answered the image upload without its upload URL or image URN');
      const put = await this.call('media', uploadUrl, { method: 'PUT', headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': item.contentType }, body: bytes }, this.uploadTimeoutMs);
      if (put.status >= 400) throw linkedInError(put, 'media', this.now());
      images.push({ id: image, ...(item.alt ? { altText: item.alt } : {}) });
    }
    return images;
  }

  private headers(accessToken: string): Record<string, string> {
    return { Authorization: `Bearer ${accessToken}`, 'LinkedIn-Version': this.version, 'X-Restli-Protocol-Version': '2.0.0' };
  }

  private async read(url: string, accessToken: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const answer = await this.call('read', url, { method: 'GET', headers: { ...this.headers(accessToken), ...headers } });
    if (answer.status >= 400) throw linkedInError(answer, 'read', this.now());
    return answer;
  }

  private async call(kind: LinkedInCall, url: string, init: RequestInit, timeoutMs = this.timeoutMs): Promise<HttpAnswer> {
    try {
      return await fetchAnswer(this.fetch, url, init, timeoutMs);
    } catch (error) {
      throw linkedInError(error, kind, this.now());
    }
  }
}

/** `urn:li:share:…` or `urn:li:ugcPost:…` → the post on LinkedIn. */
const publishedOf = (urn: string): PublishedPost => ({ postId: urn, postUrl: `https://www.linkedin.com/feed/update/${urn}/` });
