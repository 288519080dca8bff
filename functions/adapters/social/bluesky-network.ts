import { createHash } from 'node:crypto';
import { AppBskyRichtextFacet, AtpAgent, RichText, XRPCError, type AppBskyFeedPost } from '@atproto/api';
import type { AccountCredentials, OutgoingPost, PublishedPost, SocialNetwork } from '../../domain/social/ports.js';
import { SocialError } from '../../domain/social/ports.js';
import { blueskyError, isAuthFailure, type BlueskyCall } from './bluesky-errors.js';
import { fetchMedia, mediaMaxBytes, type MediaLoader, type PostMedia } from './fetch-media.js';
import { imageSize } from './image-size.js';
import { blueskyRkey } from './bluesky-rkey.js';

const POST = 'app.bsky.feed.post';
/** Where a handle without a `server` logs in: Bluesky's entryway, which hands over to the account's own PDS. */
export const BLUESKY_ENTRYWAY = 'https://bsky.social';

export interface BlueskyNetworkOptions {
  /** Per XRPC request (default 15 s). */
  timeoutMs?: number;
  /** Per blob upload, which carries the file (default 60 s). */
  uploadTimeoutMs?: number;
  /** Sessions kept at once; the oldest is dropped past this (default 5,000). */
  maxSessions?: number;
  /** Reads a media kit file to upload (default: `fetchMedia`, a GET of its public URL within the lexicon's 1,000,000 bytes). */
  loadMedia?: MediaLoader;
  now?: () => Date;
}

/**
 * Bluesky through `@atproto/api` (0.19.19: the newest on Node 20), with the supporter's handle
 * and app password.
 *
 * Sessions: one `createSession` per account for the adapter's life (the PDS rate-limits logins
 * hard: 30 per 5 minutes, 300 a day). The client refreshes an expired access token by itself
 * (refreshSession, then the call again); if the refresh token is dead too, the adapter logs in
 * again once with the app password, and only then reports `auth`.
 *
 * Exactly once by construction: the post is written with `createRecord` at a fixed record key
 * derived from `clientRef` (bluesky-rkey.ts). A repeated attempt cannot make a second post: the
 * repository already holds that key. The reference PDS then answers 500 (its repository tree
 * refuses a second value at a key) and others 400 "already exists"; either way the adapter reads
 * the record at the key and returns it as the published post. findPost is the same read.
 * The client's createRecord takes `rkey` as the lexicon does, so no call here needs fetch of its own.
 */
export class BlueskyNetwork implements SocialNetwork {
  readonly platform = 'bluesky' as const;
  private readonly timeoutMs: number;
  private readonly uploadTimeoutMs: number;
  private readonly maxSessions: number;
  private readonly loadMedia: MediaLoader;
  private readonly now: () => Date;
  private readonly sessions = new Map<string, Promise<AtpAgent>>();

  constructor(options: BlueskyNetworkOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? 60_000;
    this.maxSessions = options.maxSessions ?? 5_000;
    this.loadMedia = options.loadMedia ?? fetchMedia;
    this.now = options.now ?? (() => new Date());
  }

  async publish(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost> {
    const rkey = blueskyRkey(post.clientRef);
    const files = await Promise.all(post.media.map(async (media) => ({ media, bytes: await this.load(media) })));
    return this.withSession(account, async (agent, did) => {
      // com.atproto.repo.uploadBlob, then app.bsky.embed.images: each blob with its alt text and, when the
      // header says it, its aspect ratio. A blob no record uses is removed by the PDS: an upload is not a post.
      const images = [];
      for (const { media, bytes } of files) {
        const { data } = await this.call('media', () => agent.com.atproto.repo.uploadBlob(bytes, { encoding: media.contentType }));
        const aspectRatio = imageSize(bytes);
        images.push({ image: data.blob, alt: media.alt, ...(aspectRatio ? { aspectRatio } : {}) });
      }
      const text = new RichText({ text: post.text });
      await this.call('read', () => text.detectFacets(agent));
      // A mention whose handle did not resolve keeps an empty DID, which the PDS would refuse: drop it.
      const facets = text.facets?.filter((facet) => facet.features.every((feature) => !AppBskyRichtextFacet.isMention(feature) || feature.did));
      const record: AppBskyFeedPost.Record = {
        $type: POST,
        text: text.text,
        createdAt: this.now().toISOString(),
        ...(facets?.length ? { facets } : {}),
        ...(images.length ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
      };
      try {
        const { data } = await agent.com.atproto.repo.createRecord({ repo: did, collection: POST, rkey, record });
        return this.published(agent, data.uri, rkey);
      } catch (error) {
        if (isAuthFailure(error) || !mayAlreadyExist(error)) throw blueskyError(error, 'post', this.now());
        // The key may be taken: by an earlier attempt of this very delivery. If the look fails
        // too, the answer stays what the createRecord failure says (a 500: uncertain).
        const existing = await this.read(agent, did, rkey).catch(() => undefined);
        if (existing) return existing;
        throw blueskyError(error, 'post', this.now());
      }
    });
  }

  async findPost(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost | undefined> {
    return this.withSession(account, (agent, did) => this.read(agent, did, blueskyRkey(post.clientRef)));
  }

  async followers(account: AccountCredentials): Promise<number> {
    return this.withSession(account, async (agent, did) => {
      const { data } = await this.call('read', () => agent.app.bsky.actor.getProfile({ actor: did }));
      return data.followersCount ?? 0;
    });
  }

  /** The post at `rkey` in the account's repository (com.atproto.repo.getRecord), if there is one. */
  private async read(agent: AtpAgent, did: string, rkey: string): Promise<PublishedPost | undefined> {
    try {
      const { data } = await agent.com.atproto.repo.getRecord({ repo: did, collection: POST, rkey });
      return this.published(agent, data.uri, rkey);
    } catch (error) {
      if (error instanceof XRPCError && error.error === 'RecordNotFound') return undefined;
      throw blueskyError(error, 'read', this.now());
    }
  }

  private published(agent: AtpAgent, uri: string, rkey: string): PublishedPost {
    const handle = agent.session?.handle ?? agent.session?.did;
    return { postId: uri, postUrl: `https://bsky.app/profile/${handle}/post/${rkey}` };
  }

  /**
   * Runs `run` with the account's session; when the session has died beyond the client's own
   * refresh (revoked, refresh token expired), logs in again once and runs it again. Running a
   * publish twice is safe: its record key is fixed.
   */
  private async withSession<T>(account: AccountCredentials, run: (agent: AtpAgent, did: string) => Promise<T>): Promise<T> {
    const key = sessionKey(account);
    for (let attempt = 1; ; attempt++) {
      const session = this.session(account, key);
      const agent = await session;
      try {
        return await run(agent, agent.session!.did);
      } catch (error) {
        const authFailure = error instanceof SocialError ? error.kind === 'auth' : isAuthFailure(error);
        if (attempt === 1 && authFailure) {
          if (this.sessions.get(key) === session) this.sessions.delete(key);
          continue;
        }
        throw blueskyError(error, 'read', this.now());
      }
    }
  }

  /** The account's session, logging in (createSession with the app password) the first time. */
  private session(account: AccountCredentials, key: string): Promise<AtpAgent> {
    const known = this.sessions.get(key);
    if (known) {
      // Least recently used goes first: move this one to the end.
      this.sessions.delete(key);
      this.sessions.set(key, known);
      return known;
    }
    const agent = new AtpAgent({ service: account.server ?? BLUESKY_ENTRYWAY, fetch: this.timedFetch });
    const login = agent
      .login({ identifier: account.handle.replace(/^@/, ''), password: account.token })
      .then(() => agent)
      .catch((error: unknown) => {
        if (this.sessions.get(key) === login) this.sessions.delete(key);
        throw blueskyError(error, 'session', this.now());
      });
    this.sessions.set(key, login);
    while (this.sessions.size > this.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    return login;
  }

  private async load(media: PostMedia): Promise<Uint8Array<ArrayBuffer>> {
    try {
      return await this.loadMedia(media, { maxBytes: mediaMaxBytes('bluesky', media.contentType), timeoutMs: this.uploadTimeoutMs });
    } catch (error) {
      throw error instanceof SocialError ? error : new SocialError('unavailable', `The media file could not be read: ${(error as Error).message}`, { cause: error });
    }
  }

  private async call<T>(kind: BlueskyCall, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw blueskyError(error, kind, this.now());
    }
  }

  /** The client takes a fetch, not a timeout: every request gets one here (blob uploads a longer one). */
  private readonly timedFetch: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const timeout = AbortSignal.timeout(url.includes('/xrpc/com.atproto.repo.uploadBlob') ? this.uploadTimeoutMs : this.timeoutMs);
    const given = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    return fetch(input, { ...init, signal: given ? AbortSignal.any([given, timeout]) : timeout });
  };
}

/** One session per account and credential: a reconnected account (a new app password) logs in anew. */
const sessionKey = (account: AccountCredentials) =>
  `${account.server ?? BLUESKY_ENTRYWAY}|${account.handle.replace(/^@/, '').toLowerCase()}|${createHash('sha256').update(account.token).digest('base64url')}`;

/** Answers that may mean "that record key is taken": 400 "already exists" (some PDSes), 500 (the reference PDS). */
function mayAlreadyExist(error: unknown): boolean {
  if (!(error instanceof XRPCError)) return false;
  if (error.status === 500) return true;
  return error.status === 400 && /already exists|already a value/i.test(error.message);
}
