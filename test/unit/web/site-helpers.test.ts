import { describe, expect, it } from 'vitest';
import { compactPath } from '../../../web/map/world-geometry.js';
import { telHref } from '../../../web/pages/help.js';
import { safeLocalHref } from '../../../web/site/paths.js';
import { shadeFor, shadeRange, topCountries } from '../../../web/site/shades.js';

describe('map shading', () => {
  it('buckets counts by power of ten, from none to ten thousand or more', () => {
    expect([0, 1, 9, 10, 99, 100, 999, 1_000, 9_999, 10_000, 5_000_000].map(shadeFor)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(shadeFor(Number.NaN)).toBe(0);
    expect(shadeRange(0)).toEqual({ from: 0, to: 0 });
    expect(shadeRange(2)).toEqual({ from: 10, to: 99 });
    expect(shadeRange(5)).toEqual({ from: 10_000, to: undefined });
  });

  it('ranks top countries by count, then by code', () => {
    expect(topCountries({ FR: 5, MX: 9, EC: 5, US: 0 }, 2)).toEqual([
      ['MX', 9],
      ['EC', 5],
    ]);
  });
});

describe('compactPath', () => {
  it('turns absolute integer path data into relative steps without empty moves', () => {
    expect(compactPath('M10,10L12,9L12,9L15,9Z')).toBe('M10,10l2-1 3,0z');
    expect(compactPath('M1,1L2,2ZM5,5L4,4Z')).toBe('M1,1l1,1zM5,5l-1-1z');
  });
});

describe('links', () => {
  it('dials the digits of a hotline number', () => {
    expect(telHref('1-888-373-7888')).toBe('tel:18883737888');
    expect(telHref('+44 800 0121 700')).toBe('tel:+448000121700');
  });

  it('lets only same-site paths through as a back link', () => {
    expect(safeLocalHref('/es/pledge/', '/x/')).toBe('/es/pledge/');
    for (const bad of [undefined, '', 'javascript:alert(1)', '//evil.example', 'https://evil.example', '/\\evil.example', '/a\nb']) {
      expect(safeLocalHref(bad, '/x/')).toBe('/x/');
    }
  });
});
