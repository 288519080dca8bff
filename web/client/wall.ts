import { API } from '../site/paths.js';
import { countryName, pageLanguage } from './counts.js';

interface WallEntry {
  id: string;
  firstName: string;
  country: string;
  confirmedAt: string;
}

const isEntry = (value: unknown): value is WallEntry => {
  const v = value as Partial<WallEntry> | null;
  return !!v && typeof v.firstName === 'string' && typeof v.country === 'string' && typeof v.confirmedAt === 'string';
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

function relativeTime(iso: string): string {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return '';
  const format = new Intl.RelativeTimeFormat(pageLanguage(), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

/**
 * Recent pledgers. Names are user text: they only ever reach the page through textContent.
 * The section stays hidden until the first answer, so a page without the API shows no husk.
 */
export async function loadWall(section: HTMLElement): Promise<void> {
  const list = section.querySelector<HTMLElement>('[data-wall-list]');
  const empty = section.querySelector<HTMLElement>('[data-wall-empty]');
  if (!list) return;
  try {
    const response = await fetch(API.wall, { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    const body = (await response.json()) as { entries?: unknown };
    const entries = Array.isArray(body.entries) ? body.entries.filter(isEntry) : [];
    list.replaceChildren(...entries.map(entryItem));
    if (empty) empty.hidden = entries.length > 0;
    section.hidden = false;
  } catch {
    // Keep whatever is shown.
  }
}

function entryItem(entry: WallEntry): HTMLLIElement {
  const item = document.createElement('li');
  const name = document.createElement('bdi');
  name.className = 'wall-name';
  name.textContent = entry.firstName;
  const country = document.createElement('span');
  country.className = 'wall-country';
  country.textContent = /^[A-Z]{2}$/.test(entry.country) ? countryName(entry.country) : '';
  const time = document.createElement('time');
  time.dateTime = entry.confirmedAt;
  time.textContent = relativeTime(entry.confirmedAt);
  item.append(name, country, time);
  return item;
}
