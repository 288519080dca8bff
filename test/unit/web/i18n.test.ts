import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import {
  MESSAGES,
  formatDayMonth,
  pluralTemplate,
  selectPlural,
  splitAtCount,
  translate,
  type Plural,
} from '../../../web/i18n/index.js';

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

const isPlural = (value: unknown): value is Plural =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'other' in value &&
  Object.keys(value).every((key) => PLURAL_CATEGORIES.has(key));

/** Every leaf of a messages object, by dotted path; plural messages are one leaf. */
function leaves(value: unknown, path = ''): [string, string | Plural][] {
  if (typeof value === 'string' || isPlural(value)) return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
  return Object.entries(value as object).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('Arabic plurals', () => {
  it('picks a different form for 0, 1, 2, 3, 11 and 100 (zero, one, two, few, many, other)', () => {
    const forms = MESSAGES.ar.home.pledgeCount;
    const counts = [0, 1, 2, 3, 11, 100];
    expect(counts.map((n) => new Intl.PluralRules('ar').select(n))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    const chosen = counts.map((n) => selectPlural('ar', forms, n));
    expect(new Set(chosen).size).toBe(6);
    expect(pluralTemplate('ar', forms, 11)).toBe('تعهّد {count} شخصًا');
    expect(pluralTemplate('ar', forms, 1)).toBe('تعهّد شخص واحد');
  });

  it('isolates inserted Latin names in Arabic sentences, and not in English ones', () => {
    expect(translate('ar', MESSAGES.ar.chapter.title, { chapter: '#AQUIESTOY' })).toContain('\u2068#AQUIESTOY\u2069');
    expect(translate('en', MESSAGES.en.chapter.title, { chapter: '#AQUIESTOY' })).toBe('#AQUIESTOY: take the Blue Heart pledge');
  });
});

describe('the messages of every language', () => {
  const reference = new Map(leaves(MESSAGES.en));

  it.each(LANGUAGES)('%s has every message English has, and nothing else, none empty', (lang) => {
    const own = new Map(leaves(MESSAGES[lang]));
    expect([...own.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [path, value] of own) {
      const texts = typeof value === 'string' ? [value] : Object.values(value);
      for (const text of texts) expect(text.trim(), `${lang} ${path}`).not.toBe('');
    }
  });

  it.each(LANGUAGES)('%s keeps the placeholders of each message', (lang) => {
    for (const [path, value] of leaves(MESSAGES[lang])) {
      const english = reference.get(path);
      if (typeof value === 'string' && typeof english === 'string') {
        expect(placeholders(value), `${lang} ${path}`).toEqual(placeholders(english));
      } else if (typeof value !== 'string' && typeof english !== 'string' && english) {
        const allowed = new Set(Object.values(english).flatMap(placeholders));
        for (const form of Object.values(value)) for (const name of placeholders(form)) expect(allowed, `${lang} ${path}`).toContain(name);
        // `other` covers counts like 100 or 1000: the number must be shown.
        expect(value.other, `${lang} ${path}`).toContain('{count}');
      }
    }
  });

  it.each(LANGUAGES)('%s has a form for every plural category the language uses, or one form for all', (lang) => {
    // `{ other }` alone is a message whose wording does not change with the number ("24 h: {count}");
    // anything in between is a forgotten form.
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const [path, value] of leaves(MESSAGES[lang])) {
      if (typeof value === 'string' || Object.keys(value).length === 1) continue;
      for (const category of categories) expect(Object.keys(value), `${lang} ${path}`).toContain(category);
    }
  });
});

describe('formatting', () => {
  it('writes the World Day the way each language does', () => {
    expect(formatDayMonth('en', 7, 30)).toBe('30 July');
    expect(formatDayMonth('fr', 7, 30)).toBe('30 juillet');
    expect(formatDayMonth('es', 7, 30)).toBe('30 de julio');
    expect(formatDayMonth('zh', 7, 30)).toBe('7月30日');
  });

  it('splits a message around its number', () => {
    expect(splitAtCount('{count} people have pledged')).toEqual(['', ' people have pledged']);
    expect(splitAtCount('已有{count}人作出承诺')).toEqual(['已有', '人作出承诺']);
    expect(splitAtCount('لم يتعهّد أحد بعد')).toEqual(['لم يتعهّد أحد بعد']);
  });
});
