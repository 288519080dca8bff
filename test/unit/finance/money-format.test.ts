import { describe, expect, it } from 'vitest';
import { decimalsOf, formatMinor } from '../../../functions/domain/finance/money-format.js';

describe('formatMinor', () => {
  it.each([
    [123450, 'usd', '1234.50'],
    [5, 'usd', '0.05'],
    [0, 'eur', '0.00'],
    [-2500, 'usd', '-25.00'],
    [-7, 'gbp', '-0.07'],
    [1000, 'jpy', '1000'],
    [-1000, 'jpy', '-1000'],
    [0, 'jpy', '0'],
    [1234567, 'kwd', '1234.567'],
    [1999, 'CAD', '19.99'],
    [250000, 'krw', '250000'],
    [Number.MAX_SAFE_INTEGER, 'usd', '90071992547409.91'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(formatMinor(minor, currency)).toBe(text);
  });

  it('refuses amounts that are not whole minor units', () => {
    expect(() => formatMinor(12.5, 'usd')).toThrow();
    expect(() => formatMinor(Number.NaN, 'usd')).toThrow();
    expect(() => formatMinor(2 ** 53, 'usd')).toThrow();
  });

  it('knows the donate page currencies and Stripe’s zero- and three-decimal ones', () => {
    expect([decimalsOf('jpy'), decimalsOf('usd'), decimalsOf('XOF'), decimalsOf('bhd'), decimalsOf('sek')]).toEqual([0, 2, 0, 3, 2]);
  });
});
