import type { Plural } from '../plural.js';

/**
 * Strings of the World Day pages: the campaign of each year, the archive, the media kit, the
 * countdown and calendar, donations and the trust fund. Part of `Messages`; one file per
 * language beside this one keeps the main language files short.
 */
export interface CampaignPagesMessages {
  worldDay: {
    /** `{count}` days left until the next 30 July (Arabic uses all six forms). */
    countdown: Plural;
    today: string;
    addToCalendar: string;
    /** The calendar event: title and description, in the file of each language. */
    eventSummary: string;
    eventDescription: string;
  };
  campaigns: {
    archiveTitle: string;
    archiveIntro: string;
    archiveEmpty: string;
    /** `{year}`; also the name of a year without a theme. */
    worldDayOf: string;
    /** `{date}`: 30 July of the campaign's year, formatted for the language. */
    observedOn: string;
    themeLabel: string;
    keyMessagesHeading: string;
    takeActionHeading: string;
    hashtagsHeading: string;
    linksHeading: string;
    partnersHeading: string;
    /** Shown once on a page where some campaign texts fall back to English. */
    fallbackNote: string;
    previewBanner: string;
    allCampaigns: string;
    /** Link from the home page to the current campaign's own page. */
    moreAboutCampaign: string;
  };
  mediaKit: {
    title: string;
    /** `{year}`: the current campaign's year. */
    intro: string;
    empty: string;
    heading: string;
    download: string;
    kinds: Record<'image' | 'gif' | 'video' | 'pdf', string>;
    /** `{language}`: the file's language, named in the page language. */
    fileLanguage: string;
  };
  donate: {
    title: string;
    lead: string;
    whatHeading: string;
    whatItems: string[];
    /** `{count}` is 3,000, formatted for the language. */
    reach: string;
    trustFundLink: string;
  };
  trustFund: {
    title: string;
    intro: string;
    historyHeading: string;
    history: string;
    partnersHeading: string;
    partners: string;
    grantsHeading: string;
    /** `{amount}` US$ 25,000; `{years}` 3. */
    grants: string;
    donorsHeading: string;
    /** `{amount}` US$ 6.7 million; `{states}` 30; `{companies}` 33; `{date}` March 2019. */
    donors: string;
    donateLink: string;
    source: string;
  };
}
