import type { Language } from '../shared/languages.js';
import type { Currency } from './currencies.js';
import type { DonorCategory, Frequency } from './donation.js';

/**
 * The donation ledger: append-only. A gift, a refund, a dispute and a dispute's reversal are
 * each an entry; nothing is ever updated in place, and every total is derived from entries.
 * Entry ids are derived from Stripe's ids (`gift:ch_…`, `refund:re_…`), so recording the same
 * fact twice — a redelivered webhook, a retried worker — finds it already there.
 */
export type LedgerEntryKind = 'gift' | 'refund' | 'dispute' | 'dispute_reversal';

export interface LedgerEntry {
  id: string;
  kind: LedgerEntryKind;
  /** When Stripe says it happened (ISO). */
  occurredAt: string;
  /** Signed, in minor units of `currency`: gifts and reversals positive, refunds and disputes negative. */
  amount: number;
  currency: Currency;
  /** Stripe's balance transaction: what the account actually moved, in the settlement currency. */
  settlement: { amount: number; fee: number; net: number; currency: string; exchangeRate: number | null; balanceTransactionId: string };
  stripe: {
    chargeId: string;
    paymentIntentId?: string;
    refundId?: string;
    disputeId?: string;
    invoiceId?: string;
    subscriptionId?: string;
    customerId?: string;
    checkoutSessionId?: string;
  };
  /** Carried from the gift to its refunds and disputes, for reports and exports. */
  campaignYear?: number;
  donorCategory: DonorCategory;
  earmark?: string;
  frequency: Frequency;
  language: Language;
  anonymous: boolean;
  displayName?: string;
  dedication?: string;
  /** Gifts only: the receipt's number, e.g. BH-2026-000123. */
  receiptNumber?: string;
  /** Personal data (gifts only), for the receipt: erasable without touching the amounts. */
  donor?: { name?: string; email?: string };
  receiptSentAt?: string;
  /** Made within the campaign's matching window: counts toward the matcher's pledge. */
  matchable?: boolean;
  /** Keyed hash of the donor's address: finds a donor's gifts (annual receipt) without storing it twice. */
  donorKey?: string;
}

/** One line of a donor's giving history (gifts and what undid them), for the annual receipt. */
export interface DonorLine {
  id: string;
  kind: LedgerEntryKind;
  occurredAt: string;
  amount: number;
  currency: Currency;
  receiptNumber?: string;
  language: Language;
  donorName?: string;
}

export interface CampaignTotals {
  campaignYear: number;
  /**
   * Net of refunds and disputes, per settlement currency, at Stripe's rates. An account usually
   * settles in one currency; one with several bank accounts may settle in more.
   */
  raised: Record<string, number>;
  /** Distinct donors (Stripe customers) with a gift to the campaign. */
  donors: number;
  /** Per gift currency, the gross amounts as given (for reports). */
  byCurrency: Record<string, number>;
  /** Raised within the matching window, per settlement currency. */
  matchable: Record<string, number>;
}

export interface LedgerRepository {
  /** Appends an entry unless one with its id exists; says which happened. Totals follow atomically. */
  append(entry: LedgerEntry): Promise<'appended' | 'duplicate'>;
  get(id: string): Promise<LedgerEntry | undefined>;
  /** The gift a charge paid for (to carry its campaign and category to refunds and disputes). */
  giftForCharge(chargeId: string): Promise<LedgerEntry | undefined>;
  /**
   * Claims the sending of a gift's receipt with a token: true for the one claimant. Repeating
   * the call with the same token is safe (true again), so a lost answer can be retried.
   */
  claimReceipt(id: string, token: string, at: string): Promise<boolean>;
  /** Records that the claimant sent it (same token; safe to repeat). */
  markReceiptSent(id: string, token: string, at: string): Promise<void>;
  /** Gives a claim back when the email could not be sent, so a later delivery sends it. */
  releaseReceipt(id: string, token: string): Promise<void>;
  /** Counts the gift's donor once per campaign; safe to call again for the same gift. */
  countDonor(entry: LedgerEntry): Promise<void>;
  totals(campaignYear: number): Promise<CampaignTotals>;
  nextReceiptNumber(year: number): Promise<string>;
  /** Everything recorded for a donor in a calendar year, oldest first. */
  donorLines(donorKey: string, year: number): Promise<DonorLine[]>;
  /** Entries that occurred in [from, to) (ISO instants), oldest first, page by page. */
  entriesBetween(from: string, to: string): AsyncIterable<LedgerEntry[]>;
}
