/**
 * CSV writing per RFC 4180: comma-separated fields, CRLF line ends, a field is quoted when it holds
 * a quote, a comma or a line break, and quotes inside are doubled. Cells that a spreadsheet would
 * run as a formula (starting with = + - @, or a tab or carriage return) get a leading single quote.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, guarded against formula injection and quoted when needed. */
export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** A whole table, header row first, each record ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
