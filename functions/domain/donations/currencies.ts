import { AppError } from '../shared/errors.js';

/**
 * Currencies the donate page offers. Amounts are integers in the currency's minor unit
 * everywhere (cents, pence, centavos); zero-decimal currencies such as JPY have no minor unit,
 * so 1,000 yen is 1000 (Stripe's convention). Never floating point.
 */
export const CURRENCIES = ['usd', 'eur', 'gbp', 'chf', 'jpy', 'mxn'] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface CurrencyRules {
  /** Digits after the decimal point: 2, or 0 for zero-decimal currencies. */
  decimals: 0 | 2;
  /** Suggested gifts, in minor units, smallest first. */
  suggested: number[];
  /** Smallest and largest gift accepted online (larger gifts: bank transfer). */
  min: number;
  max: number;
}

export const CURRENCY_RULES: Record<Currency, CurrencyRules> = {
  usd: { decimals: 2, suggested: [2_500, 5_000, 10_000, 25_000], min: 500, max: 2_500_000 },
  eur: { decimals: 2, suggested: [2_500, 5_000, 10_000, 25_000], min: 500, max: 2_500_000 },
  gbp: { decimals: 2, suggested: [2_000, 4_000, 8_000, 20_000], min: 500, max: 2_000_000 },
  chf: { decimals: 2, suggested: [2_500, 5_000, 10_000, 25_000], min: 500, max: 2_500_000 },
  jpy: { decimals: 0, suggested: [3_000, 5_000, 10_000, 30_000], min: 500, max: 3_000_000 },
  mxn: { decimals: 2, suggested: [50_000, 100_000, 200_000, 500_000], min: 10_000, max: 50_000_000 },
};

export const isCurrency = (value: string): value is Currency => (CURRENCIES as readonly string[]).includes(value);

/**
 * "25.5" or "25,50" in a currency → minor units, by string arithmetic (no floating point).
 * Returns undefined for anything that is not a plain positive amount with at most the
 * currency's decimals.
 */
export function parseMajorAmount(text: string, currency: Currency): number | undefined {
  const { decimals } = CURRENCY_RULES[currency];
  // Arabic-Indic (٠–٩) and Persian (۰–۹) digits, and the Arabic decimal separator, as typed on phones.
  const western = text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace('\u066b', '.');
  const match = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(western);
  if (!match) return undefined;
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > decimals) return undefined;
  return Number(whole) * 10 ** decimals + Number(fraction.padEnd(decimals, '0') || '0');
}

/** Checks a gift's amount against the currency's limits; a readable 400 otherwise. */
export function assertAmountAllowed(amount: number, currency: Currency): void {
  const rules = CURRENCY_RULES[currency];
  const format = (minor: number) =>
    new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(minor / 10 ** rules.decimals);
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new AppError('validation_failed', 'The amount must be a whole number of the smallest unit of the currency, above zero.', {
      fields: [{ field: 'amount', message: 'must be a positive whole number in minor units' }],
    });
  }
  if (amount < rules.min || amount > rules.max) {
    throw new AppError('validation_failed', `Gifts in ${currency.toUpperCase()} must be between ${format(rules.min)} and ${format(rules.max)}.`, {
      fields: [{ field: 'amount', message: `must be between ${rules.min} and ${rules.max} (minor units)` }],
    });
  }
}
