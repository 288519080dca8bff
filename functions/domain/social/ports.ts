import type { CursorPage } from '../shared/cursor-page.js';
import type { ConnectedAccount, Delivery, Platform, SocialMessage } from './social.js';

/** What a platform adapter needs of an account: where, who, and the decrypted credential. */
export interface AccountCredentials {
  handle: string;
  server?: string;
  token: string;
}

/** A post as it leaves: final text (hashtags and tagged link included), media, and the stable reference. */
export interface OutgoingPost {
  text: string;
  media: Array<{ url: string; alt: string; contentType: string }>;
  /** Stable per (message, target): sent as the idempotency key where the platform has one. */
  clientRef: string;
}

export interface PublishedPost {
  postId: string;
  postUrl: string;
}

/**
 * Why a platform call failed, as the dispatcher needs to know it:
 * - `rate_limited`: refused before posting; retry after `retryAfterMs`.
 * - `uncertain`: the request left and no answer came (timeout, connection reset, 5xx after
 *   sending): it may have posted, so look before posting again.
 * - `unavailable`: refused before posting (5xx on connect, 503): retry with backoff.
 * - `auth`: the token expired or was revoked: the supporter must reconnect.
 * - `rejected`: the platform refused the post itself (too long, duplicate, media): do not retry.
 */
export type SocialErrorKind = 'rate_limited' | 'uncertain' | 'unavailable' | 'auth' | 'rejected';

export class SocialError extends Error {
  constructor(
    readonly kind: SocialErrorKind,
    message: string,
    readonly details: { retryAfterMs?: number; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'SocialError';
  }
}

/** One social network behind one interface (Mastodon, Bluesky, X, …, and the local sandbox). */
export interface SocialNetwork {
  readonly platform: Platform;
  publish(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost>;
  /** After an uncertain attempt: the post carrying `clientRef` (or this exact text), if the account has it. */
  findPost(account: AccountCredentials, post: OutgoingPost): Promise<PublishedPost | undefined>;
  /** Followers now (expected reach when connecting, delivered reach when posting). */
  followers(account: AccountCredentials): Promise<number>;
  /**
   * Where each server sets its own post length (Mastodon: the instance's
   * `configuration.statuses.max_characters`): the longest post the account's server takes.
   * Absent on networks with one limit for everyone.
   */
  maxCharacters?(account: Pick<AccountCredentials, 'handle' | 'server'>): Promise<number>;
}

/** Credentials at rest: KMS on AWS, a local key with `npm start`. Never logged. */
export interface TokenBox {
  seal(plaintext: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** The idempotency records of a blast, one per (message, target). */
export interface DeliveryStore {
  /**
   * Creates records that do not exist yet (a repeated fan-out changes nothing); returns how many
   * were new. `fresh`: the caller knows that none of them can exist yet (the fan-out's progress
   * says no run got this far), so the store may write them without a condition, faster and at
   * half the cost. Never pass it when one might exist: an unconditional write would reset it.
   */
  createAll(deliveries: readonly Delivery[], options?: { fresh?: boolean }): Promise<number>;
  get(messageId: string, targetId: string): Promise<Delivery | undefined>;
  /**
   * Claims a delivery for one attempt: succeeds only if it is pending and due (not before
   * `notBefore`), or claimed with an expired lease. Returns the claimed record, or undefined.
   * Taking over an expired claim returns the record with `uncertain: true`: the attempt that held
   * it may have posted before it died, so the new one looks for the post first.
   */
  claim(messageId: string, targetId: string, token: string, now: Date, leaseMs: number): Promise<Delivery | undefined>;
  /** Finishes or releases a claim; only the holder of `token` may (false when the claim was lost). */
  update(messageId: string, targetId: string, token: string, change: Partial<Delivery>): Promise<boolean>;
  /** Every delivery of a message (the report), page by page. */
  list(messageId: string): AsyncIterable<Delivery[]>;
}

export interface AccountStore {
  save(account: ConnectedAccount): Promise<void>;
  get(id: string): Promise<ConnectedAccount | undefined>;
  /** Active organisation accounts, and the supporters' accounts lent to a campaign. */
  targetsOf(campaignYear: number): AsyncIterable<ConnectedAccount[]>;
  /**
   * The same accounts a page at a time, resumable (the fan-out saves the cursor between runs):
   * at most `limit` after the cursor `after` (from the start when absent).
   */
  targetPage(campaignYear: number, after: string | undefined, limit: number): Promise<CursorPage<ConnectedAccount>>;
}

/** One step of a message's life, kept with the message (append-only, in version order). */
export interface MessageAuditEntry {
  messageId: string;
  version: number;
  at: string;
  by: string;
  action: string;
  before: string | null;
  after: string;
  /** What changed when the step was an edit: dotted field, before, after. */
  changes?: Array<{ field: string; before: unknown; after: unknown }>;
  reason?: string;
}

export interface MessageRepository {
  listByCampaign(campaignYear: number): Promise<SocialMessage[]>;
  get(campaignYear: number, id: string): Promise<SocialMessage | undefined>;
  /** Writes `next` if the stored version is still `expectedVersion` (undefined: new), with its audit entry. */
  save(next: SocialMessage, expectedVersion: number | undefined, entry: MessageAuditEntry): Promise<void>;
  history(campaignYear: number, id: string): Promise<MessageAuditEntry[]>;
}

/**
 * A supporter's account as "Lend your voice" stores it: a `ConnectedAccount` plus what a lending
 * needs besides the credential. `shareOnly` accounts are on a network that forbids posting on
 * others' behalf (`PLATFORM_RULES[platform].supporterPosting === 'share-link'`): they hold no
 * credential (`encryptedToken` is ''), and at the moment the supporter is emailed a pre-filled
 * share link instead of a post. `sealedEmail` (sealed with the TokenBox, like credentials) is
 * where that link, the revoke link and reconnect reminders go.
 */
export interface LentAccount extends ConnectedAccount {
  shareOnly?: boolean;
  sealedEmail?: string;
  /** The message the supporter saw and agreed to when lending (at that version). */
  consent?: { messageId: string; messageVersion: number; at: string };
  revokedAt?: string;
  expiredAt?: string;
  /** Someone is asking the owner to reconnect right now (a lease: a crashed asker's claim runs out). */
  reconnectClaim?: { token: string; until: string };
  /** The owner was asked to reconnect, for the expiry of `expiredAt` (never twice for one expiry). */
  reconnectAsked?: { at: string; expiredAt: string };
}

/** Expected reach: how many accounts are lent (active) and their followers when they connected. */
export interface ReachTotals {
  accounts: number;
  followers: number;
}

/**
 * The account store as lending, revoking and the reach figures need it. Every change keeps the
 * campaign's reach totals in the same atomic write, so the totals never drift from the accounts.
 */
export interface SupporterAccountStore extends AccountStore {
  get(id: string): Promise<LentAccount | undefined>;
  /**
   * Ends a lending in one write: status `revoked`, the sealed credential and email removed, and
   * the account off the campaign's targets. Safe to repeat; undefined when there is no such account.
   */
  revoke(id: string, at: Date): Promise<LentAccount | undefined>;
  /**
   * The platform refused the account's token: `active` → `expired` (a revoke made meanwhile wins;
   * anything but an active account is left as it is). Returns the account as it is afterwards.
   */
  markExpired(id: string, at: Date): Promise<LentAccount | undefined>;
  /**
   * The network answered with a new follower count for an active account: the account, its
   * target item and the campaign's reach change together. Anything but an active account is
   * left as it is. Returns the account as it is afterwards.
   */
  refreshFollowers(id: string, followers: number): Promise<LentAccount | undefined>;
  /**
   * Claims asking an expired account's owner to reconnect: succeeds (returning the account, with
   * its secrets) only if the account is expired, its owner was not asked for this expiry, and no
   * other claim is running (`leaseMs`). Undefined otherwise.
   */
  claimReconnect(id: string, token: string, at: Date, leaseMs: number): Promise<LentAccount | undefined>;
  /** Ends a reconnect claim held with `token`: `asked` records that the owner was asked (at `at`); false only releases it. */
  finishReconnect(id: string, token: string, at: Date, asked: boolean): Promise<void>;
  /** Active accounts and their followers: the supporters' of one campaign, and the organisation's (which serve every campaign). */
  reach(campaignYear: number): Promise<{ supporters: ReachTotals; organisation: ReachTotals }>;
}
