import { Agent as HttpAgent } from 'node:http';
import { TwitterApi, type ITwitterApiClientPlugin, type TweetV2 } from 'twitter-api-v2';
import type { AccountCredentials, OutgoingPost, PublishedPost, SocialNetwork } from '../../domain/social/ports.js';
import { SocialError } from '../../domain/social/ports.js';
import { postRefusedAsDuplicate } from './duplicate-refusal.js';
import { fetchMedia, loadPostMedia, type MediaLoader } from './fetch-media.js';
import { sameText } from './mastodon-text.js';
import { isDuplicateContent, xError, type XCall } from './x-errors.js';
import { uploadToX, type XUploadSettings } from './x-media.js';

/** The X API's origin as `twitter-api-v2` writes it into every v2 URL. */
const X_API = 'https://api.x.com/';

/**
 * How an organisation's X account is connected (`AccountCredentials` as the connect flow stores
 * it): `handle` is the account's `@username` (followers() checks that the token belongs to it),
 * and the sealed `token` is either
 * - an OAuth 2.0 user access token (Authorization Code with PKCE; scopes `tweet.read
 *   tweet.write users.read media.write`), sent as `Authorization: Bearer`. X's OAuth 2.0 access tokens
 *   expire after two hours and this adapter does not refresh them (the port has no way to store
 *   a rotated refresh token), so such a token suits a connection made shortly before a message
 *   goes out; or
 * - `xOAuth1Credential(...)`: JSON with the app's consumer keys and the account's OAuth 1.0a
 *   access token and secret ("Keys and tokens" of the developer app, for the account that owns
 *   it; the app set to Read and Write). These do not expire: the form for an account that posts
 *   every campaign.
 */
export interface XOAuth1Credential {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

/** The sealed token of an OAuth 1.0a connection. */
export const xOAuth1Credential = (credential: XOAuth1Credential): string => JSON.stringify(credential);

/** The client's credential from the sealed token: OAuth 1.0a keys when it is their JSON, else an OAuth 2.0 bearer token. */
export function xClientCredential(token: string): string | XOAuth1Credential {
  if (!token.trimStart().startsWith('{')) return token;
  let parsed: Partial<XOAuth1Credential>;
  try {
    parsed = JSON.parse(token) as Partial<XOAuth1Credential>;
  } catch {
    throw new SocialError('auth', 'The X credential is not readable: reconnect the account');
  }
  const { appKey, appSecret, accessToken, accessSecret } = parsed;
  if (![appKey, appSecret, accessToken, accessSecret].every((part) => typeof part === 'string' && part)) {
    throw new SocialError('auth', 'The X credential lacks its OAuth 1.0a keys: reconnect the account');
  }
  return { appKey: appKey!, appSecret: appSecret!, accessToken: accessToken!, accessSecret: accessSecret! };
}

export interface XNetworkOptions {
  /** Per request, as the client's socket timeout (default 15 s). */
  timeoutMs?: number;
  /** Per request that carries a media file, and per download of one (default 60 s). */
  uploadTimeoutMs?: number;
  /** How long to wait while X processes a GIF or a video, and how often to ask when X does not say (defaults 60 s, 2 s). */
  mediaProcessingMs?: number;
  mediaPollMs?: number;
  /** Reads a media kit file to upload (default: `fetchMedia`, a GET of its public URL within X's size for its type). */
  loadMedia?: MediaLoader;
  /** How many of the account's latest posts findPost looks through (5–100, default 100: one page). */
  recentPosts?: number;
  /** Where the API is (default https://api.x.com/); the tests point it at a stand-in. */
  apiBaseUrl?: string;
  now?: () => Date;
}

/**
 * X (API v2) through `twitter-api-v2`, for the organisation's own account: X forbids posting on
 * supporters' behalf here, so supporters get a share link by email instead (platform-rules.ts).
 *
 * Exactly once: X takes no idempotency key. After an attempt that had no answer, the dispatcher
 * calls findPost, which looks for this exact text among the account's latest posts
 * (GET /2/users/:id/tweets, links compared as X expands its t.co links back). X refuses a post
 * whose text the account has just posted (403 "duplicate content"): a publish that meets that
 * refusal looks for the post and returns it (duplicate-refusal.ts).
 *
 * Media: every file is read first (within X's size for its type, so a file X would refuse is
 * refused before anything is uploaded), then uploaded with its alt text (x-media.ts), then the
 * post names the media ids (`media.media_ids`). An upload is not a post: an attempt that fails
 * after uploading leaves media no post uses, which X lets expire; the next attempt uploads again.
 */
export class XNetwork implements SocialNetwork {
  readonly platform = 'x' as const;
  private readonly recentPosts: number;
  private readonly now: () => Date;
  private readonly loadMedia: MediaLoader;
  private readonly upload: XUploadSettings;
  private readonly settings: { plugins: ITwitterApiClientPlugin[]; httpAgent?: HttpAgent };

  constructor(options: XNetworkOptions = {}) {
    this.recentPosts = Math.min(100, Math.max(5, options.recentPosts ?? 100));
    this.now = options.now ?? (() => new Date());
    this.loadMedia = options.loadMedia ?? fetchMedia;
    this.upload = { timeoutMs: options.uploadTimeoutMs ?? 60_000, processingMs: options.mediaProcessingMs ?? 60_000, pollMs: options.mediaPollMs ?? 2_000, now: this.now };
    const timeoutMs = options.timeoutMs ?? 15_000;
    const base = options.apiBaseUrl?.replace(/\/*$/, '/');
    // The client takes neither a base URL nor a default timeout; one plugin sets both on every
    // request. It sends over `https.request`, which takes a plain-HTTP agent for an http: base.
    const transport: ITwitterApiClientPlugin = {
      onBeforeRequestConfig: ({ params }) => {
        params.timeout ??= timeoutMs;
        if (base && params.url.startsWith(X_API)) params.url = base + params.url.slice(X_API.length);
      },
    };
    this.settings = { plugins: [transport], ...(base?.startsWith('http:') ? { httpAgent: new HttpAgent({ keepAlive: true }) } : {}) };
  }

  /** POST /2/tweets with `text` and, when the post has media, `media.media_ids` (https://docs.x.com/x-api/posts/create-post). */
  async publish(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost> {
    const client = this.client(account);
    const files = await loadPostMedia('x', post.media, this.loadMedia, this.upload.timeoutMs);
    const mediaIds: string[] = [];
    for (const { media, bytes } of files) mediaIds.push(await this.call('media', () => uploadToX(client, media, bytes, this.upload)));
    let created: { data: { id: string } };
    try {
      created = await client.v2.tweet({ text: post.text, ...(mediaIds.length ? { media: { media_ids: mediaIds as [string] } } : {}) });
    } catch (error) {
      if (!isDuplicateContent(error)) throw xError(error, 'post', this.now());
      return postRefusedAsDuplicate('X', 'duplicate content', () => this.findPost(account, post));
    }
    return this.published(account, created.data.id);
  }

  async findPost(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost | undefined> {
    const client = this.client(account);
    const me = await this.call('read', () => client.v2.me());
    const timeline = await this.call('read', () =>
      client.v2.userTimeline(me.data.id, { max_results: this.recentPosts, exclude: ['replies', 'retweets'], 'tweet.fields': ['entities', 'created_at'] }),
    );
    const found = timeline.tweets.find((tweet) => samePost(tweet, post.text));
    return found && this.published(account, found.id);
  }

  /**
   * Followers of the account the token belongs to (GET /2/users/me, `public_metrics`), which must
   * be the handle given: a token of another account is refused as `auth`.
   */
  async followers(account: AccountCredentials): Promise<number> {
    const me = await this.call('read', () => this.client(account).v2.me({ 'user.fields': ['public_metrics'] }));
    const username = usernameOf(account.handle);
    if (username && me.data.username.toLowerCase() !== username.toLowerCase()) {
      throw new SocialError('auth', `This token belongs to @${me.data.username}, not to ${account.handle}.`);
    }
    return me.data.public_metrics?.followers_count ?? 0;
  }

  private client(account: AccountCredentials): TwitterApi {
    const credential = xClientCredential(account.token);
    return typeof credential === 'string' ? new TwitterApi(credential, this.settings) : new TwitterApi(credential, this.settings);
  }

  private published(account: AccountCredentials, id: string): PublishedPost {
    const username = usernameOf(account.handle);
    return { postId: id, postUrl: username ? `https://x.com/${username}/status/${id}` : `https://x.com/i/web/status/${id}` };
  }

  private async call<T>(kind: XCall, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw xError(error, kind, this.now());
    }
  }
}

/** `@ana_org` or `ana_org` → `ana_org`; undefined when the handle is not an X username. */
const usernameOf = (handle: string): string | undefined => /^@?([A-Za-z0-9_]{1,15})$/.exec(handle.trim())?.[1];

/**
 * Whether an X post is `text` as it was sent. X gives a post's text back with every link as a
 * t.co link (the original in `entities.urls[].expanded_url`) and `&`, `<`, `>` escaped as HTML
 * entities; links written without a scheme come back with one, so schemes are not compared.
 */
export function samePost(tweet: Pick<TweetV2, 'text' | 'entities'>, text: string): boolean {
  let expanded = tweet.text;
  for (const link of tweet.entities?.urls ?? []) expanded = expanded.split(link.url).join(link.expanded_url);
  expanded = expanded.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const withoutSchemes = (value: string) => value.replace(/\bhttps?:\/\//gi, '');
  return sameText(withoutSchemes(expanded), withoutSchemes(text));
}
