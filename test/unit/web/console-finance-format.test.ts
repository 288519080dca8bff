import { describe, expect, it } from 'vitest';
import { describeChange, discrepancyTitle, discrepancyValue, groupedMinor, money, monthsBefore, parseTypedAmount } from '../../../web/console/finance-format.js';
import { DISCREPANCY_KINDS } from '../../../functions/domain/reconciliation/types.js';

describe('the finance console’s words and numbers (web/console)', () => {
  it('writes minor units as grouped major units in the currency’s decimals', () => {
    expect(groupedMinor(123_456, 'usd')).toBe('1,234.56');
    expect(groupedMinor(5, 'usd')).toBe('0.05');
    expect(groupedMinor(-250_000, 'eur')).toBe('−2,500.00');
    expect(groupedMinor(1_000_000, 'jpy')).toBe('1,000,000');
    expect(groupedMinor(0, 'gbp')).toBe('0.00');
    expect(money(1_356_250, 'usd')).toBe('13,562.50 USD');
  });

  it('reads amounts typed from a bank statement, whatever the separators', () => {
    const cases: Array<[string, 'usd' | 'eur' | 'jpy', number | undefined]> = [
      ['1 250,50', 'eur', 125_050],
      ['1\u00a0250,50', 'eur', 125_050],
      ['1,250.50', 'usd', 125_050],
      ['1.250,50', 'eur', 125_050],
      ["1'250.50", 'usd', 125_050],
      ['1,234,567.89', 'usd', 123_456_789],
      ['1250.5', 'usd', 125_050],
      ['1250', 'usd', 125_000],
      ['12,5', 'eur', 1_250],
      ['1,250', 'usd', 125_000], // three digits after one separator: thousands
      ['125,000', 'jpy', 125_000],
      ['125000', 'jpy', 125_000],
      ['1250.50', 'jpy', undefined], // yen has no decimals
      ['0.255', 'usd', undefined],
      ['1,2.50', 'usd', undefined],
      ['1.250.50', 'usd', undefined],
      ['-10', 'usd', undefined],
      ['ten', 'usd', undefined],
      ['', 'usd', undefined],
    ];
    for (const [typed, currency, minor] of cases) expect(parseTypedAmount(typed, currency), `${typed} ${currency}`).toBe(minor);
  });

  it('names every discrepancy kind in words and shows amounts in their currency', () => {
    for (const kind of DISCREPANCY_KINDS) expect(discrepancyTitle(kind), kind).not.toContain('_');
    expect(discrepancyValue(2_500, 'usd')).toBe('25.00 USD');
    expect(discrepancyValue('refund', 'usd')).toBe('refund');
    expect(discrepancyValue(undefined, 'usd')).toBe('—');
  });

  it('says what an audit entry changed', () => {
    expect(describeChange({ state: 'unreviewed', note: undefined }, { state: 'reconciled', note: 'ok', reconciledBy: 'finance@x' })).toEqual([
      'state: unreviewed → reconciled',
      'note: — → ok',
      'reconciledBy: — → finance@x',
    ]);
    expect(describeChange(null, { status: 'pending', amount: 100 })).toEqual(['status: pending', 'amount: 100']);
    expect(describeChange({ period: '2026-01', locked: true }, { period: '2026-01', locked: false })).toEqual(['locked: true → false']);
    expect(describeChange(null, null)).toEqual([]);
  });

  it('counts months back across years', () => {
    expect(monthsBefore('2026-03', 2)).toBe('2026-01');
    expect(monthsBefore('2026-02', 2)).toBe('2025-12');
    expect(monthsBefore('2026-01', 13)).toBe('2024-12');
  });
});
