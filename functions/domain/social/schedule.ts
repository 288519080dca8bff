import { AppError } from '../shared/errors.js';
import type { MessageSchedule } from './social.js';

/**
 * When a scheduled message is due. `instant`: one moment for everyone. `local`: the same wall-clock
 * time in each target's own IANA zone ("09:00 everywhere", follow the sun), converted with the
 * runtime's time-zone data (Intl.DateTimeFormat), no library.
 *
 * Wall times that do not exist or exist twice are resolved as Temporal's `compatible` does:
 * - in a spring-forward gap (2026-03-29 02:30 in Europe/Vienna) the time moves forward by the
 *   gap, to 03:30 local;
 * - in a fall-back overlap (2026-10-25 02:30 in Europe/Vienna) the earlier of the two is taken.
 */

const HOUR = 3_600_000;
/** No zone is ahead of UTC+14 (Pacific/Kiritimati) or behind UTC−12 (Etc/GMT+12). */
const EARLIEST_OFFSET = 14 * HOUR;
const LATEST_OFFSET = -12 * HOUR;

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', `The ${field.replace('schedule.', 'schedule ')} ${message}.`, { fields: [{ field, message }] });

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      throw invalid('timeZone', `is not a known IANA time zone: ${timeZone}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `epochMs`, in ms (e.g. +2 h for Vienna in summer). */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(epochMs)) parts[type] = Number(value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/** The wall time of a `local` schedule as if it were UTC (ms), after checking it is a real date and time. */
function wallClock(date: string, time: string): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) throw invalid('schedule.date', 'must be a date as YYYY-MM-DD');
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!t) throw invalid('schedule.time', 'must be a time as HH:MM');
  const [y, mo, day, h, mi, s] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, day, h, mi, s);
  const back = new Date(ms);
  if (h > 23 || mi > 59 || s > 59) throw invalid('schedule.time', `is not a time of day: ${time}`);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== day) throw invalid('schedule.date', `is not a day of the calendar: ${date}`);
  return ms;
}

/** The instant at which the wall time `wall` (ms, as if UTC) happens in `timeZone`. */
function instantOfWallTime(wall: number, timeZone: string): number {
  // Offsets a day either side: no zone changes offset twice within two days.
  const candidates = [...new Set([offsetAt(wall - 24 * HOUR, timeZone), offsetAt(wall + 24 * HOUR, timeZone)])]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(instant, timeZone) === wall)
    .sort((a, b) => a - b);
  // Overlap: two candidates, the earlier one. Gap: none, so use the offset before the change,
  // which lands the same distance past the gap (02:30 → 03:30).
  return candidates[0] ?? wall - offsetAt(wall - 24 * HOUR, timeZone);
}

function instantOf(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw invalid('schedule.at', 'must be an ISO 8601 instant, e.g. 2026-07-30T07:00:00Z');
  return ms;
}

/** When the message is due for a target in `timeZone`, as an ISO instant (UTC). */
export function dueAt(schedule: MessageSchedule, timeZone: string): string {
  if (schedule.kind === 'instant') return new Date(instantOf(schedule.at)).toISOString();
  return new Date(instantOfWallTime(wallClock(schedule.date, schedule.time), timeZone)).toISOString();
}

/**
 * The first and last moments the message is due. For a `local` schedule over the targets' zones
 * when given, else over every zone on Earth (UTC+14 to UTC−12: the send spans 26 hours).
 */
export function firstAndLastDue(schedule: MessageSchedule, timeZones?: Iterable<string>): { first: string; last: string } {
  if (schedule.kind === 'instant') {
    const at = dueAt(schedule, 'UTC');
    return { first: at, last: at };
  }
  const wall = wallClock(schedule.date, schedule.time);
  let first = wall - EARLIEST_OFFSET;
  let last = wall - LATEST_OFFSET;
  if (timeZones) {
    const instants = [...new Set(timeZones)].map((zone) => instantOfWallTime(wall, zone));
    if (instants.length > 0) [first, last] = [Math.min(...instants), Math.max(...instants)];
  }
  return { first: new Date(first).toISOString(), last: new Date(last).toISOString() };
}

/**
 * Whether any part of the schedule is already past: for `local`, whether the first zone's moment
 * (UTC+14, or the earliest of `timeZones`) has come, as then some targets would post late.
 */
export function isInPast(schedule: MessageSchedule, now: Date, timeZones?: Iterable<string>): boolean {
  return Date.parse(firstAndLastDue(schedule, timeZones).first) <= now.getTime();
}
