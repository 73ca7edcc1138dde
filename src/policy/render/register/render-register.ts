/**
 * Render the Art 30 register as CSV, JSON or HTML.
 */

import { toCsv } from './csv.ts';
import { REGISTER_COLUMNS } from './register-columns.ts';
import type { Art30Record, Art30Register, RegisterCell } from './register-types.ts';
import { REGISTER_WORDS } from './register-words.ts';
import { renderRegisterHtml } from './render-register-html.ts';

export interface RenderRegisterOptions {
  readonly format: 'csv' | 'json' | 'html';
  /** Which record: the controller's (Art 30(1)), the processor's (Art 30(2)) or both (the default). */
  readonly record?: 'controller' | 'processor' | 'all';
  /** CSV only: start with a UTF-8 byte order mark (lets some spreadsheets detect UTF-8). */
  readonly bom?: boolean;
}

/** Several values in one CSV cell are joined with this separator. */
export const CSV_VALUE_SEPARATOR = ' ; ';

function csvText(cell: RegisterCell): string {
  return typeof cell === 'string' ? cell : cell.join(CSV_VALUE_SEPARATOR);
}

function recordTable<K extends string>(record: Art30Record<K>): string[][] {
  return [
    record.columns.map((c) => c.header),
    ...record.rows.map((row) => record.columns.map((c) => csvText(row[c.key]))),
  ];
}

/**
 * Both records as one table: a first column names the record ("30(1)" / "30(2)"), the columns are
 * the union of both records' in register order, and a column that does not apply to a row says so
 * ("Sans objet" / "Not applicable") rather than staying blank.
 */
function combinedTable(register: Art30Register): string[][] {
  const w = REGISTER_WORDS[register.lang];
  const headers = new Map<string, string>();
  for (const c of [...register.controllerRecord.columns, ...register.processorRecord.columns]) {
    headers.set(c.key, c.header);
  }
  const keys = REGISTER_COLUMNS.map((c) => c.key as string).filter((k) => headers.has(k));
  const rowsOf = <K extends string>(record: Art30Record<K>): string[][] => {
    const own = new Set<string>(record.columns.map((c) => c.key));
    return record.rows.map((row) => [
      record.article,
      ...keys.map((k) => (own.has(k) ? csvText(row[k as K]) : w.notApplicable)),
    ]);
  };
  return [
    [w.recordColumn, ...keys.map((k) => headers.get(k) ?? k)],
    ...rowsOf(register.controllerRecord),
    ...rowsOf(register.processorRecord),
  ];
}

function renderCsv(
  register: Art30Register,
  record: 'controller' | 'processor' | 'all',
  bom: boolean,
): string {
  const table =
    record === 'controller'
      ? recordTable(register.controllerRecord)
      : record === 'processor'
        ? recordTable(register.processorRecord)
        : combinedTable(register);
  return `${bom ? '\uFEFF' : ''}${toCsv(table)}`;
}

function renderJson(register: Art30Register, record: 'controller' | 'processor' | 'all'): string {
  const { controllerRecord, processorRecord, ...head } = register;
  const selected = {
    ...head,
    ...(record === 'processor' ? {} : { controllerRecord }),
    ...(record === 'controller' ? {} : { processorRecord }),
  };
  return `${JSON.stringify(selected, null, 2)}\n`;
}

/**
 * The register in the requested format: CSV (RFC 4180, UTF-8, a header row, multi-valued cells
 * joined with " ; ", formula-injection guard), JSON (the structured register) or HTML (a
 * self-contained printable document, one table per record).
 */
export function renderRegister(register: Art30Register, options: RenderRegisterOptions): string {
  const record = options.record ?? 'all';
  switch (options.format) {
    case 'csv':
      return renderCsv(register, record, options.bom === true);
    case 'json':
      return renderJson(register, record);
    case 'html':
      return renderRegisterHtml(register, record);
  }
}
