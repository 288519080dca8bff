import type { PaymentGateway } from '../donations/ports.js';
import type { PledgeDeps } from '../pledges/pledge-service.js';
import type { Clock } from '../shared/clock.js';
import type { SupporterAccountStore } from '../social/ports.js';
import type { MessageRepository } from '../social/ports.js';

/**
 * Everything the platform holds about one person is found by the keyed hash of their normalised
 * email address (`Hasher.email`): the pledge's address claim, a lent account's `ownerKey`, a
 * ledger entry's `donorKey`. The raw address is never needed to erase.
 */
export type EmailHash = string;

/** A gift (or a refund or dispute of it) recorded for an address, as the erasure needs it. */
export interface DonorRecord {
  entryId: string;
  occurredAt: string;
  /** The Stripe customer who paid it, when the ledger entry names one. */
  customerId?: string;
}

/**
 * Where the personal data of lent accounts and gifts is found by address, and where erasures are
 * recorded. (Pledges are found through `PledgeStore.findByEmailHash`.)
 */
export interface PersonalDataStore {
  /** Ids of the lent accounts an address owns that are not revoked yet. */
  lentAccountsOf(ownerKey: EmailHash): Promise<string[]>;
  /** The ledger entries that still carry the donor data of an address (gifts, and their refunds and disputes). */
  donorRecordsOf(donorKey: EmailHash): Promise<DonorRecord[]>;
  /**
   * Removes the donor's name, email, display name, dedication and key from one entry, and forgets
   * that the address gave it (the lookup item). Amounts, dates, Stripe ids and the receipt number
   * stay. Safe to repeat.
   */
  eraseDonorRecord(donorKey: EmailHash, record: DonorRecord, at: Date): Promise<void>;
  /** Appends an entry to the erasure log (kept for `RETENTION.erasureRecords`). */
  recordErasure(entry: ErasureLogEntry): Promise<void>;
  /** The erasure log of a month (`2026-07`), newest first. */
  erasures(month: string): Promise<ErasureLogEntry[]>;
}

export interface ErasureCounts {
  /** Pledges whose name, address and organisation were erased (the count stays). */
  pledges: number;
  /** Lent social accounts revoked (credential and sealed email deleted). */
  lentAccounts: number;
  /** Ledger entries that lost their donor data (the amounts stay). */
  donationRecords: number;
  /** Stripe customers deleted (which also ends their monthly gifts). */
  stripeCustomers: number;
}

/** Who erased: the person through a confirmed email link, or an admin for a request by post or phone. */
export type ErasureChannel = 'email-link' | 'admin';

/** One erasure, as the log keeps it: never the address, only its keyed hash. */
export interface ErasureLogEntry {
  id: string;
  at: string;
  channel: ErasureChannel;
  /** The admin's username, or `self` for the person's own confirmed link. */
  by: string;
  emailHash: EmailHash;
  erased: ErasureCounts;
  /** Why an admin erased (e.g. "letter of 2 July, ref. 14"); never the address. */
  reason?: string;
}

/** Everything erasure and retention need, wired once in the composition root. */
export interface PrivacyDeps {
  /** The pledges (store, hasher, tokens, mailer, limiter, public URL): erasure reuses their erase. */
  pledges: PledgeDeps;
  accounts: Pick<SupporterAccountStore, 'get' | 'revoke' | 'targetsOf'>;
  messages: Pick<MessageRepository, 'listByCampaign'>;
  personalData: PersonalDataStore;
  gateway: Pick<PaymentGateway, 'deleteCustomer'>;
  clock: Clock;
  newId: () => string;
  /**
   * The least time an erasure request takes to answer (ms): a known address costs a lookup and an
   * email, an unknown one only the lookup, and the answer must not tell them apart by its timing.
   */
  answerFloorMs: number;
}
