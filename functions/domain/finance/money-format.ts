import { CURRENCY_RULES, isCurrency } from '../donations/currencies.js';

/**
 * Settlement and reporting currencies can be any Stripe or bank currency, not only the ones the
 * donate page offers, so decimals beyond CURRENCY_RULES follow Stripe's list
 * (https://docs.stripe.com/currencies#zero-decimal): zero-decimal and three-decimal currencies,
 * two decimals for the rest.
 */
const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export function decimalsOf(currency: string): number {
  const code = currency.toLowerCase();
  if (isCurrency(code)) return CURRENCY_RULES[code].decimals;
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/**
 * Minor units → a plain major-unit number: 123450 usd → `1234.50`, 1000 jpy → `1000`,
 * -2500 usd → `-25.00`. String arithmetic on the integer's digits: no floating point, no
 * thousands separators, always the currency's decimals.
 */
export function formatMinor(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`Amount in minor units must be a safe integer, got ${minor}`);
  const decimals = decimalsOf(currency);
  const digits = String(Math.abs(minor)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${minor < 0 ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}
