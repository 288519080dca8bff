/**
 * Plural messages keyed by CLDR plural category (Unicode TR35, "Language Plural Rules").
 * `other` is always required; a language supplies only the categories it uses, e.g. Arabic
 * all six, English `one` and `other`, Chinese only `other`. Shared with the browser bundle,
 * so it must stay free of Node APIs.
 */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

export type Plural = { other: string } & Partial<Record<Exclude<PluralCategory, 'other'>, string>>;

const rulesCache = new Map<string, Intl.PluralRules>();

const rulesFor = (locale: string): Intl.PluralRules => {
  let rules = rulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  return rules;
};

/** The form of `forms` that `locale` uses for `count` (falls back to `other`). */
export function selectPlural(locale: string, forms: Plural, count: number): string {
  const category = rulesFor(locale).select(count) as PluralCategory;
  return forms[category] ?? forms.other;
}

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * Splits a message around its `{count}` placeholder so the number can be emphasised:
 * `"{count} people have pledged"` → `["", "people have pledged"]`. A message without the
 * placeholder (Arabic "no one has pledged yet") gives `[message]`.
 */
export function splitAtCount(message: string): [string] | [string, string] {
  const at = message.indexOf('{count}');
  return at < 0 ? [message] : [message.slice(0, at), message.slice(at + '{count}'.length)];
}
