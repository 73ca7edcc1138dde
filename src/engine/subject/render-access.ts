/**
 * The access copy as machine-readable files: one JSON document, and one CSV file per table
 * (RFC 4180, CRLF, cells a spreadsheet would run as a formula prefixed with a quote).
 */
import { toCsv } from '../../policy/render/register/csv.ts';
import type { AccessReport } from './execute-access.ts';
import { plainText } from './plain-value.ts';
import type { PlainRow } from './read-rows.ts';

/** The report as one JSON document (two-space indentation, trailing newline). */
export function renderAccessJson(report: AccessReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One table as CSV: a header of column names, then one record per row. */
export function rowsToCsv(columns: readonly string[], rows: readonly PlainRow[]): string {
  return toCsv([columns, ...rows.map((row) => columns.map((column) => plainText(row[column] ?? null)))]);
}

/** One CSV file per table that holds rows about the subject, keyed by file name (`<table>.csv`). */
export function renderAccessCsv(report: AccessReport): Map<string, string> {
  const files = new Map<string, string>();
  for (const table of report.tables) {
    if (table.rows.length === 0) continue;
    files.set(
      `${table.table}.csv`,
      rowsToCsv(
        table.columns.map((c) => c.name),
        table.rows,
      ),
    );
  }
  return files;
}
