import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { numericToAlpha2 } from '../../functions/domain/shared/countries.js';

/** One country's outline, already projected to SVG coordinates. */
export interface CountryShape {
  /** ISO 3166-1 alpha-2, or undefined for the few territories world-atlas leaves unnamed. */
  code: string | undefined;
  d: string;
}

export interface WorldGeometry {
  width: number;
  height: number;
  shapes: CountryShape[];
}

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 420;

let cached: WorldGeometry | undefined;

/**
 * Projects world-atlas's 1:110m countries once per process (Equal Earth keeps areas true, so a
 * shaded country is not exaggerated by latitude). Antarctica is left out: no pledges come from
 * it, and it would take a fifth of the height.
 */
export function worldGeometry(): WorldGeometry {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const features = countries.features.filter((f) => numericToAlpha2(String(f.id)) !== 'AQ');
  const collection: FeatureCollection<Geometry, { name: string }> = { type: 'FeatureCollection', features };
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    collection,
  );
  // Whole pixels at 960 wide are finer than the 1:110m data; with relative steps (below) the
  // map is about a third of the size of d3's one-decimal absolute output.
  const path = geoPath(projection).digits(0);
  const shapes = features
    .map((f: Feature<Geometry, { name: string }>) => ({
      code: f.id === undefined ? undefined : numericToAlpha2(String(f.id)),
      d: compactPath(path(f) ?? ''),
    }))
    .filter((shape) => shape.d !== '');
  cached = { width: MAP_WIDTH, height: MAP_HEIGHT, shapes };
  return cached;
}

/**
 * Rewrites d3's absolute `M x,y L x,y … Z` path data (whole numbers) as relative steps and drops
 * the steps that rounding made empty: `M10,10L12,9L12,9L15,9Z` → `M10,10l2-1 3,0z`.
 */
export function compactPath(d: string): string {
  const parts: string[] = [];
  let steps: string[] = [];
  let x = 0;
  let y = 0;
  const flush = (): void => {
    if (steps.length > 0) parts.push(`l${steps.join(' ')}`);
    steps = [];
  };
  for (const [, command, args = ''] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === 'Z') {
      flush();
      parts.push('z');
      continue;
    }
    const [px = 0, py = 0] = args.split(',').map(Number);
    if (command === 'M') {
      flush();
      parts.push(`M${px},${py}`);
    } else if (px !== x || py !== y) {
      const dy = py - y;
      steps.push(`${px - x}${dy < 0 ? '' : ','}${dy}`);
    }
    x = px;
    y = py;
  }
  flush();
  return parts.join('');
}
