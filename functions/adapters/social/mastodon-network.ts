import { createRestAPIClient, type mastodon } from 'masto';
import type { AccountCredentials, OutgoingPost, PublishedPost, SocialNetwork } from '../../domain/social/ports.js';
import { SocialError } from '../../domain/social/ports.js';
import { fetchMedia, mediaMaxBytes, type MediaLoader, type PostMedia } from './fetch-media.js';
import { mastodonError, type MastodonCall } from './mastodon-errors.js';
import { sameText, statusPlainText } from './mastodon-text.js';

export interface MastodonNetworkOptions {
  /** Per API request (default 15 s). */
  timeoutMs?: number;
  /** Per media upload, which carries the file (default 60 s). */
  uploadTimeoutMs?: number;
  /** How long to wait for an upload Mastodon processes in the background (202), and how often to ask (defaults 30 s, 1 s). */
  mediaProcessingMs?: number;
  mediaPollMs?: number;
  /** How many of the account's latest statuses findPost looks through (default 40, Mastodon's largest page). */
  recentStatuses?: number;
  /** Reads a media kit file to upload (default: `fetchMedia`, a GET of its public URL within Mastodon's size for its type). */
  loadMedia?: MediaLoader;
  now?: () => Date;
}

/**
 * Mastodon through `masto` (7.x: the last line that runs on Node 20), with the account's OAuth
 * access token. One client per call: it is a thin object over fetch, and each account lives on
 * its own instance.
 *
 * Exactly once: the status is created with `Idempotency-Key: <clientRef>`
 * (https://docs.joinmastodon.org/methods/statuses/#create): Mastodon keeps the key for about an
 * hour per account and answers a repeated request with the status it already created. Past
 * that hour, and whenever an attempt timed out, the dispatcher asks findPost first, which looks
 * for the text among the account's latest statuses. masto takes the header per call
 * (`requestInit.headers`), so no call here needs fetch of its own.
 */
export class MastodonNetwork implements SocialNetwork {
  readonly platform = 'mastodon' as const;
  private readonly timeoutMs: number;
  private readonly uploadTimeoutMs: number;
  private readonly mediaProcessingMs: number;
  private readonly mediaPollMs: number;
  private readonly recentStatuses: number;
  private readonly loadMedia: MediaLoader;
  private readonly now: () => Date;

  constructor(options: MastodonNetworkOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? 60_000;
    this.mediaProcessingMs = options.mediaProcessingMs ?? 30_000;
    this.mediaPollMs = options.mediaPollMs ?? 1_000;
    this.recentStatuses = Math.min(40, options.recentStatuses ?? 40);
    this.loadMedia = options.loadMedia ?? fetchMedia;
    this.now = options.now ?? (() => new Date());
  }

  async publish(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost> {
    const client = this.client(account);
    const mediaIds: string[] = [];
    for (const media of post.media) mediaIds.push(await this.upload(client, media));
    const status = await this.call('post', () =>
      client.v1.statuses.create(
        { status: post.text, visibility: 'public', ...(mediaIds.length ? { mediaIds } : {}) },
        { requestInit: { headers: { 'Idempotency-Key': post.clientRef }, signal: AbortSignal.timeout(this.timeoutMs) } },
      ),
    );
    return publishedOf(status);
  }

  async findPost(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost | undefined> {
    const client = this.client(account);
    const me = await this.call('read', () => client.v1.accounts.verifyCredentials(undefined, this.readMeta()));
    const statuses = await this.call('read', async () =>
      client.v1.accounts.$select(me.id).statuses.list({ limit: this.recentStatuses, excludeReblogs: true, excludeReplies: true }, this.readMeta()),
    );
    const found = statuses.find((status) => sameText(statusPlainText(status.content), post.text));
    return found ? publishedOf(found) : undefined;
  }

  /**
   * Followers of the account the token belongs to, which must be the handle given: someone's own
   * token under another person's handle is refused (as `auth`), so no one can lend, or replace,
   * an account that is not theirs.
   */
  async followers(account: AccountCredentials): Promise<number> {
    const me = await this.call('read', () => this.client(account).v1.accounts.verifyCredentials(undefined, this.readMeta()));
    const username = /^@?([^@\s]+)/.exec(account.handle)?.[1]?.toLowerCase();
    if (username && me.username.toLowerCase() !== username) {
      throw new SocialError('auth', `This token belongs to @${me.username}, not to ${account.handle}.`);
    }
    return me.followersCount;
  }

  /**
   * The instance's post length: GET /api/v2/instance (public, no token) →
   * `configuration.statuses.max_characters` (https://docs.joinmastodon.org/entities/Instance/#statuses).
   */
  async maxCharacters(account: Pick<AccountCredentials, 'handle' | 'server'>): Promise<number> {
    const client = createRestAPIClient({ url: mastodonServer(account), log: 'error' });
    const instance = await this.call('read', () => client.v2.instance.fetch(undefined, this.readMeta()));
    const limit = instance.configuration?.statuses?.maxCharacters;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit <= 0) throw new SocialError('unavailable', 'The instance did not say how long a post may be');
    return limit;
  }

  /**
   * POST /api/v2/media (https://docs.joinmastodon.org/methods/media/#v2) with the file and the
   * alt text as `description`; waits while Mastodon processes it (202, url null). An upload is
   * not a post: one left unattached by an attempt that failed later is removed by the instance.
   */
  private async upload(client: mastodon.rest.Client, media: PostMedia): Promise<string> {
    let file: Blob;
    try {
      const bytes = await this.loadMedia(media, { maxBytes: mediaMaxBytes('mastodon', media.contentType), timeoutMs: this.uploadTimeoutMs });
      // Named after the URL's file, so Mastodon sees an extension.
      file = new File([bytes], decodeURIComponent(new URL(media.url).pathname.split('/').pop() || 'media'), { type: media.contentType });
    } catch (error) {
      throw error instanceof SocialError ? error : new SocialError('unavailable', `The media file could not be read: ${(error as Error).message}`, { cause: error });
    }
    // masto would poll for processing on its own, sleeping a second even when the upload is
    // ready (200); skipPolling lets a ready upload go straight into the status.
    let attachment = await this.call('media', () =>
      client.v2.media.create(
        { file, description: media.alt, skipPolling: true },
        { requestInit: { signal: AbortSignal.timeout(this.uploadTimeoutMs) } },
      ),
    );
    const deadline = this.now().getTime() + this.mediaProcessingMs;
    while (!attachment.url) {
      if (this.now().getTime() >= deadline) {
        throw new SocialError('unavailable', `Mastodon is still processing media ${attachment.id}`);
      }
      await new Promise((resolve) => setTimeout(resolve, this.mediaPollMs));
      attachment = await this.call('media', () => client.v1.media.$select(attachment.id).fetch(undefined, this.readMeta()));
    }
    return attachment.id;
  }

  private client(account: AccountCredentials): mastodon.rest.Client {
    return createRestAPIClient({ url: mastodonServer(account), accessToken: account.token, log: 'error' });
  }

  private readMeta() {
    return { requestInit: { signal: AbortSignal.timeout(this.timeoutMs) } };
  }

  private async call<T>(kind: MastodonCall, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw mastodonError(error, kind, this.now());
    }
  }
}

/** The instance: the account's `server`, else the domain of a full handle (`@ana@mastodon.social`). */
export function mastodonServer(account: Pick<AccountCredentials, 'handle' | 'server'>): string {
  if (account.server) return account.server.replace(/\/+$/, '');
  const domain = /^@?[^@\s]+@([^@\s/]+)$/.exec(account.handle)?.[1];
  if (!domain) throw new SocialError('auth', `No Mastodon server is known for ${account.handle}: reconnect the account`);
  return `https://${domain}`;
}

const publishedOf = (status: mastodon.v1.Status): PublishedPost => ({ postId: status.id, postUrl: status.url ?? status.uri });
