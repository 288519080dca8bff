import { describe, expect, it } from 'vitest';
import { assertAmountAllowed, parseMajorAmount } from '../../../functions/domain/donations/currencies.js';

describe('amounts in minor units, never floating point', () => {
  it.each([
    ['25', 'usd', 2500],
    ['25.5', 'usd', 2550],
    ['25,50', 'eur', 2550],
    ['0.1', 'usd', 10],
    ['19.99', 'gbp', 1999],
    ['3000', 'jpy', 3000],
    [' 100 ', 'mxn', 10000],
    ['٤٠٠', 'usd', 40000],
    ['٢٥٫٥', 'eur', 2550],
  ] as const)('%j %s → %i', (text, currency, minor) => {
    expect(parseMajorAmount(text, currency)).toBe(minor);
  });

  it.each([
    ['25.555', 'usd'],
    ['30.5', 'jpy'],
    ['-5', 'usd'],
    ['1e3', 'usd'],
    ['', 'usd'],
    ['twenty', 'eur'],
    ['1.2.3', 'usd'],
  ] as const)('refuses %j in %s', (text, currency) => {
    expect(parseMajorAmount(text, currency)).toBeUndefined();
  });

  it('refuses zero, negative, fractional and out-of-range amounts with the limits in words', () => {
    expect(() => assertAmountAllowed(0, 'usd')).toThrow(/above zero/);
    expect(() => assertAmountAllowed(-100, 'usd')).toThrow(/above zero/);
    expect(() => assertAmountAllowed(10.5, 'usd')).toThrow(/whole number/);
    expect(() => assertAmountAllowed(100, 'usd')).toThrow(/between \$5\.00 and \$25,000\.00/);
    expect(() => assertAmountAllowed(400, 'jpy')).toThrow(/¥500/);
    expect(() => assertAmountAllowed(2_500, 'usd')).not.toThrow();
  });
});
