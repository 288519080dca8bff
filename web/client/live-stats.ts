import { shadeFor, topCountries } from '../site/shades.js';
import { API } from '../site/paths.js';
import { countryName, formatNumber, renderCount } from './counts.js';
import { loadWall } from './wall.js';

const STATS_EVERY_MS = 15_000;
const WALL_EVERY_MS = 60_000;

interface Stats {
  total: number;
  byCountry: Record<string, number>;
  byChapter: Record<string, number>;
  last24h: number;
}

const isStats = (value: unknown): value is Stats => {
  const v = value as Partial<Stats> | null;
  return !!v && typeof v.total === 'number' && typeof v.last24h === 'number' && typeof v.byCountry === 'object' && typeof v.byChapter === 'object';
};

/** Counter, map and top-countries table from /api/pledges/stats; the wall from /api/pledges/wall. */
export function initLiveStats(): void {
  const counter = document.querySelector<HTMLElement>('[data-live-stats]');
  const map = document.querySelector<SVGSVGElement>('[data-world-map]');
  const wall = document.querySelector<HTMLElement>('[data-wall]');
  if (counter || map) {
    let previous = '';
    const refresh = async (): Promise<void> => {
      if (document.hidden) return;
      try {
        const response = await fetch(API.stats, { headers: { accept: 'application/json' } });
        const stats: unknown = response.ok ? await response.json() : undefined;
        const key = JSON.stringify(stats);
        if (!isStats(stats) || key === previous) return;
        previous = key;
        if (counter) updateCounter(counter, stats);
        if (map) updateMap(map, stats);
        updateTopCountries(stats);
      } catch {
        // Offline or the API is down: keep the figures the page has.
      }
    };
    void refresh();
    setInterval(refresh, STATS_EVERY_MS);
    document.addEventListener('visibilitychange', () => void refresh());
  }
  if (wall) {
    void loadWall(wall);
    setInterval(() => {
      if (!document.hidden) void loadWall(wall);
    }, WALL_EVERY_MS);
  }
}

/** Touches the live region only when a figure changed, so screen readers hear news only. */
function updateCounter(counter: HTMLElement, stats: Stats): void {
  for (const element of counter.querySelectorAll<HTMLElement>('[data-stat]')) {
    const stat = element.dataset.stat;
    const value =
      stat === 'last24h' ? stats.last24h : stat === 'chapter' ? (stats.byChapter[counter.dataset.chapter ?? ''] ?? 0) : stats.total;
    if (element.dataset.value === String(value)) continue;
    if (renderCount(element, value)) {
      element.dataset.value = String(value);
      element.hidden = false;
    }
  }
}

function updateMap(map: SVGSVGElement, stats: Stats): void {
  for (const path of map.querySelectorAll<SVGPathElement>('path[data-country]')) {
    const count = stats.byCountry[path.dataset.country ?? ''] ?? 0;
    // Touch the DOM only where something changed: a refresh usually changes a country or two.
    const shade = `shade-${shadeFor(count)}`;
    if (path.getAttribute('class') !== shade) path.setAttribute('class', shade);
    const title = path.querySelector('title');
    if (!title) continue;
    path.dataset.name ??= title.textContent ?? '';
    const text = count > 0 ? `${path.dataset.name} — ${formatNumber(count)}` : path.dataset.name;
    if (title.textContent !== text) title.textContent = text;
  }
}

function updateTopCountries(stats: Stats): void {
  const container = document.querySelector<HTMLElement>('[data-top-countries]');
  const body = container?.querySelector('tbody');
  if (!container || !body) return;
  const rows = topCountries(stats.byCountry).map(([code, count]) => {
    const row = document.createElement('tr');
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = countryName(code);
    const value = document.createElement('td');
    value.className = 'numeric';
    value.textContent = formatNumber(count);
    row.append(name, value);
    return row;
  });
  body.replaceChildren(...rows);
  container.hidden = rows.length === 0;
}
