import type { Pledge, PledgeStats, WallEntry, PledgeReview } from './pledge.js';
import type { CursorPage } from '../shared/cursor-page.js';
import type { Language } from '../shared/languages.js';

/**
 * Where pledges and their counters live. `save` writes a pledge and, when its `counted` flag
 * changes, moves the counters by one in the same atomic write; it fails with a `conflict`
 * AppError when the stored version is no longer `previous.version`.
 */
export interface PledgeStore {
  get(id: string): Promise<Pledge | undefined>;
  findByEmailHash(emailHash: string): Promise<Pledge | undefined>;
  /**
   * Stores a new pending pledge and claims its address. `replacing` is the id the address was
   * claimed by before (a pending pledge that has since expired); the claim is conditional on it.
   */
  create(pledge: Pledge, replacing?: string): Promise<void>;
  save(previous: Pledge, next: Pledge): Promise<void>;
  stats(now: Date): Promise<PledgeStats>;
  wall(limit: number): Promise<WallEntry[]>;
  /** Pledges created in [from, to), optionally narrowed; newest first. */
  findForReview(filter: ReviewFilter): Promise<PledgeSummary[]>;
  /** Every confirmed pledge that still has its personal data, oldest first, page by page. */
  confirmedPledges(): AsyncIterable<Pledge[]>;
  /**
   * The pledgers who asked for updates and may be written to now (confirmed, counted, subscribed,
   * not erased: `whyNotMailable` finds nothing), a page at a time from an index kept with each
   * pledge, never a read of every pledge: at most `limit` after the cursor `after`.
   */
  updateSubscribers(after: string | undefined, limit: number): Promise<CursorPage<UpdateSubscriber>>;
}

/** What the email list of a message needs of a pledger: who, in which language, where (for the time zone). */
export type UpdateSubscriber = Pick<Pledge, 'id' | 'language' | 'country'>;

/** What review needs to see of a pledge: no name, no address. */
export type PledgeSummary = Pick<
  Pledge,
  'id' | 'status' | 'review' | 'counted' | 'country' | 'language' | 'chapter' | 'emailDomain' | 'ipHash' | 'suspectReasons' | 'createdAt' | 'confirmedAt'
>;

export interface ReviewFilter {
  from: Date;
  to: Date;
  review?: PledgeReview;
  country?: string;
  emailDomain?: string;
  ipHash?: string;
  limit?: number;
}

/**
 * Fixed-window counters for abuse controls. Returns the count in the window after this hit;
 * a negative `amount` gives a hit back (an email that could not be sent).
 */
export interface RateLimiter {
  hit(key: string, windowSeconds: number, now: Date, amount?: number): Promise<number>;
}

export type ChallengeResult = 'valid' | 'missing' | 'invalid';

/** Self-hosted proof of work (ALTCHA). A solved challenge is accepted once. */
export interface ProofOfWork {
  createChallenge(now: Date): Promise<unknown>;
  verify(payload: string | undefined, now: Date): Promise<ChallengeResult>;
}

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: Language;
  /** RFC 8058 one-click unsubscribe URL, sent as List-Unsubscribe. */
  unsubscribeUrl?: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}

/** Keyed one-way hashes: abuse review by address, domain or IP without keeping them. */
export interface Hasher {
  email(normalisedEmail: string): string;
  ip(ip: string): string;
}

/**
 * `mastodon-connect`: the OAuth `state` of a supporter connecting a Mastodon account (short-lived).
 * `erasure`: the link that confirms a request to erase everything of an address (24 hours).
 */
export type TokenPurpose = 'confirm' | 'unsubscribe' | 'erase' | 'media-upload' | 'manage-giving' | 'revoke-social' | 'mastodon-connect' | 'erasure';

export interface TokenSigner {
  sign(purpose: TokenPurpose, subject: string, now: Date, ttlSeconds?: number): string;
  /** The subject, or an `invalid_token` / `expired_token` AppError. */
  verify(purpose: TokenPurpose, token: string, now: Date): string;
}
