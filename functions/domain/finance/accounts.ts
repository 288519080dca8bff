import type { DonorCategory } from '../donations/donation.js';

export interface Account {
  /** The account's number in the accounting system, e.g. `1210`. */
  code: string;
  name: string;
}

/**
 * The accounts the journal export posts to. A deployment passes its own to match its
 * accounting system's chart; the codes are written to the export as given.
 */
export interface ChartOfAccounts {
  /** The trust fund's bank account: payouts and bank transfers arrive here. */
  bank: Account;
  /** Stripe's balance: gifts land here, fees and payouts leave it; nets to zero once paid out. */
  stripeClearing: Account;
  /** Income, one account per donor category. */
  contributions: Record<DonorCategory, Account>;
  /** Stripe's processing and dispute fees. */
  fees: Account;
}

export const DEFAULT_CHART_OF_ACCOUNTS: ChartOfAccounts = {
  bank: { code: '1010', name: 'Bank – trust fund account' },
  stripeClearing: { code: '1210', name: 'Stripe clearing' },
  contributions: {
    government: { code: '4100', name: 'Contributions – governments' },
    'private-sector': { code: '4110', name: 'Contributions – private sector' },
    foundation: { code: '4120', name: 'Contributions – foundations' },
    individual: { code: '4130', name: 'Contributions – individuals' },
  },
  fees: { code: '6510', name: 'Payment processing fees' },
};
