import type { Plural } from './plural.js';
import type { CampaignPagesMessages } from './campaign-pages/messages.js';
import type { DonationMessages } from './donations/messages.js';
import type { LendMessages } from './lend/messages.js';
import type { PrivacyMessages } from './privacy/messages.js';

export type { CampaignPagesMessages } from './campaign-pages/messages.js';
export type { DonationMessages } from './donations/messages.js';
export type { LendMessages } from './lend/messages.js';
export type { PrivacyMessages } from './privacy/messages.js';

/**
 * Every string the public site shows, per language. English (`en.ts`) is the reference; the
 * other languages implement the same interface, so a missing string is a type error.
 * Placeholders are `{name}`; plural messages are objects keyed by CLDR plural category.
 */
export type ServerMessageKind =
  | 'unsubscribed'
  | 'erased'
  | 'link-invalid'
  | 'link-expired'
  | 'not-found'
  | 'rate-limited'
  | 'error';

export interface TitledText {
  title: string;
  text: string;
}

export interface Messages extends CampaignPagesMessages, DonationMessages, LendMessages, PrivacyMessages {
  meta: {
    siteName: string;
    description: string;
  };
  layout: {
    skipLink: string;
    quickExit: string;
    /** Read with the quick-exit link; also tells keyboard users about Esc Esc. */
    quickExitHint: string;
    getHelp: string;
    mainNav: string;
    home: string;
    pledgeNav: string;
    language: string;
    footerAbout: string;
    footerEmergency: string;
    privacy: string;
    campaignsNav: string;
    mediaKitNav: string;
    donateNav: string;
    trustFundNav: string;
    /** Alt text of the social card image (Open Graph, X). */
    socialCardAlt: string;
  };
  home: {
    title: string;
    /** `{date}` is 30 July, formatted for the language. */
    eyebrow: string;
    /** `{year}`: the current World Day campaign's year. */
    campaignHeading: string;
    hashtagsLabel: string;
    heading: string;
    lead: string;
    cta: string;
    counterHeading: string;
    pledgeCount: Plural;
    /** `{hours}` is 24, formatted for the language. */
    last24h: Plural;
    countUnavailable: string;
    mapHeading: string;
    mapLabel: string;
    legendHeading: string;
    /** The open-ended top bucket of the legend: `{value}` or more. */
    legendAtLeast: string;
    topCountriesHeading: string;
    countryColumn: string;
    pledgesColumn: string;
    factsHeading: string;
    facts: string[];
    factsSource: string;
    wallHeading: string;
    wallIntro: string;
    wallEmpty: string;
    ctaHeading: string;
    ctaText: string;
  };
  pledge: {
    title: string;
    statement: string;
    intro: string;
  };
  form: {
    name: string;
    nameHint: string;
    email: string;
    emailHint: string;
    country: string;
    countryPlaceholder: string;
    language: string;
    organisation: string;
    organisationHint: string;
    choices: string;
    showOnWall: string;
    wantsUpdates: string;
    honeypot: string;
    required: string;
    optional: string;
    submit: string;
    sending: string;
    privacyNote: string;
    privacyLink: string;
    errorSummaryTitle: string;
    errorGeneric: string;
    errorRateLimited: string;
    fieldErrors: Record<'name' | 'email' | 'country' | 'language' | 'organisation' | 'chapter', string>;
  };
  checkEmail: {
    title: string;
    text: string;
    expiry: string;
    spam: string;
  };
  thanks: {
    title: string;
    text: string;
    shareHeading: string;
    shareText: string;
    emailSubject: string;
    /** `{network}` is X, Facebook, WhatsApp, Telegram or LinkedIn. */
    shareOn: string;
    shareByEmail: string;
    seeCount: string;
  };
  chapter: {
    /** `{chapter}` is the chapter's name, e.g. #AQUIESTOY. */
    title: string;
    intro: string;
    chapterCount: Plural;
  };
  help: {
    title: string;
    intro: string;
    emergency: string;
    hotlinesHeading: string;
    call: string;
    text: string;
    website: string;
    hours247: string;
    /** `{date}` is the month the number was last checked. */
    checked: string;
    notListed: string;
    safety: string;
  };
  server: {
    confirm: { title: string; text: string; button: string; why: string };
    unsubscribe: { title: string; text: string; button: string };
    erase: { title: string; text: string; items: string[]; button: string; warning: string };
    messages: Record<ServerMessageKind, TitledText>;
    formErrors: { title: string; intro: string; back: string };
    homeLink: string;
  };
  notFound: {
    title: string;
    text: string;
    home: string;
  };
  chooser: {
    /** Shown on the root language chooser, each language in its own words. */
    continueIn: string;
  };
}
