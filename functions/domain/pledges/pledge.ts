import type { Language } from '../shared/languages.js';

/**
 * A Blue Heart pledge. Only `counted` pledges are in the counters; a pledge is counted when it
 * is confirmed and its review is `ok`. Every change of `counted` moves the counters in the same
 * DynamoDB transaction, so the two can never disagree.
 */
export type PledgeStatus = 'pending' | 'confirmed';

/** `suspect`: tripped an abuse control, held back silently. `invalidated`: a manager said so. */
export type PledgeReview = 'ok' | 'suspect' | 'invalidated';

export interface Pledge {
  id: string;
  status: PledgeStatus;
  review: PledgeReview;
  counted: boolean;
  /** Why the pledge was marked suspect (rule names, never raw personal data). */
  suspectReasons: string[];
  country: string;
  language: Language;
  chapter?: string;
  showOnWall: boolean;
  hiddenFromWall: boolean;
  wantsUpdates: boolean;
  /** Personal data: gone after erasure. */
  name?: string;
  email?: string;
  organisation?: string;
  /** Keyed hashes, for abuse review without keeping the raw values. */
  emailHash: string;
  emailDomain?: string;
  ipHash?: string;
  createdAt: string;
  confirmedAt?: string;
  erasedAt?: string;
  unsubscribedAt?: string;
  /** Which counter shard and hour this pledge was counted in, so un-counting hits the same items. */
  countedShard?: number;
  countedHour?: string;
  /** Optimistic concurrency: every write is conditional on the version it read. */
  version: number;
}

export const isCounted = (pledge: Pick<Pledge, 'status' | 'review'>): boolean =>
  pledge.status === 'confirmed' && pledge.review === 'ok';

/** What the wall shows: first name and country, nothing else. */
export interface WallEntry {
  id: string;
  firstName: string;
  country: string;
  confirmedAt: string;
}

export const firstNameOf = (name: string): string => name.trim().split(/\s+/)[0] ?? '';

/** Lower-cased and trimmed: `Ana@Example.ORG ` and `ana@example.org` are one pledger. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export const emailDomainOf = (normalisedEmail: string): string =>
  normalisedEmail.slice(normalisedEmail.lastIndexOf('@') + 1);

export interface PledgeStats {
  total: number;
  byCountry: Record<string, number>;
  byChapter: Record<string, number>;
  last24h: number;
}
