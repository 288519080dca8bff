import { describe, expect, it } from 'vitest';
import { chooseWording, wordingsOf } from '../../../functions/domain/social/choose-variant.js';

const variant = { text: 'A', alternatives: ['B', 'C', 'D'] };

function spread(ids: string[], v = variant): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(chooseWording(v, id), (counts.get(chooseWording(v, id)) ?? 0) + 1);
  return counts;
}

describe('chooseWording', () => {
  it('gives the same account the same wording every time', () => {
    expect(new Set(Array.from({ length: 5 }, () => chooseWording(variant, 'acct_01JZ7'))).size).toBe(1);
  });

  it('spreads 10,000 supporters roughly evenly over the text and its alternatives', () => {
    // Sequential ids (the hardest case for a weak hash) and UUID-shaped ones.
    const sequential = Array.from({ length: 10_000 }, (_, i) => `acct-${i}`);
    const uuids = Array.from({ length: 10_000 }, (_, i) => `${i.toString(16).padStart(8, '0')}-7c1e-4b2a-9f00-3d2c1b0a9e8f`);
    for (const ids of [sequential, uuids]) {
      const counts = spread(ids);
      expect([...counts.keys()].sort()).toEqual(['A', 'B', 'C', 'D']);
      for (const n of counts.values()) expect(Math.abs(n - 2_500)).toBeLessThan(150); // ±6 %, about 3.5 σ
    }
    const three = spread(sequential, { text: 'A', alternatives: ['B', 'C'] });
    for (const n of three.values()) expect(Math.abs(n - 3_333)).toBeLessThan(160);
  });

  it('always gives the organisation’s accounts the main text', () => {
    const ids = Array.from({ length: 100 }, (_, i) => `org-${i}`);
    expect(new Set(ids.map((id) => chooseWording(variant, id, 'organisation')))).toEqual(new Set(['A']));
  });

  it('is the text when there are no alternatives, and skips blank or repeated ones', () => {
    expect(chooseWording({ text: 'A', alternatives: [] }, 'anyone')).toBe('A');
    expect(wordingsOf({ text: 'A', alternatives: ['B', ' ', 'A', 'B'] })).toEqual(['A', 'B']);
  });
});
