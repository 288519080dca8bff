/**
 * A pledger's time zone, for "09:00 local time everywhere": pledgers give a country, not a zone.
 *
 * The rule: the zone where most of the country's people live.
 * - A country the runtime's CLDR data (`Intl.Locale('und-FR').timeZones`, the same data
 *   countryName's `Intl.DisplayNames` uses) gives one zone, or several that keep the same time:
 *   that zone.
 * - A country whose zones keep different times (the United States, Brazil, Russia, …): the zone
 *   named in PRIMARY_ZONES, its most populous one (usually the capital's).
 * - Anything else (no zone known: uninhabited territories, an unknown code): UTC.
 * So a pledger in Perth hears at 09:00 Sydney time; a pledger who wants their own zone can lend an
 * account instead (lending asks for a zone).
 */

/** Countries whose zones keep different times, and the zone most of their people live in. */
export const PRIMARY_ZONES: Readonly<Record<string, string>> = {
  AQ: 'UTC',
  AU: 'Australia/Sydney',
  BR: 'America/Sao_Paulo',
  CA: 'America/Toronto',
  CD: 'Africa/Kinshasa',
  CL: 'America/Santiago',
  CN: 'Asia/Shanghai',
  EC: 'America/Guayaquil',
  ES: 'Europe/Madrid',
  FM: 'Pacific/Pohnpei',
  GL: 'America/Nuuk',
  ID: 'Asia/Jakarta',
  KI: 'Pacific/Tarawa',
  MN: 'Asia/Ulaanbaatar',
  MX: 'America/Mexico_City',
  NZ: 'Pacific/Auckland',
  PF: 'Pacific/Tahiti',
  PG: 'Pacific/Port_Moresby',
  PT: 'Europe/Lisbon',
  RU: 'Europe/Moscow',
  UA: 'Europe/Kyiv',
  UM: 'Pacific/Wake',
  US: 'America/New_York',
  // Kosovo has no CLDR region zone; it keeps Central European Time.
  XK: 'Europe/Belgrade',
};

export const FALLBACK_ZONE = 'UTC';

type LocaleWithZones = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };

/** The zones CLDR lists for a region (Node 20 has the `timeZones` getter, newer runtimes `getTimeZones()`). */
export function zonesOfCountry(country: string): string[] {
  try {
    const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as LocaleWithZones;
    return (typeof locale.getTimeZones === 'function' ? locale.getTimeZones() : locale.timeZones) ?? [];
  } catch {
    return [];
  }
}

const cache = new Map<string, string>();

/** The IANA zone a pledger from `country` (ISO 3166-1 alpha-2) is written to at "09:00 local". */
export function timeZoneOfCountry(country: string): string {
  const code = country.toUpperCase();
  let zone = cache.get(code);
  if (!zone) {
    zone = PRIMARY_ZONES[code] ?? zonesOfCountry(code)[0] ?? FALLBACK_ZONE;
    cache.set(code, zone);
  }
  return zone;
}
