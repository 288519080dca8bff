/**
 * Map shading: six buckets on a log scale, one per power of ten (0, 1–9, 10–99, …, 10 000+),
 * so a country with 5 pledges and one with 50 000 are both visible. Fixed thresholds keep the
 * legend the same in the static page and after the browser refreshes the figures. Shared with
 * the browser bundle.
 */
export const SHADE_COUNT = 6;

export function shadeFor(count: number): number {
  if (!(count > 0)) return 0;
  return Math.min(SHADE_COUNT - 1, Math.floor(Math.log10(count)) + 1);
}

/** The range of counts each shade stands for; the last is open-ended (`to` undefined). */
export function shadeRange(shade: number): { from: number; to: number | undefined } {
  if (shade === 0) return { from: 0, to: 0 };
  const from = 10 ** (shade - 1);
  return { from, to: shade === SHADE_COUNT - 1 ? undefined : from * 10 - 1 };
}

/** The countries with the most pledges, most first; ties in code order so output is stable. */
export function topCountries(byCountry: Record<string, number>, limit = 10): [string, number][] {
  return Object.entries(byCountry)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit);
}
