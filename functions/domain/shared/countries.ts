import countries from 'i18n-iso-countries';
import type { Language } from './languages.js';

/** ISO 3166-1 alpha-2 codes, from the `i18n-iso-countries` data set (kept current by its maintainers). */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

const codeSet = new Set(COUNTRY_CODES);

export const isCountryCode = (value: string): boolean => codeSet.has(value);

/** ISO 3166-1 numeric (as used by world-atlas) to alpha-2. */
export const numericToAlpha2 = (numeric: string | number): string | undefined =>
  countries.numericToAlpha2(String(numeric).padStart(3, '0'));

const displayNames = new Map<Language, Intl.DisplayNames>();

/** A country's name in a language, from the runtime's CLDR data (Intl.DisplayNames). */
export function countryName(code: string, language: Language): string {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  return names.of(code) ?? code;
}
