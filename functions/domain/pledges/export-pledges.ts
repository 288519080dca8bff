import { CSV_BOM, csvCell } from '../shared/csv.js';
import type { Pledge } from './pledge.js';
import type { PledgeDeps } from './pledge-service.js';

const COLUMNS = [
  'id', 'confirmedAt', 'name', 'email', 'country', 'language', 'chapter', 'organisation',
  'showOnWall', 'wantsUpdates', 'review', 'counted',
] as const satisfies readonly (keyof Pledge)[];

/** Moved to shared/csv.ts (finance exports use it too); re-exported for existing callers. */
export { csvCell };

/**
 * Confirmed pledges with their consent flags, as CSV lines. Starts with a byte-order mark so
 * spreadsheet programs read names in any script as UTF-8. Erased pledgers are not included.
 */
export async function* exportConfirmedPledges(deps: PledgeDeps): AsyncIterable<string> {
  yield `${CSV_BOM}${COLUMNS.join(',')}\r\n`;
  for await (const page of deps.store.confirmedPledges()) {
    yield page.map((pledge) => `${COLUMNS.map((column) => csvCell(pledge[column])).join(',')}\r\n`).join('');
  }
}
