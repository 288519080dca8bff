import type { Clock } from '../../shared/clock.js';
import type { Metrics } from '../../shared/metrics.js';
import type { ConnectedAccount, Delivery, Platform } from '../social.js';
import type { DeliveryStore, LentAccount, OutgoingPost, SocialNetwork, TokenBox } from '../ports.js';

/**
 * What the dispatcher needs besides `DeliveryStore`, `SocialNetwork` and `TokenBox`
 * (functions/domain/social/ports.ts). The dispatcher is the only code that posts: it claims a
 * (message, target) record, posts once, and records the outcome; every step is safe to repeat.
 */

/**
 * An account as the dispatcher sees it: a supporter's `shareOnly` account (X, Threads, LinkedIn,
 * Facebook, which forbid posting on others' behalf) holds no credential, and its owner is emailed
 * a share link (to `sealedEmail`) instead of a post.
 */
export type DispatchAccount = ConnectedAccount & Pick<LentAccount, 'shareOnly' | 'sealedEmail'>;

/** The accounts a blast posts from, as the dispatcher sees them at each target's turn. */
export interface DispatchAccounts {
  get(id: string): Promise<DispatchAccount | undefined>;
  /**
   * The platform refused the account's token (expired or revoked on the platform's side): mark
   * the account `expired` if it is still `active` (conditionally: a revoke that happened
   * meanwhile wins) and ask its owner to reconnect (supporters: the reconnect email; the
   * organisation: the managers). Called once per refused attempt; must be safe to repeat.
   */
  tokenExpired(account: ConnectedAccount, at: Date): Promise<void>;
}

/**
 * The post one delivery makes: the message's variant for the target's platform and language,
 * the approved alternative chosen for the account, hashtags and the tagged link, media with alt
 * text, and `delivery.clientRef`. It must be deterministic for a given (delivery, account): an
 * attempt that looks for an earlier uncertain attempt's post looks for this same text.
 * Throws `SocialError('rejected', …)` when the message has nothing to post for the target
 * (no variant for its platform, text over the limit): the delivery fails with that message.
 */
export interface PostComposer {
  postFor(delivery: Delivery, account: ConnectedAccount): Promise<OutgoingPost>;
}

/**
 * Email at the moment (functions/domain/social/email-channel.ts over SES): the message to a
 * confirmed pledger who opted in to updates (the email target), and a share-only supporter's
 * share link. Errors are `SocialError`s with the same meaning as a network's (`rate_limited`
 * with `retryAfterMs` when over the sending rate, `unavailable` when nothing was sent,
 * `uncertain` when the request left and no answer came, `rejected`: it will never be sent).
 */
export interface EmailChannel {
  /** `{ skipped }` when the pledger can no longer be mailed (unsubscribed, erased): not an error. */
  send(delivery: Delivery): Promise<{ id: string } | { skipped: string }>;
  /**
   * A share-only supporter's moment: the network's share page with their post ready, and their
   * revoke link, by email. Without it their deliveries fail with a clear error.
   */
  sendShareLink?(delivery: Delivery, account: DispatchAccount): Promise<{ id: string } | { skipped: string }>;
  /**
   * After an uncertain attempt: the email this delivery's `clientRef` sent, if the channel can
   * tell (e.g. from recorded SES events). Without it, an uncertain email is not sent again
   * (the report says so): nobody gets the message twice.
   */
  wasSent?(delivery: Delivery): Promise<{ id: string } | undefined>;
}

/** One unit of work: one (message, target). */
export interface DeliveryJob {
  messageId: string;
  targetId: string;
}

/**
 * Where delivery jobs wait for a worker. At least once: a job may be handed out twice (SQS does
 * that), which is harmless because every attempt starts with a conditional claim.
 * - Locally: `functions/dev/social-worker.ts` (in-process, N concurrent consumers, delays kept
 *   in memory; a restart rebuilds the queue from the records).
 * - On AWS (to come): an SQS queue (SendMessageBatch, 10 a call). SQS caps `DelaySeconds` at
 *   900 s, so the adapter sends `min(delayMs, 900 s)` and a worker that receives a job early
 *   finds the claim refused (`notBefore` is stored) and sends it again with the remaining delay.
 *   Jobs whose handler throws (DynamoDB unreachable) return to the queue after the visibility
 *   timeout and end in the dead-letter queue (with its alarm) after maxReceiveCount.
 */
export interface DeliveryQueue {
  send(jobs: readonly DeliveryJob[], options?: { delayMs?: number }): Promise<void>;
}

export interface DispatchPolicy {
  /** How long a claim holds; a crashed worker's deliveries are taken over after it. */
  leaseMs: number;
  /**
   * Longest wait for one platform call; past it the call counts as `uncertain`. Must be well
   * under `leaseMs` so that no attempt is still talking to the platform when its lease ends.
   */
  callTimeoutMs: number;
  /** Attempts (claims) before a delivery fails; rate-limited attempts are not counted. */
  maxAttempts: number;
  /** Exponential backoff with jitter between failed attempts: base × 2^(attempt − 1), capped. */
  backoff: { baseMs: number; maxMs: number };
  /** After `dueAt` + this, a delivery still not posted fails rather than posting late. */
  giveUpAfterMs: number;
  /** Wait for `Retry-After` when a 429 does not say. */
  defaultRetryAfterMs: number;
}

export const DEFAULT_DISPATCH_POLICY: DispatchPolicy = {
  leaseMs: 60_000,
  callTimeoutMs: 20_000,
  maxAttempts: 8,
  backoff: { baseMs: 2_000, maxMs: 5 * 60_000 },
  giveUpAfterMs: 24 * 60 * 60_000,
  defaultRetryAfterMs: 60_000,
};

export interface DispatchDeps {
  deliveries: DeliveryStore;
  accounts: DispatchAccounts;
  tokens: TokenBox;
  /** The adapter for a platform (Mastodon, Bluesky, …, or the sandbox); undefined when none is configured. */
  networks: (platform: Platform) => SocialNetwork | undefined;
  posts: PostComposer;
  /** The email target's channel; without it email deliveries fail with a clear error. */
  email?: EmailChannel;
  clock: Clock;
  /** A fresh claim token per attempt. */
  newToken: () => string;
  /** [0, 1): the backoff's jitter. */
  random?: () => number;
  policy?: Partial<DispatchPolicy>;
  /** Where warnings go (a lost claim, a post whose record could not be written). */
  warn?: (message: string, fields: Record<string, unknown>) => void;
  /** Posts and emails delivered, failed or skipped, as business metrics; absent: not counted. */
  metrics?: Metrics;
}
