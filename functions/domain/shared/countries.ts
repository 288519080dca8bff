// The package's code table only: its main entry also loads names in 80 languages (700 KB in a
// Lambda bundle), and names come from the runtime's CLDR data instead.
import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import type { Language } from './languages.js';

/** [alpha-2, alpha-3, numeric, ISO 3166-2 reference] rows of the `i18n-iso-countries` data set. */
const ROWS = codes as [string, string, string, string][];

/** ISO 3166-1 alpha-2 codes, kept current by the `i18n-iso-countries` maintainers. */
export const COUNTRY_CODES: readonly string[] = ROWS.map(([alpha2]) => alpha2).sort();

const codeSet = new Set(COUNTRY_CODES);
const byNumeric = new Map(ROWS.map(([alpha2, , numeric]) => [numeric, alpha2]));

export const isCountryCode = (value: string): boolean => codeSet.has(value);

/** ISO 3166-1 numeric (as used by world-atlas) to alpha-2. */
export const numericToAlpha2 = (numeric: string | number): string | undefined =>
  byNumeric.get(String(numeric).padStart(3, '0'));

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
