import type { Language } from '../../functions/domain/shared/languages.js';

/**
 * Dates, sizes and amounts in the language's own conventions (CLDR through Intl). UN usage for
 * English: "30 July 2026", not "July 30, 2026".
 */
const locale = (language: Language): string => (language === 'en' ? 'en-GB' : language === 'pt' ? 'pt-PT' : language);

/** `2026-07-30` → "30 July 2026", "30 de julio de 2026", "2026年7月30日" … */
export function formatDate(language: Language, isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  if (!year || !month || !day) return isoDay;
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** 2 400 000 → "2.4 MB", "2,4 Mo", "2,4 МБ": decimal units (1 kB = 1000 bytes), as file managers show. */
export function formatBytes(language: Language, bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale(language), {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/**
 * An amount in US dollars; `compact` gives "US$6.7m" for the large totals. Arabic spells the
 * currency out ("25,000 دولار أمريكي"): the symbol "US$" inside right-to-left text is reordered
 * by the bidi algorithm into "$US".
 */
export function formatUsd(language: Language, amount: number, options: { compact?: boolean } = {}): string {
  return new Intl.NumberFormat(locale(language), {
    style: 'currency',
    currency: 'USD',
    currencyDisplay: language === 'ar' ? 'name' : 'symbol',
    ...(options.compact ? { notation: 'compact', maximumSignificantDigits: 2 } : { maximumFractionDigits: 0 }),
  }).format(amount);
}

/** A language's name in the page language: `languageName('fr', 'es')` → "espagnol". */
export function languageName(pageLanguage: Language, language: Language): string {
  return new Intl.DisplayNames([locale(pageLanguage)], { type: 'language' }).of(language) ?? language;
}
