/**
 * Amounts are integers in the currency's smallest unit; zero-decimal currencies have none
 * (https://docs.stripe.com/currencies#zero-decimal): ¥500 is `unit_amount=500`.
 */
export const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);

export interface FeeSchedule {
  /** Percentage of the amount, e.g. 2.9. */
  percent: number;
  /** Fixed fee per currency in minor units, e.g. { usd: 30, eur: 25, jpy: 0 }. */
  fixed: Record<string, number>;
}

export const DEFAULT_FEES: FeeSchedule = { percent: 2.9, fixed: { usd: 30, eur: 25, gbp: 20, chf: 30, jpy: 0 } };

/** Stripe's processing fee for a charge, rounded to the minor unit, never above the amount. */
export function processingFee(amount: number, currency: string, fees: FeeSchedule): number {
  const fixed = fees.fixed[currency] ?? (ZERO_DECIMAL.has(currency) ? 0 : 30);
  return Math.min(amount, Math.round((amount * fees.percent) / 100) + fixed);
}

/** Stripe's dispute fee: 15.00 in two-decimal currencies; the same number of yen stands in for zero-decimal ones. */
export const disputeFee = (_currency: string) => 1500;

export function formatAmount(amount: number, currency: string, locale = 'en'): string {
  const major = ZERO_DECIMAL.has(currency) ? amount : amount / 100;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }).format(major);
  } catch {
    return `${major} ${currency.toUpperCase()}`;
  }
}
