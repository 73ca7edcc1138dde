/**
 * Reading a subject's rows of one table, limited to the given columns, as plain values, plus
 * which of them are under a restriction of processing.
 */
import type { AnyDb } from '../db/types.ts';
import type { SubjectContext } from './context.ts';
import { isDayColumn, type PlainValue, toPlainValue } from './plain-value.ts';
import { RESTRICTION_TABLE } from './restriction-schema.ts';
import { chunked, qualified, type SubjectTable, subjectRowsWhere } from './subject-tables.ts';

export type PlainRow = Record<string, PlainValue>;

/** The subject's rows of `scope.table`, ordered by key, with only `columns`. */
export async function readSubjectRows(
  db: AnyDb,
  ctx: SubjectContext,
  scope: SubjectTable,
  columns: readonly string[],
): Promise<PlainRow[]> {
  const { table } = scope;
  const rows = await db
    .selectFrom(table)
    .select(columns.map((column) => qualified(table, column)))
    .where(subjectRowsWhere(ctx, scope))
    .orderBy(qualified(table, scope.mapping.key))
    .execute();
  const days = new Map(columns.map((column) => [column, isDayColumn(ctx.schema, table, column)]));
  return rows.map((row: Record<string, unknown>) => {
    const out: PlainRow = {};
    for (const column of columns) out[column] = toPlainValue(row[column], days.get(column) === true);
    return out;
  });
}

/** Which of `keys` (as text) of `table` are currently restricted (Art 18). */
export async function restrictedAmong(db: AnyDb, table: string, keys: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunked(keys, 500)) {
    const rows = await db
      .selectFrom(RESTRICTION_TABLE)
      .select('row_key')
      .where('table_name', '=', table)
      .where('row_key', 'in', part)
      .where('lifted_at', 'is', null)
      .execute();
    for (const row of rows) out.push(String(row.row_key));
  }
  return out.sort();
}
