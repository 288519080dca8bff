import type { Language } from '../shared/languages.js';

/**
 * A national chapter adopts the Blue Heart campaign under its own name and language, with its
 * own pledge page and its own counter inside the global one. Kept as data: adding a chapter is
 * a reviewed change, and the static site is built from this list.
 */
export interface Chapter {
  slug: string;
  name: string;
  hashtag: string;
  defaultLanguage: Language;
  /** Countries where the chapter campaigns; the pledge form preselects the first. */
  countries: string[];
  launched: string;
  /** One line about the chapter in its own language. */
  tagline: string;
}

export const CHAPTERS: readonly Chapter[] = [
  {
    slug: 'aquiestoy',
    name: '#AQUIESTOY',
    hashtag: '#AQUIESTOY',
    defaultLanguage: 'es',
    countries: ['MX', 'EC'],
    launched: '2017-08',
    tagline: '“Aquí estoy”: la iniciativa en español lanzada por México y la UNODC en agosto de 2017; Ecuador se unió en 2019.',
  },
];

export const findChapter = (slug: string): Chapter | undefined => CHAPTERS.find((c) => c.slug === slug);

export const CHAPTER_SLUGS = CHAPTERS.map((c) => c.slug);
