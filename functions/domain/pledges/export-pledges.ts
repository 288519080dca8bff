import type { Pledge } from './pledge.js';
import type { PledgeDeps } from './pledge-service.js';

const COLUMNS = [
  'id', 'confirmedAt', 'name', 'email', 'country', 'language', 'chapter', 'organisation',
  'showOnWall', 'wantsUpdates', 'review', 'counted',
] as const satisfies readonly (keyof Pledge)[];

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: a cell a spreadsheet would run as a
 * formula (= + - @, tab, carriage return) is prefixed with an apostrophe (OWASP CSV injection).
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Confirmed pledges with their consent flags, as CSV lines. Starts with a byte-order mark so
 * spreadsheet programs read names in any script as UTF-8. Erased pledgers are not included.
 */
export async function* exportConfirmedPledges(deps: PledgeDeps): AsyncIterable<string> {
  yield `\uFEFF${COLUMNS.join(',')}\r\n`;
  for await (const page of deps.store.confirmedPledges()) {
    yield page.map((pledge) => `${COLUMNS.map((column) => csvCell(pledge[column])).join(',')}\r\n`).join('');
  }
}
