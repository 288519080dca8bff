import { describe, expect, it } from 'vitest';
import type { Pledge } from '../../../functions/domain/pledges/pledge.js';
import { COUNTRY_CODES } from '../../../functions/domain/shared/countries.js';
import { FALLBACK_ZONE, PRIMARY_ZONES, timeZoneOfCountry, zonesOfCountry } from '../../../functions/domain/social/country-time-zone.js';
import { emailTargetPage, isOnUpdatesList, whyNotMailable } from '../../../functions/domain/social/email-targets.js';

const pledge = (overrides: Partial<Pledge> = {}): Pledge => ({
  id: 'pledge-ana',
  status: 'confirmed',
  review: 'ok',
  counted: true,
  suspectReasons: [],
  country: 'MX',
  language: 'es',
  showOnWall: true,
  hiddenFromWall: false,
  wantsUpdates: true,
  name: 'Ana',
  email: 'ana@example.org',
  emailHash: 'h1',
  createdAt: '2026-07-01T00:00:00.000Z',
  confirmedAt: '2026-07-01T00:05:00.000Z',
  version: 2,
  ...overrides,
});

describe('who is on the email list of a message', () => {
  it('is every confirmed, counted pledger who opted in and is still subscribed, with their data', () => {
    expect(whyNotMailable(pledge())).toBeUndefined();
    expect(whyNotMailable(pledge({ wantsUpdates: false }))).toBe('no longer subscribed');
    expect(whyNotMailable(pledge({ wantsUpdates: false, unsubscribedAt: '2026-07-20T00:00:00.000Z' }))).toBe('no longer subscribed');
    expect(whyNotMailable(pledge({ unsubscribedAt: '2026-07-20T00:00:00.000Z' }))).toBe('no longer subscribed');
    expect(whyNotMailable(pledge({ erasedAt: '2026-07-20T00:00:00.000Z', email: undefined, wantsUpdates: false }))).toBe('the pledger erased their data');
    expect(whyNotMailable(pledge({ email: undefined }))).toBe('the pledger erased their data');
    expect(whyNotMailable(undefined)).toBe('the pledger erased their data');
    expect(whyNotMailable(pledge({ status: 'pending', counted: false }))).toBe('the pledge no longer counts');
    expect(whyNotMailable(pledge({ review: 'suspect', counted: false }))).toBe('the pledge no longer counts');
  });

  it('is the rule the updates index keeps: exactly the pledges a message may be emailed to', () => {
    expect(isOnUpdatesList(pledge())).toBe(true);
    for (const gone of [
      pledge({ wantsUpdates: false }),
      pledge({ unsubscribedAt: '2026-07-20T00:00:00.000Z' }),
      pledge({ erasedAt: '2026-07-20T00:00:00.000Z', email: undefined, wantsUpdates: false }),
      pledge({ status: 'pending', counted: false }),
      pledge({ review: 'suspect', counted: false }),
    ]) expect(isOnUpdatesList(gone)).toBe(false);
  });

  it('gives one email target per pledger of the updates index: the pledge id, its language, its country’s zone, reach 1, and the index’s cursor', async () => {
    const asked: Array<[string | undefined, number]> = [];
    const store = {
      async updateSubscribers(after: string | undefined, limit: number) {
        asked.push([after, limit]);
        return after === undefined
          ? { items: [{ id: 'pledge-ana', language: 'es' as const, country: 'MX' }, { id: 'pledge-amina', language: 'ar' as const, country: 'EG' }], next: '00:pledge-amina' }
          : { items: [{ id: 'pledge-grace', language: 'en' as const, country: 'KE' }] };
      },
    };
    const first = await emailTargetPage(store, undefined, 2);
    expect(first).toEqual({
      items: [
        { kind: 'email', id: 'pledge-ana', platform: 'email', language: 'es', timeZone: 'America/Mexico_City', followers: 1 },
        { kind: 'email', id: 'pledge-amina', platform: 'email', language: 'ar', timeZone: 'Africa/Cairo', followers: 1 },
      ],
      next: '00:pledge-amina',
    });
    expect(await emailTargetPage(store, first.next, 2)).toEqual({ items: [{ kind: 'email', id: 'pledge-grace', platform: 'email', language: 'en', timeZone: 'Africa/Nairobi', followers: 1 }] });
    expect(asked).toEqual([[undefined, 2], ['00:pledge-amina', 2]]);
  });
});

describe("a pledger's time zone, from their country", () => {
  const offsetOn = (zone: string, at: string): number => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
        .formatToParts(new Date(at))
        .map((p) => [p.type, Number(p.value)]),
    );
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!) - Date.parse(at);
  };

  it("is the country's zone, or for a country of several times the one most people live in, else UTC", () => {
    expect(timeZoneOfCountry('FR')).toBe('Europe/Paris');
    expect(timeZoneOfCountry('eg')).toBe('Africa/Cairo');
    expect(['Asia/Calcutta', 'Asia/Kolkata']).toContain(timeZoneOfCountry('IN'));
    expect(timeZoneOfCountry('US')).toBe('America/New_York');
    expect(timeZoneOfCountry('BR')).toBe('America/Sao_Paulo');
    expect(timeZoneOfCountry('RU')).toBe('Europe/Moscow');
    expect(timeZoneOfCountry('ZZ')).toBe(FALLBACK_ZONE);
  });

  it('names a zone for every country whose zones keep different times, and only zones the runtime knows', () => {
    const days = ['2026-01-15T12:00:00Z', '2026-07-30T12:00:00Z'];
    const needing = COUNTRY_CODES.filter((code) => {
      const zones = zonesOfCountry(code);
      return new Set(zones.map((zone) => days.map((day) => offsetOn(zone, day)).join('/'))).size > 1;
    });
    expect(needing.length).toBeGreaterThan(10);
    expect(needing.filter((code) => !(code in PRIMARY_ZONES))).toEqual([]);
    for (const zone of Object.values(PRIMARY_ZONES)) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
    for (const code of COUNTRY_CODES) expect(() => new Intl.DateTimeFormat('en', { timeZone: timeZoneOfCountry(code) })).not.toThrow();
  });
});
