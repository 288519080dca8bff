import type { AccountCredentials, OutgoingPost, PublishedPost, SocialNetwork } from '../../domain/social/ports.js';
import { SocialError } from '../../domain/social/ports.js';
import { postRefusedAsDuplicate } from './duplicate-refusal.js';
import { facebookError, isDuplicatePost, type FacebookCall } from './facebook-errors.js';
import { fetchMedia, loadPostMedia, mediaFileName, type MediaLoader } from './fetch-media.js';
import { fetchAnswer, type HttpAnswer } from './http-answer.js';
import { sameText } from './mastodon-text.js';

/**
 * The Graph API version every call names. Pinned, because Graph changes behaviour per version:
 * v25.0 (February 2026) is available until July 2028
 * (https://developers.facebook.com/docs/graph-api/changelog/versions/). Move it on before then.
 */
export const GRAPH_API_VERSION = 'v25.0';
const GRAPH_API = 'https://graph.facebook.com';

/** What a Page post takes as photos (https://developers.facebook.com/docs/graph-api/reference/page/photos/). A video goes through /{page-id}/videos, which this adapter does not post. */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/**
 * How an organisation's Facebook Page is connected (`AccountCredentials` as the connect flow
 * stores it): `handle` is the Page's name or @username, for people to read; the sealed `token` is
 * `facebookPageCredential({ pageId, pageAccessToken })`, JSON with the Page's id and a Page
 * access token with `pages_manage_posts` and `pages_read_engagement` (a long-lived one, derived
 * from a long-lived user token, does not expire until the user loses the Page or changes their
 * password).
 */
export interface FacebookPageCredential {
  pageId: string;
  pageAccessToken: string;
}

export const facebookPageCredential = (credential: FacebookPageCredential): string => JSON.stringify(credential);

export function facebookPageOf(token: string): FacebookPageCredential {
  let parsed: Partial<FacebookPageCredential>;
  try {
    parsed = JSON.parse(token) as Partial<FacebookPageCredential>;
  } catch {
    throw new SocialError('auth', 'The Facebook Page credential is not readable: reconnect the Page');
  }
  const { pageId, pageAccessToken } = parsed;
  if (typeof pageId !== 'string' || !/^\d+$/.test(pageId) || typeof pageAccessToken !== 'string' || !pageAccessToken) {
    throw new SocialError('auth', 'The Facebook Page credential lacks the Page id or its access token: reconnect the Page');
  }
  return { pageId, pageAccessToken };
}

export interface FacebookNetworkOptions {
  /** Per request (default 15 s). */
  timeoutMs?: number;
  /** Per photo upload, which carries the file, and per download of one (default 60 s). */
  uploadTimeoutMs?: number;
  /** Reads a media kit file to upload (default: `fetchMedia`, a GET of its public URL within Facebook's size for its type). */
  loadMedia?: MediaLoader;
  /** How many of the Page's latest posts findPost looks through (default 25, at most 100). */
  recentPosts?: number;
  /** Where the Graph API is (default https://graph.facebook.com); the tests point it at a stand-in. */
  apiBaseUrl?: string;
  version?: string;
  fetch?: typeof fetch;
  now?: () => Date;
}

/**
 * A Facebook Page through the Graph API, with plain fetch (Meta's Node SDK is for the Marketing
 * API). Only the organisation's own Pages: Facebook forbids posting on supporters' behalf, so
 * supporters get a share link by email (platform-rules.ts).
 *
 * Exactly once: Graph takes no idempotency key. After an attempt that had no answer, findPost
 * looks for this exact message among the Page's latest posts; a publish that Facebook refuses as
 * a duplicate (506) looks for it too and returns it (duplicate-refusal.ts).
 *
 * The post is the text as `message`, and its last link as `link` (Facebook shows the page's
 * preview card) when it has no photos. Photos: every file is read first (within Facebook's size
 * for its type, so a file it would refuse is refused before anything is uploaded), each is
 * uploaded unpublished with its alt text, and the post attaches them (`attached_media`); the
 * link then stays in the message, where Facebook links it. An unpublished photo is not a post:
 * an attempt that fails after uploading leaves photos no post shows, and the next one uploads again.
 */
export class FacebookNetwork implements SocialNetwork {
  readonly platform = 'facebook' as const;
  private readonly timeoutMs: number;
  private readonly uploadTimeoutMs: number;
  private readonly recentPosts: number;
  private readonly api: string;
  private readonly fetch: typeof fetch;
  private readonly loadMedia: MediaLoader;
  private readonly now: () => Date;

  constructor(options: FacebookNetworkOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? 60_000;
    this.loadMedia = options.loadMedia ?? fetchMedia;
    this.recentPosts = Math.min(100, options.recentPosts ?? 25);
    this.api = `${(options.apiBaseUrl ?? GRAPH_API).replace(/\/+$/, '')}/${options.version ?? GRAPH_API_VERSION}`;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => new Date());
  }

  /**
   * POST /{page-id}/feed → `{ id: "{page-id}_{post-id}" }` (https://developers.facebook.com/docs/pages-api/posts),
   * with `attached_media[i]={"media_fbid":"{photo-id}"}` for each photo (the Page Feed reference's
   * `attached_media`, https://developers.facebook.com/docs/graph-api/reference/page/feed/).
   */
  async publish(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost> {
    const page = facebookPageOf(account.token);
    const photos = await this.uploadPhotos(page, post.media);
    const link = [...post.text.matchAll(/https?:\/\/\S+/g)].at(-1)?.[0];
    const form = new URLSearchParams({ message: post.text, ...(link && !photos.length ? { link } : {}), access_token: page.pageAccessToken });
    photos.forEach((id, index) => form.set(`attached_media[${index}]`, JSON.stringify({ media_fbid: id })));
    const answer = await this.call('post', `${this.api}/${page.pageId}/feed`, { method: 'POST', body: form });
    if (answer.status >= 400) {
      if (!isDuplicatePost(answer)) throw facebookError(answer, 'post', this.now());
      return postRefusedAsDuplicate('Facebook', 'error 506', () => this.findPost(account, post));
    }
    const id = (answer.body as { id?: unknown }).id;
    // 200 without an id: something posted, or not; the next attempt looks first.
    if (typeof id !== 'string') throw new SocialError('uncertain', 'Facebook answered without the post id');
    return { postId: id, postUrl: postUrlOf(id) };
  }

  /** GET /{page-id}/posts?fields=message,permalink_url,created_time: the Page's latest posts, newest first. */
  async findPost(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost | undefined> {
    const page = facebookPageOf(account.token);
    const query = new URLSearchParams({ fields: 'id,message,permalink_url,created_time', limit: String(this.recentPosts), access_token: page.pageAccessToken });
    const answer = await this.read(`${this.api}/${page.pageId}/posts?${query}`);
    const posts = ((answer.body as { data?: unknown }).data ?? []) as Array<{ id: string; message?: string; permalink_url?: string }>;
    const found = posts.find((candidate) => typeof candidate.message === 'string' && sameText(candidate.message, post.text));
    return found && { postId: found.id, postUrl: found.permalink_url ?? postUrlOf(found.id) };
  }

  /** GET /{page-id}?fields=followers_count: the people who follow the Page. */
  async followers(account: AccountCredentials): Promise<number> {
    const page = facebookPageOf(account.token);
    const query = new URLSearchParams({ fields: 'followers_count', access_token: page.pageAccessToken });
    const answer = await this.read(`${this.api}/${page.pageId}?${query}`);
    const count = (answer.body as { followers_count?: unknown }).followers_count;
    return typeof count === 'number' ? count : 0;
  }

  /**
   * Each photo uploaded unpublished: POST /{page-id}/photos, multipart, with the file as `source`,
   * `published=false` and the alt text as `alt_text_custom` ("Accessible alternative description
   * for an image", the Photo reference's parameters:
   * https://developers.facebook.com/docs/graph-api/reference/photo/#Creating) → `{ id }`. The
   * bytes rather than `url`: they are checked here before anything leaves, and Facebook need not
   * reach the site past its firewall.
   */
  private async uploadPhotos(page: FacebookPageCredential, media: OutgoingPost['media']): Promise<string[]> {
    const other = media.find((item) => !PHOTO_TYPES.has(item.contentType));
    if (other) throw new SocialError('rejected', `A Facebook Page post takes photos (JPEG, PNG, GIF, WebP) from this platform, not ${other.contentType}`);
    const files = await loadPostMedia('facebook', media, this.loadMedia, this.uploadTimeoutMs);
    const ids: string[] = [];
    for (const { media: item, bytes } of files) {
      const form = new FormData();
      form.set('source', new File([bytes], mediaFileName(item), { type: item.contentType }));
      form.set('published', 'false');
      if (item.alt) form.set('alt_text_custom', item.alt);
      form.set('access_token', page.pageAccessToken);
      const answer = await this.call('media', `${this.api}/${page.pageId}/photos`, { method: 'POST', body: form }, this.uploadTimeoutMs);
      if (answer.status >= 400) throw facebookError(answer, 'media', this.now());
      const id = (answer.body as { id?: unknown }).id;
      // Nothing was posted: an answer without the id is Facebook's trouble, tried again later.
      if (typeof id !== 'string' || !id) throw new SocialError('unavailable', 'Facebook answered the photo upload without its id');
      ids.push(id);
    }
    return ids;
  }

  private async read(url: string): Promise<HttpAnswer> {
    const answer = await this.call('read', url, { method: 'GET' });
    if (answer.status >= 400) throw facebookError(answer, 'read', this.now());
    return answer;
  }

  private async call(kind: FacebookCall, url: string, init: RequestInit, timeoutMs = this.timeoutMs): Promise<HttpAnswer> {
    try {
      return await fetchAnswer(this.fetch, url, init, timeoutMs);
    } catch (error) {
      throw facebookError(error, kind, this.now());
    }
  }
}

/** `{page-id}_{post-id}` → the post's address on Facebook. */
const postUrlOf = (id: string): string => {
  const [pageId, postId] = id.split('_');
  return postId ? `https://www.facebook.com/${pageId}/posts/${postId}` : `https://www.facebook.com/${id}`;
};
