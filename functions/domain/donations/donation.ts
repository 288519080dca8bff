import type { Language } from '../shared/languages.js';
import type { Currency } from './currencies.js';

/** Who gives, for reporting by donor category (member states, private sector, individuals, foundations). */
export const DONOR_CATEGORIES = ['individual', 'private-sector', 'foundation', 'government'] as const;
export type DonorCategory = (typeof DONOR_CATEGORIES)[number];

export type Frequency = 'once' | 'monthly';

/** What a donor chooses on the donate page, before Stripe's checkout. */
export interface DonationIntent {
  amount: number;
  currency: Currency;
  frequency: Frequency;
  donorCategory: DonorCategory;
  /** Anonymous donors are never named on the donor list. */
  anonymous: boolean;
  /** The name shown on the donor list when not anonymous. */
  displayName?: string;
  dedication?: string;
  campaignYear?: number;
  /** A purpose the fund offers (e.g. a grant round); it follows the gift into the ledger. */
  earmark?: string;
  language: Language;
  email?: string;
}

/** Purposes a gift may be earmarked for. Kept as data; finance adds rounds as they open. */
export const EARMARKS = [
  { id: 'small-grants', label: { en: 'Small Grants Facility for NGOs (up to US$ 25,000 a year per NGO)' } },
  { id: 'direct-assistance', label: { en: 'Direct assistance to victims through NGO partners' } },
] as const;
export type EarmarkId = (typeof EARMARKS)[number]['id'];
export const EARMARK_IDS = EARMARKS.map((e) => e.id) as unknown as readonly [EarmarkId, ...EarmarkId[]];
