/**
 * CSV for spreadsheets and accounting imports (RFC 4180): UTF-8 with a byte-order mark (so
 * spreadsheet programs read names in any script as UTF-8), CRLF line ends, and text cells made
 * safe against formula injection.
 */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV text cell, safe to open in a spreadsheet: a cell a spreadsheet would run as a
 * formula (= + - @, tab, carriage return) is prefixed with an apostrophe (OWASP CSV injection).
 */
export function csvCell(value: unknown): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * A number cell written as-is, so `-25.00` stays a number a spreadsheet can add up (csvCell
 * would turn it into the text `'-25.00`). Only a plain decimal number is accepted — nothing a
 * spreadsheet could run as a formula — so text can never reach the file through this door.
 */
export function csvNumber(text: string): string {
  if (!PLAIN_NUMBER.test(text)) throw new Error(`Not a plain number for a CSV number cell: ${JSON.stringify(text)}`);
  return text;
}

/** One line of cells already made safe by csvCell or csvNumber. */
export const csvLine = (cells: readonly string[]): string => `${cells.join(',')}\r\n`;

/**
 * Reads CSV written as above (quoted cells, doubled quotes, CRLF or LF, a leading BOM) back into
 * rows of cells. Values come back as written: csvCell's apostrophe stays.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    const next = input[i + 1];
    if (quoted) {
      if (char !== '"') cell += char;
      else if (next === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || (char === '\r' && next === '\n')) {
      if (char === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
