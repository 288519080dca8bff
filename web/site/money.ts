import { CURRENCY_RULES, type Currency } from '../../functions/domain/donations/currencies.js';

/**
 * Gift amounts in the page language (CLDR through Intl). Amounts are integers in the
 * currency's minor unit, as everywhere in the donations domain; zero-decimal currencies (JPY)
 * never show decimals, and whole amounts show none either ("$25", not "$25.00"). Arabic spells
 * the currency out, as `formatUsd` does: a symbol inside right-to-left text is reordered by the
 * bidi algorithm. Shared with the browser bundle: no Node APIs.
 */
const locale = (language: string): string => (language === 'en' ? 'en-GB' : language === 'pt' ? 'pt-PT' : language);

const formats = new Map<string, Intl.NumberFormat>();

/** Digits after the decimal point: the domain's rule when it knows the currency, CLDR's otherwise. */
export function currencyDecimals(currency: string): number {
  const rules = CURRENCY_RULES[currency.toLowerCase() as Currency];
  if (rules) return rules.decimals;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 2500 usd → "US$25" (en), "25 $US" (fr), "25 دولار أمريكي" (ar); 3000 jpy → "JP¥3,000". */
export function formatMoney(language: string, minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const whole = minor % 10 ** decimals === 0;
  const key = `${language}|${currency}|${whole}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(language), {
      style: 'currency',
      currency: currency.toUpperCase(),
      currencyDisplay: language === 'ar' ? 'name' : 'symbol',
      minimumFractionDigits: whole ? 0 : decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(key, format);
  }
  return format.format(minor / 10 ** decimals);
}

/** The value a suggested amount posts in a plain form: major units as typed, "25" or "3000". */
export function majorAmountValue(minor: number, currency: Currency): string {
  const { decimals } = CURRENCY_RULES[currency];
  if (decimals === 0) return String(minor);
  const whole = Math.floor(minor / 10 ** decimals);
  const fraction = minor % 10 ** decimals;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(decimals, '0')}`;
}

/** The currency a language's page offers first: euros for French, Spanish and Portuguese, dollars otherwise. */
export function defaultCurrency(language: string): Currency {
  return language === 'fr' || language === 'es' || language === 'pt' ? 'eur' : 'usd';
}

/** Arabic-Indic and Persian digits and the Arabic decimal separator, as ASCII, before parsing. */
export function asciiDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, '');
}
