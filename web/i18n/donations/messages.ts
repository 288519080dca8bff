import type { DonorCategory } from '../../../functions/domain/donations/donation.js';
import type { EarmarkId } from '../../../functions/domain/donations/donation.js';
import type { Plural } from '../plural.js';

/**
 * Strings of online giving: the donate form, the thank-you page after Stripe's checkout and the
 * campaign's fundraising progress. Part of `Messages`; one file per language beside this one.
 */
export interface DonationMessages {
  giving: {
    formHeading: string;
    /** Shown above the form: the fund is UNODC's, the payment Stripe's. */
    formIntro: string;
    currency: string;
    /** Tells donors in Mexico that they can give in pesos. */
    currencyHint: string;
    amount: string;
    customAmount: string;
    /** `{min}` and `{max}`: the currency's limits, formatted. */
    customAmountHint: string;
    frequency: string;
    once: string;
    monthly: string;
    donorCategory: string;
    categories: Record<DonorCategory, string>;
    showName: string;
    displayName: string;
    displayNameHint: string;
    dedication: string;
    dedicationHint: string;
    earmark: string;
    earmarkNone: string;
    earmarks: Record<EarmarkId, string>;
    submit: string;
    sending: string;
    /** Payment on Stripe's page; card details never reach this site; a receipt by email. */
    paymentNote: string;
    largerGifts: string;
    fieldErrors: Record<
      'amount' | 'currency' | 'frequency' | 'donorCategory' | 'displayName' | 'dedication' | 'earmark',
      string
    >;
    /** `{min}` and `{max}`: the currency's limits, formatted. */
    amountOutOfRange: string;
  };
  givingThanks: {
    title: string;
    text: string;
    receipt: string;
    supportsHeading: string;
    shareText: string;
    homeLink: string;
    donateAgain: string;
  };
  /**
   * The form that asks for one consolidated statement of a calendar year's gifts (donate page,
   * donate thanks page) and the page a plain form post lands on. The answer never says whether
   * the address gave, so neither may the wording.
   */
  statement: {
    heading: string;
    intro: string;
    email: string;
    emailHint: string;
    year: string;
    submit: string;
    sending: string;
    /** Says the same thing whether or not the address gave. */
    privacyNote: string;
    /** `{year}`: the chosen year. Shown after the request, whatever the answer. */
    sent: string;
    /** The page after a plain form post (the year is not known there). */
    pageTitle: string;
    pageText: string;
    pageNote: string;
    backLink: string;
    fieldErrors: Record<'email' | 'year', string>;
  };
  progress: {
    /** `{year}`: the campaign's year. */
    heading: string;
    /** `{raised}` of `{target}`, both formatted amounts. */
    raisedOfTarget: string;
    raised: string;
    /** The progress bar's accessible name. */
    barLabel: string;
    donors: Plural;
    daysLeft: Plural;
    lastDay: string;
    /** `{matched}` matched by `{matcher}`. */
    matched: string;
    /** `{remaining}` of matching left. */
    matchRemaining: string;
  };
}
