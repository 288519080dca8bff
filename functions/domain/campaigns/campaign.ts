import type { Language } from '../shared/languages.js';

/** Text in the campaign's languages; English is required, as the fallback for the others. */
export type LocalizedText = { en: string } & Partial<Record<Exclude<Language, 'en'>, string>>;

/**
 * A World Day campaign: one per year, observed on 30 July since 2014. 2014 and 2015 had no
 * theme, so a theme is optional. (Editing, media kits and publishing come with the campaigns
 * issue; this is the shape it builds on.)
 */
export interface Campaign {
  year: number;
  /** The World Day itself, `YYYY-MM-DD`. */
  day: string;
  theme?: LocalizedText;
  summary: LocalizedText;
  keyMessages: LocalizedText[];
  hashtags: string[];
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

/** The campaign the site leads with: this year's if published, else the latest published one. */
export function currentCampaign(campaigns: readonly Campaign[], now: Date): Campaign | undefined {
  const published = campaigns.filter((c) => c.status === 'published' && c.year <= now.getUTCFullYear());
  return published.sort((a, b) => b.year - a.year)[0];
}

export interface CampaignStore {
  list(): Promise<Campaign[]>;
  get(year: number): Promise<Campaign | undefined>;
  save(campaign: Campaign): Promise<void>;
}
