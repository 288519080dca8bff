import { instanceOf } from '../../domain/social/instance-limits.js';
import { checkLength, PLATFORM_RULES } from '../../domain/social/platform-rules.js';
import { SocialError, type AccountCredentials, type OutgoingPost, type PublishedPost, type SocialNetwork } from '../../domain/social/ports.js';
import type { Platform } from '../../domain/social/social.js';
import { fetchMedia, mediaMaxBytes } from './fetch-media.js';

/**
 * A pretend social network for `npm start`, the tests and the blast benchmark: accounts with
 * follower counts, simulated latency, and failures injected on purpose, so that the whole flow
 * (lend an account, approve, schedule, blast, report) runs without any real platform and the
 * dispatcher's promise — every post exactly once — can be checked against what the network
 * actually holds.
 *
 * Failures, each a probability per call, drawn from a seeded generator:
 * - `rateLimited`: 429 before posting, with `retryAfterMs`.
 * - `unavailable`: 503 before posting.
 * - `timeoutAfterStore`: the post is stored, then no answer comes (after `timeoutMs`): the
 *   dispatcher cannot know it posted.
 * - `timeoutBeforeStore`: no answer and nothing stored (the request was lost on the way).
 * `dedupe` (default on) honours `clientRef` the way Mastodon honours `Idempotency-Key`: a
 * repeated key returns the first post. Turned off, the network posts whatever it is sent, so a
 * test can prove that the dispatcher's own look-before-retry is what prevents duplicates.
 * Every post is recorded with its media (URL, alt text, type; with `fetchMedia`, the bytes each
 * file had when the network fetched it, as Mastodon and Bluesky do before posting); `audit()` counts duplicates (same clientRef, or same account and text)
 * and the expected posts that never arrived. Mastodon instances may take shorter posts than
 * Mastodon's default (`setInstanceLimit`): the network says so (`maxCharacters`) and refuses a
 * longer post as the instance would.
 */
export interface SandboxOptions {
  /** Simulated round trip of every call, uniform in [min, max] ms. */
  latencyMs?: { min: number; max: number };
  failures?: {
    rateLimited?: number;
    unavailable?: number;
    timeoutAfterStore?: number;
    timeoutBeforeStore?: number;
    /** `findPost` failing with 503 (the look itself can fail). */
    lookUnavailable?: number;
  };
  /** The Retry-After a 429 carries. */
  retryAfterMs?: number;
  /** How long a call that times out hangs before failing. */
  timeoutMs?: number;
  /** Honour clientRef as an idempotency key. */
  dedupe?: boolean;
  /** Longest text accepted (characters); longer posts are refused (422). */
  maxLength?: number;
  /** Seed of the failure and latency draws, for repeatable runs. */
  seed?: number;
  /** Fetch each media file from its URL before posting, as a real network uploads it (`fetchMedia`): a file that cannot be had fails the post. */
  fetchMedia?: boolean;
}

export interface SandboxAccount {
  platform: Platform;
  handle: string;
  followers: number;
  token: string;
}

export interface SandboxPost {
  id: string;
  platform: Platform;
  handle: string;
  text: string;
  clientRef: string;
  /** As the post carried them; `bytes` when the sandbox fetched the file (`fetchMedia`). */
  media: Array<OutgoingPost['media'][number] & { bytes?: number }>;
  at: number;
}

export interface SandboxAudit {
  posts: number;
  /** clientRefs posted more than once: one entry per extra post. */
  duplicateRefs: number;
  /** (account, text) pairs posted more than once: one entry per extra post. */
  duplicateTexts: number;
  /** Expected clientRefs never posted. */
  missing: number;
  /** Posts whose clientRef was not expected. */
  unexpected: number;
  /** A few of the duplicated and missing clientRefs, to debug with. */
  examples: { duplicated: string[]; missing: string[] };
}

export interface SandboxCounters {
  publishCalls: number;
  findCalls: number;
  rateLimited: number;
  unavailable: number;
  timeoutsAfterStore: number;
  timeoutsBeforeStore: number;
  dedupedByKey: number;
  refused: number;
}

const accountKey = (platform: string, handle: string) => `${platform}:${handle}`;

/** mulberry32: a small, fast, seedable generator (repeatable failure patterns). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The followers a sandbox account gets when it first connects: stable per handle, 20 to ~50,000, most small. */
export function sandboxFollowers(handle: string): number {
  let hash = 2_166_136_261;
  for (let i = 0; i < handle.length; i++) hash = Math.imul(hash ^ handle.charCodeAt(i), 16_777_619);
  const unit = (hash >>> 0) / 4_294_967_296;
  return Math.round(20 + 50_000 * unit ** 4);
}

export class SandboxNetworks {
  private readonly accounts = new Map<string, SandboxAccount>();
  private readonly postsByAccount = new Map<string, SandboxPost[]>();
  private readonly byRef = new Map<string, SandboxPost>();
  private readonly all: SandboxPost[] = [];
  private readonly random: () => number;
  private readonly views = new Map<Platform, SocialNetwork>();
  /** Mastodon instances by name with their own post length (the others take Mastodon's default). */
  private readonly instanceLimits = new Map<string, number>();
  private nextId = 1;
  readonly counters: SandboxCounters = { publishCalls: 0, findCalls: 0, rateLimited: 0, unavailable: 0, timeoutsAfterStore: 0, timeoutsBeforeStore: 0, dedupedByKey: 0, refused: 0 };

  constructor(private options: SandboxOptions = {}) {
    this.random = seeded(options.seed ?? 1);
  }

  /** Change latency, failures or dedupe while running (e.g. an outage half-way). */
  configure(options: Partial<SandboxOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /**
   * Connects an account (creating it on first use, with `followers` or a stable made-up count):
   * what "Lend your voice" does with the sandbox instead of OAuth. Returns the token to seal.
   */
  connect(platform: Platform, handle: string, followers?: number): SandboxAccount {
    const key = accountKey(platform, handle);
    const existing = this.accounts.get(key);
    if (existing && existing.token) return { ...existing };
    const account: SandboxAccount = { platform, handle, followers: followers ?? existing?.followers ?? sandboxFollowers(handle), token: `sandbox-${platform}-${this.nextId++}-${Math.floor(this.random() * 1e9).toString(36)}` };
    this.accounts.set(key, account);
    return { ...account };
  }

  /** The platform's side of an expired or revoked token: calls with it are refused (401). */
  expireToken(platform: Platform, handle: string): void {
    const account = this.accounts.get(accountKey(platform, handle));
    if (account) account.token = '';
  }

  /** The account gained or lost followers on the platform (what the next follower count answers). */
  setFollowers(platform: Platform, handle: string, followers: number): void {
    const account = this.accounts.get(accountKey(platform, handle));
    if (account) account.followers = followers;
  }

  /** A Mastodon instance's admins set its post length (`configuration.statuses.max_characters`), e.g. `mastodon.example`, 300. */
  setInstanceLimit(instance: string, maxCharacters: number): void {
    this.instanceLimits.set(instance.toLowerCase(), maxCharacters);
  }

  /** The `SocialNetwork` adapter for one platform. */
  network(platform: Platform): SocialNetwork {
    let view = this.views.get(platform);
    if (!view) {
      view = {
        platform,
        publish: (account, post) => this.publish(platform, account, post),
        findPost: (account, post) => this.findPost(platform, account, post),
        followers: (account) => this.followers(platform, account),
        ...(platform === 'mastodon' ? { maxCharacters: (account: Pick<AccountCredentials, 'handle' | 'server'>) => this.maxCharacters(account) } : {}),
      };
      this.views.set(platform, view);
    }
    return view;
  }

  posts(): readonly SandboxPost[] {
    return this.all;
  }

  postsOf(platform: Platform, handle: string): readonly SandboxPost[] {
    return this.postsByAccount.get(accountKey(platform, handle)) ?? [];
  }

  /** Duplicates and losses against the clientRefs that should each have been posted once. */
  audit(expectedClientRefs: Iterable<string> = []): SandboxAudit {
    const perRef = new Map<string, number>();
    const perText = new Map<string, number>();
    for (const post of this.all) {
      perRef.set(post.clientRef, (perRef.get(post.clientRef) ?? 0) + 1);
      const textKey = `${accountKey(post.platform, post.handle)}\u0000${post.text}`;
      perText.set(textKey, (perText.get(textKey) ?? 0) + 1);
    }
    const expected = new Set(expectedClientRefs);
    const duplicated = [...perRef].filter(([, count]) => count > 1).map(([ref]) => ref);
    const missing = [...expected].filter((ref) => !perRef.has(ref));
    return {
      posts: this.all.length,
      duplicateRefs: [...perRef.values()].reduce((sum, count) => sum + count - 1, 0),
      duplicateTexts: [...perText.values()].reduce((sum, count) => sum + count - 1, 0),
      missing: missing.length,
      unexpected: expected.size === 0 ? 0 : [...perRef.keys()].filter((ref) => !expected.has(ref)).length,
      examples: { duplicated: duplicated.slice(0, 5), missing: missing.slice(0, 5) },
    };
  }

  private async publish(platform: Platform, credentials: AccountCredentials, post: OutgoingPost): Promise<PublishedPost> {
    this.counters.publishCalls++;
    await this.latency();
    const account = this.authenticate(platform, credentials);
    const failures = this.options.failures ?? {};
    if (this.chance(failures.rateLimited)) {
      this.counters.rateLimited++;
      const retryAfterMs = this.options.retryAfterMs ?? 1_000;
      throw new SocialError('rate_limited', `429 Too Many Requests (Retry-After: ${Math.ceil(retryAfterMs / 1000)})`, { status: 429, retryAfterMs });
    }
    if (this.chance(failures.unavailable)) {
      this.counters.unavailable++;
      throw new SocialError('unavailable', '503 Service Unavailable', { status: 503 });
    }
    if (this.chance(failures.timeoutBeforeStore)) {
      this.counters.timeoutsBeforeStore++;
      await this.hang();
      throw new SocialError('uncertain', 'timed out (nothing stored)');
    }
    if (this.options.maxLength !== undefined && [...post.text].length > this.options.maxLength) {
      this.counters.refused++;
      throw new SocialError('rejected', `422 Text is longer than ${this.options.maxLength} characters`, { status: 422 });
    }
    if (platform === 'mastodon') {
      const limit = this.instanceLimit(credentials);
      if (!checkLength('mastodon', post.text, { mastodonLimit: limit }).ok) {
        this.counters.refused++;
        throw new SocialError('rejected', `422 Validation failed: Text character limit of ${limit} exceeded`, { status: 422 });
      }
    }
    // Without fetchMedia no await: the blast's timings stay as they were.
    const media = this.options.fetchMedia ? await this.fetchMedia(platform, post) : post.media.map((item) => ({ ...item }));
    const dedupe = this.options.dedupe ?? true;
    const earlier = dedupe ? this.byRef.get(`${accountKey(platform, account.handle)}\u0000${post.clientRef}`) : undefined;
    let stored: SandboxPost;
    if (earlier) {
      this.counters.dedupedByKey++;
      stored = earlier;
    } else {
      stored = { id: String(this.nextId++), platform, handle: account.handle, text: post.text, clientRef: post.clientRef, media, at: Date.now() };
      this.all.push(stored);
      const key = accountKey(platform, account.handle);
      const list = this.postsByAccount.get(key) ?? [];
      list.push(stored);
      this.postsByAccount.set(key, list);
      this.byRef.set(`${key}\u0000${post.clientRef}`, stored);
    }
    if (this.chance(failures.timeoutAfterStore)) {
      this.counters.timeoutsAfterStore++;
      await this.hang();
      throw new SocialError('uncertain', 'timed out (the post was stored)');
    }
    return this.published(stored);
  }

  private async findPost(platform: Platform, credentials: AccountCredentials, post: OutgoingPost): Promise<PublishedPost | undefined> {
    this.counters.findCalls++;
    await this.latency();
    const account = this.authenticate(platform, credentials);
    if (this.chance(this.options.failures?.lookUnavailable)) {
      this.counters.unavailable++;
      throw new SocialError('unavailable', '503 Service Unavailable', { status: 503 });
    }
    const found = (this.postsByAccount.get(accountKey(platform, account.handle)) ?? []).find((candidate) => candidate.clientRef === post.clientRef || candidate.text === post.text);
    return found && this.published(found);
  }

  /** The post's media, each fetched first (within the network's size for its type), with the bytes it had. */
  private async fetchMedia(platform: Platform, post: OutgoingPost): Promise<SandboxPost['media']> {
    return Promise.all(
      post.media.map(async (media) => ({ ...media, bytes: (await fetchMedia(media, { maxBytes: mediaMaxBytes(platform, media.contentType), timeoutMs: 10_000 })).byteLength })),
    );
  }

  private async followers(platform: Platform, credentials: AccountCredentials): Promise<number> {
    await this.latency();
    return this.authenticate(platform, credentials).followers;
  }

  /** GET /api/v2/instance: public, so no token is checked. */
  private async maxCharacters(account: Pick<AccountCredentials, 'handle' | 'server'>): Promise<number> {
    await this.latency();
    return this.instanceLimit(account);
  }

  private instanceLimit(account: Pick<AccountCredentials, 'handle' | 'server'>): number {
    const instance = instanceOf(account);
    return (instance && this.instanceLimits.get(instance)) || PLATFORM_RULES.mastodon.limit;
  }

  private authenticate(platform: Platform, credentials: AccountCredentials): SandboxAccount {
    const account = this.accounts.get(accountKey(platform, credentials.handle));
    if (!account || !account.token || account.token !== credentials.token) {
      throw new SocialError('auth', '401 The access token is invalid', { status: 401 });
    }
    return account;
  }

  private published(post: SandboxPost): PublishedPost {
    return { postId: post.id, postUrl: `https://${post.platform}.sandbox.local/@${post.handle.replace(/^@/, '')}/${post.id}` };
  }

  private chance(probability: number | undefined): boolean {
    return probability !== undefined && probability > 0 && this.random() < probability;
  }

  private latency(): Promise<void> {
    const { min, max } = this.options.latencyMs ?? { min: 0, max: 0 };
    const ms = min + this.random() * (max - min);
    return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
  }

  private hang(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.options.timeoutMs ?? 100));
  }
}
