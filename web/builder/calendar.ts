import type { Language } from '../../functions/domain/shared/languages.js';
import { messagesFor } from '../i18n/index.js';
import { utcDay, worldDayCountdown } from '../site/countdown.js';
import { PAGE_PATHS, pageHref } from '../site/paths.js';

/**
 * `/{lang}/world-day.ics`: the World Day as one all-day event recurring every 30 July
 * (RFC 5545), titled in the language. The UID is stable, so importing the file again updates
 * the event instead of adding a second one.
 */
export function worldDayCalendar(input: { lang: Language; now: Date; publicUrl?: string | undefined }): string {
  const { lang, now, publicUrl } = input;
  const t = messagesFor(lang).worldDay;
  const start = worldDayCountdown(utcDay(now)).date.replaceAll('-', '');
  const end = `${start.slice(0, 4)}0731`;
  const host = publicUrl ? new URL(publicUrl).hostname : 'blue-heart-platform';
  const url = publicUrl ? new URL(pageHref(lang, PAGE_PATHS.campaigns), publicUrl).toString() : undefined;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Blue Heart Platform//World Day//${lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(t.eventSummary)}`,
    'BEGIN:VEVENT',
    `UID:world-day-against-trafficking-${lang}@${host}`,
    `DTSTAMP:${icsTimestamp(now)}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    'RRULE:FREQ=YEARLY',
    `SUMMARY;LANGUAGE=${lang}:${escapeText(t.eventSummary)}`,
    `DESCRIPTION;LANGUAGE=${lang}:${escapeText(url ? `${t.eventDescription}\n${url}` : t.eventDescription)}`,
    ...(url ? [`URL:${url}`] : []),
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
export const escapeText = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const icsTimestamp = (date: Date): string => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one space. Splits only
 * between characters, never inside a UTF-8 sequence (Arabic, Chinese and Cyrillic are 2–3 bytes).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74; // continuation lines start with a space, which counts
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
