import type { Language } from '../shared/languages.js';
import { LANGUAGES } from '../shared/languages.js';

/** Text in the campaign's languages; English is required, as the fallback for the others. */
export type LocalizedText = { en: string } & Partial<Record<Exclude<Language, 'en'>, string>>;

export interface CampaignLink {
  label: LocalizedText;
  url: string;
}

export interface CallToAction {
  text: LocalizedText;
  /** A site path (`/en/pledge/`-style paths are localised by the page) or an absolute https URL. */
  url: string;
}

export interface Partner {
  name: string;
  url?: string;
}

export type MediaKind = 'image' | 'gif' | 'video' | 'pdf';

/** A file of the media kit, uploaded by a manager; served from `/media/<year>/<file>`. */
export interface MediaItem {
  id: string;
  kind: MediaKind;
  /** File name inside the campaign's media folder, e.g. `blue-heart-square.png`. */
  file: string;
  contentType: string;
  bytes: number;
  title: LocalizedText;
  /** Text alternative for images, GIFs and video posters. */
  alt?: LocalizedText;
  /** When the file itself is in one language (a translated video, a PDF); absent = any language. */
  language?: Language;
}

export interface Money {
  /** Minor units (cents); zero-decimal currencies have none. */
  amount: number;
  currency: string;
}

/** A company or foundation that matches gifts, up to a cap, within a time window. */
export interface Matcher {
  name: string;
  cap: Money;
  startsAt: string;
  endsAt: string;
}

/** The campaign's fundraising: a target in the reporting (settlement) currency, a closing date, a matcher. */
export interface Fundraising {
  target: Money;
  endsAt: string;
  matcher?: Matcher;
}

/**
 * A World Day campaign: one per year, observed on 30 July since 2014. 2014 and 2015 had no
 * theme, so a theme is optional. The same shape is the manager's draft and the published
 * snapshot the site is rendered from.
 */
export interface Campaign {
  year: number;
  /** The World Day itself, `YYYY-MM-DD`. */
  day: string;
  theme?: LocalizedText;
  summary: LocalizedText;
  keyMessages: LocalizedText[];
  callsToAction: CallToAction[];
  hashtags: string[];
  links: CampaignLink[];
  partners: Partner[];
  mediaKit: MediaItem[];
  fundraising?: Fundraising;
  status: 'draft' | 'published';
  updatedAt: string;
}

export const WORLD_DAY = { month: 7, day: 30 } as const;

export const worldDayOf = (year: number): string => `${year}-07-30`;

/** A text in the visitor's language, or English where no translation exists yet. */
export const inLanguage = (text: LocalizedText, language: Language): { text: string; language: Language } => {
  const translated = text[language as Exclude<Language, 'en'>];
  return translated ? { text: translated, language } : { text: text.en, language: 'en' };
};

/** Every translatable text of a campaign, with a dotted path naming it (`keyMessages.1`). */
export function localizedTexts(campaign: Campaign): Array<{ path: string; text: LocalizedText }> {
  return [
    ...(campaign.theme ? [{ path: 'theme', text: campaign.theme }] : []),
    { path: 'summary', text: campaign.summary },
    ...campaign.keyMessages.map((text, i) => ({ path: `keyMessages.${i}`, text })),
    ...campaign.callsToAction.map((cta, i) => ({ path: `callsToAction.${i}.text`, text: cta.text })),
    ...campaign.links.map((link, i) => ({ path: `links.${i}.label`, text: link.label })),
    ...campaign.mediaKit.flatMap((item, i) => [
      { path: `mediaKit.${i}.title`, text: item.title },
      ...(item.alt ? [{ path: `mediaKit.${i}.alt`, text: item.alt }] : []),
    ]),
  ];
}

/** How complete each language is (0–1), and which texts fall back to English in each. */
export function translationStatus(campaign: Campaign): Record<Language, { complete: number; missing: string[] }> {
  const texts = localizedTexts(campaign);
  return Object.fromEntries(
    LANGUAGES.map((language) => {
      const missing = texts.filter(({ text }) => !text[language as Exclude<Language, 'en'>]?.trim() && language !== 'en').map(({ path }) => path);
      return [language, { complete: texts.length === 0 ? 1 : (texts.length - missing.length) / texts.length, missing }];
    }),
  ) as Record<Language, { complete: number; missing: string[] }>;
}

/** The campaign the site leads with: this year's if published, else the latest published one. */
export function currentCampaign(campaigns: readonly Campaign[], now: Date): Campaign | undefined {
  const published = campaigns.filter((c) => c.status === 'published' && c.year <= now.getUTCFullYear());
  return published.sort((a, b) => b.year - a.year)[0];
}
