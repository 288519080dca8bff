import { describe, expect, it } from 'vitest';
import { dueAt, firstAndLastDue, isInPast } from '../../../functions/domain/social/schedule.js';
import { AppError } from '../../../functions/domain/shared/errors.js';
import type { MessageSchedule } from '../../../functions/domain/social/social.js';

const nineOnWorldDay: MessageSchedule = { kind: 'local', date: '2026-07-30', time: '09:00' };

describe('dueAt', () => {
  it('is the instant itself for an instant schedule, in UTC whatever the zone', () => {
    expect(dueAt({ kind: 'instant', at: '2026-07-30T09:00:00+02:00' }, 'Asia/Tokyo')).toBe('2026-07-30T07:00:00.000Z');
  });

  it.each([
    ['Pacific/Kiritimati', '2026-07-29T19:00:00.000Z'], // UTC+14, the first
    ['Asia/Tokyo', '2026-07-30T00:00:00.000Z'],
    ['Asia/Kolkata', '2026-07-30T03:30:00.000Z'], // +05:30
    ['Asia/Kathmandu', '2026-07-30T03:15:00.000Z'], // +05:45
    ['Europe/Vienna', '2026-07-30T07:00:00.000Z'], // summer time, +2
    ['UTC', '2026-07-30T09:00:00.000Z'],
    ['America/Mexico_City', '2026-07-30T15:00:00.000Z'], // no summer time since 2022: −6
    ['America/New_York', '2026-07-30T13:00:00.000Z'], // summer time, −4
    ['Pacific/Pago_Pago', '2026-07-30T20:00:00.000Z'], // UTC−11
    ['Australia/Sydney', '2026-07-29T23:00:00.000Z'], // winter there, +10
  ])('09:00 on 30 July 2026 in %s is %s', (zone, instant) => {
    expect(dueAt(nineOnWorldDay, zone)).toBe(instant);
  });

  it('moves a wall time in a spring-forward gap forward by the gap', () => {
    // Vienna skips 02:00–03:00 on 29 March 2026: 02:30 becomes 03:30 CEST.
    expect(dueAt({ kind: 'local', date: '2026-03-29', time: '02:30' }, 'Europe/Vienna')).toBe('2026-03-29T01:30:00.000Z');
    expect(dueAt({ kind: 'local', date: '2026-03-29', time: '03:30' }, 'Europe/Vienna')).toBe('2026-03-29T01:30:00.000Z');
    expect(dueAt({ kind: 'local', date: '2026-03-29', time: '01:59' }, 'Europe/Vienna')).toBe('2026-03-29T00:59:00.000Z');
    // New York skips 02:00–03:00 on 8 March 2026.
    expect(dueAt({ kind: 'local', date: '2026-03-08', time: '02:30' }, 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
    // Lord Howe Island moves by half an hour (02:00 → 02:30 on 4 October 2026): 02:15 becomes 02:45 (+11).
    expect(dueAt({ kind: 'local', date: '2026-10-04', time: '02:15' }, 'Australia/Lord_Howe')).toBe('2026-10-03T15:45:00.000Z');
  });

  it('takes the earlier of a wall time that happens twice when clocks go back', () => {
    // Vienna goes from 03:00 CEST back to 02:00 CET on 25 October 2026: 02:30 CEST comes first.
    expect(dueAt({ kind: 'local', date: '2026-10-25', time: '02:30' }, 'Europe/Vienna')).toBe('2026-10-25T00:30:00.000Z');
    expect(dueAt({ kind: 'local', date: '2026-10-25', time: '03:00' }, 'Europe/Vienna')).toBe('2026-10-25T02:00:00.000Z');
  });

  it('refuses dates, times and zones that do not exist, naming the field', () => {
    const fieldOf = (f: () => unknown) => {
      try { f(); } catch (error) { return error instanceof AppError && error.code === 'validation_failed' ? error.fields?.[0]?.field : 'wrong error'; }
      return 'no error';
    };
    expect(fieldOf(() => dueAt({ kind: 'local', date: '2026-02-30', time: '09:00' }, 'UTC'))).toBe('schedule.date');
    expect(fieldOf(() => dueAt({ kind: 'local', date: '30/07/2026', time: '09:00' }, 'UTC'))).toBe('schedule.date');
    expect(fieldOf(() => dueAt({ kind: 'local', date: '2026-07-30', time: '24:00' }, 'UTC'))).toBe('schedule.time');
    expect(fieldOf(() => dueAt({ kind: 'local', date: '2026-07-30', time: '9am' }, 'UTC'))).toBe('schedule.time');
    expect(fieldOf(() => dueAt({ kind: 'instant', at: 'tomorrow' }, 'UTC'))).toBe('schedule.at');
    expect(fieldOf(() => dueAt(nineOnWorldDay, 'Mars/Olympus_Mons'))).toBe('timeZone');
  });
});

describe('firstAndLastDue', () => {
  it('spans 26 hours for "09:00 everywhere": from UTC+14 to UTC−12', () => {
    const { first, last } = firstAndLastDue(nineOnWorldDay);
    expect(first).toBe('2026-07-29T19:00:00.000Z');
    expect(last).toBe('2026-07-30T21:00:00.000Z');
    expect((Date.parse(last) - Date.parse(first)) / 3_600_000).toBe(26);
    // Nothing real falls outside it.
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const at = dueAt(nineOnWorldDay, zone);
      expect(at >= first && at <= last, zone).toBe(true);
    }
  });

  it('spans only the targets’ zones when given', () => {
    expect(firstAndLastDue(nineOnWorldDay, ['Europe/Vienna', 'Asia/Tokyo', 'America/Mexico_City', 'Asia/Tokyo'])).toEqual({
      first: '2026-07-30T00:00:00.000Z',
      last: '2026-07-30T15:00:00.000Z',
    });
  });

  it('is one moment for an instant', () => {
    expect(firstAndLastDue({ kind: 'instant', at: '2026-07-30T07:00:00Z' })).toEqual({ first: '2026-07-30T07:00:00.000Z', last: '2026-07-30T07:00:00.000Z' });
  });
});

describe('isInPast', () => {
  it('an instant at or before now is past', () => {
    const at = { kind: 'instant', at: '2026-07-30T07:00:00Z' } as const;
    expect(isInPast(at, new Date('2026-07-30T06:59:59Z'))).toBe(false);
    expect(isInPast(at, new Date('2026-07-30T07:00:00Z'))).toBe(true);
  });

  it('a local schedule is past once its first zone’s moment has come, as some would post late', () => {
    expect(isInPast(nineOnWorldDay, new Date('2026-07-29T18:59:00Z'))).toBe(false);
    expect(isInPast(nineOnWorldDay, new Date('2026-07-29T19:00:00Z'))).toBe(true);
    // With the targets known, only theirs count: Vienna's 09:00 is 07:00Z.
    expect(isInPast(nineOnWorldDay, new Date('2026-07-30T06:00:00Z'), ['Europe/Vienna'])).toBe(false);
  });
});
