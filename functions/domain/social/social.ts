import type { Language } from '../shared/languages.js';

/**
 * Coordinated social messages (the Thunderclap model): managers compose one message per campaign
 * with variants per language and platform, a second manager approves it, and at the scheduled
 * moment it goes out from the organisation's accounts, from every supporter who lent theirs, and
 * to the pledgers who asked for updates. Every target gets it exactly once.
 */

export const PLATFORMS = ['mastodon', 'bluesky', 'x', 'facebook', 'linkedin', 'threads'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** One platform's words for one language. */
export interface MessageVariant {
  language: Language;
  platform: Platform;
  text: string;
  /** Without the '#', e.g. `EndHumanTrafficking`; appended to the text when posted. */
  hashtags: string[];
  /** The campaign page; campaign tags (utm_*) are added when posted. */
  link?: string;
  /** Ids of media kit items (`MediaItem.id`) of the message's campaign. */
  mediaIds: string[];
  /** Alt text per media id (falls back to the media kit item's own). */
  altText: Record<string, string>;
  /**
   * Approved rewordings for supporters' posts: networks reject identical text from many
   * accounts, so each supporter's post takes one of these (or `text`), chosen by account.
   */
  alternatives: string[];
}

export type MessageStatus = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'sending' | 'sent' | 'partly_failed' | 'cancelled';

export type MessageSchedule =
  /** One instant for everyone (ISO, UTC). */
  | { kind: 'instant'; at: string }
  /** The same local time in each target's own time zone ("09:00 everywhere"), on a date. */
  | { kind: 'local'; date: string; time: string };

export interface SocialMessage {
  id: string;
  campaignYear: number;
  /** For the console list; never posted. */
  title: string;
  variants: MessageVariant[];
  schedule?: MessageSchedule;
  status: MessageStatus;
  createdBy: string;
  createdAt: string;
  /** Who last changed what is posted (the variants); the creator until then. May not approve it. */
  editedBy?: string;
  submittedBy?: string;
  approvedBy?: string;
  cancelledBy?: string;
  /**
   * Set when it finishes sending: the posts from accounts (organisation's and supporters') and
   * their followers at posting. The public reach adds these up, so it never reads deliveries.
   */
  delivered?: DeliveredReach;
  version: number;
}

export interface DeliveredReach {
  posts: number;
  reach: number;
}

/** Who a message goes out from (or to). */
export type TargetKind = 'organisation' | 'supporter' | 'email';

/** An account lent by a supporter, or connected by a manager for the organisation. */
export interface ConnectedAccount {
  id: string;
  owner: 'organisation' | 'supporter';
  platform: Platform;
  /** The account's handle, e.g. `@ana@mastodon.social`, `ana.bsky.social`. */
  handle: string;
  /** Mastodon instance or PDS base URL; absent for networks with one host. */
  server?: string;
  /** What the network posts as, where the handle does not name it: a Facebook Page id, a LinkedIn author URN. */
  accountRef?: string;
  /** Followers when connected (expected reach). */
  followers: number;
  /**
   * Mastodon: the longest post its instance takes (`configuration.statuses.max_characters`), read
   * when the account is lent or connected; absent when unknown (counted as Mastodon's default, 500).
   */
  maxCharacters?: number;
  language: Language;
  /** IANA zone, for "09:00 local time everywhere". */
  timeZone: string;
  /** The credential, encrypted with the token key (KMS on AWS, a local key with `npm start`). */
  encryptedToken: string;
  /** The campaign the supporter lent it for (supporters); organisation accounts serve all. */
  campaignYear?: number;
  connectedAt: string;
  status: 'active' | 'expired' | 'revoked';
  /** Supporters: a keyed hash of their email, for the revoke link and reconnect reminders. */
  ownerKey?: string;
}

/** One target of one message: what the dispatcher posts, and the report lists. */
export interface DeliveryTarget {
  kind: TargetKind;
  /** Account id, or pledge id for email. */
  id: string;
  platform: Platform | 'email';
  language: Language;
  timeZone: string;
  followers: number;
}

/**
 * The idempotency record of one (message, target): created when the blast fans out, claimed by
 * exactly one worker attempt at a time, and finished once. An attempt whose outcome is unknown
 * (a timeout after the request left) leaves `uncertain`, so the next attempt looks for the post
 * before posting again.
 */
export interface Delivery {
  messageId: string;
  target: DeliveryTarget;
  /** When this target's post is due (its local time for `local` schedules). */
  dueAt: string;
  state: 'pending' | 'claimed' | 'posted' | 'failed' | 'skipped';
  attempts: number;
  /** The current claim: who holds it and until when (a crashed worker's claim expires). */
  claim?: { token: string; until: string };
  /** An attempt sent the request and never heard back: look before posting again. */
  uncertain?: boolean;
  /** Not before (Retry-After, backoff). */
  notBefore?: string;
  /** Stable per (message, target): the idempotency key where the platform takes one. */
  clientRef: string;
  postUrl?: string;
  postId?: string;
  error?: string;
  finishedAt?: string;
  /** Followers at the moment of posting (delivered reach). */
  reach?: number;
}
