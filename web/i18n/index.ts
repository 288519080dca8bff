import { textDirection, type Language } from '../../functions/domain/shared/languages.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import type { Messages } from './messages.js';
import { fillTemplate, selectPlural, type Plural } from './plural.js';
import { pt } from './pt.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type { Messages, ServerMessageKind } from './messages.js';
export { fillTemplate, selectPlural, splitAtCount, type Plural, type PluralCategory } from './plural.js';

export const MESSAGES: Record<Language, Messages> = { en, fr, es, ar, zh, ru, pt };

export const messagesFor = (language: Language): Messages => MESSAGES[language];

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A count with the language's grouping and digits (CLDR defaults; the browser uses the same data). */
export function formatNumber(language: Language, value: number): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format.format(value);
}

/**
 * Unicode bidi isolates (FSI … PDI, UAX #9) around an inserted value, so that a Latin name such
 * as "#AQUIESTOY" inside an Arabic sentence keeps its own direction and does not move the
 * punctuation around it.
 */
export const isolate = (language: Language, value: string): string =>
  textDirection(language) === 'rtl' ? `\u2068${value}\u2069` : value;

/** Fills a message; string values are bidi-isolated on right-to-left pages. */
export function translate(language: Language, template: string, values: Record<string, string> = {}): string {
  const isolated = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, isolate(language, value)]));
  return fillTemplate(template, isolated);
}

/**
 * The plural form for `count`, with every placeholder but `{count}` filled, so callers can
 * emphasise the number (see `splitAtCount`).
 */
export function pluralTemplate(
  language: Language,
  forms: Plural,
  count: number,
  values: Record<string, string> = {},
): string {
  return translate(language, selectPlural(language, forms, count), values);
}

/** The plural forms with every placeholder but `{count}` filled, for the browser to choose from. */
export function pluralForms(language: Language, forms: Plural, values: Record<string, string> = {}): Plural {
  return Object.fromEntries(
    Object.entries(forms).map(([category, template]) => [category, translate(language, template, values)]),
  ) as Plural;
}

/** Dates follow UN usage: English "30 July", not the US "July 30". */
const dateLocale = (language: Language): string => (language === 'en' ? 'en-GB' : language);

/** 30 July, say, in the language's own order and month names. */
export function formatDayMonth(language: Language, month: number, day: number): string {
  return new Intl.DateTimeFormat(dateLocale(language), { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2000, month - 1, day),
  );
}

/** "2026-11" → "November 2026" in the language. */
export function formatYearMonth(language: Language, yearMonth: string): string {
  const [year, month] = yearMonth.split('-').map(Number);
  if (!year || !month) return yearMonth;
  return new Intl.DateTimeFormat(dateLocale(language), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, 1),
  );
}

export { formatBytes, formatDate, formatUsd, languageName } from './format.js';
