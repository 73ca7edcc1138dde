/**
 * Inserting a seed generator's rows: dates become the dialect's bound parameters (`day` columns
 * through `adapter.dayParam`, `instant` columns through `adapter.timeParam`), flags become 1/0
 * (which boolean and integer columns accept on every dialect), one transaction per table.
 */
import type { TargetDb } from '../../../src/engine/db/types.ts';
import type { SeedTable } from './schema-kit.ts';

/** One row as a generator makes it: column → value (`Date` for days and instants). */
export type SeedRow = Record<string, string | number | boolean | Date | null>;

const MAX_ROWS_PER_STATEMENT = 500;

function bindRow(target: TargetDb, table: SeedTable, row: SeedRow): Record<string, unknown> {
  for (const name of Object.keys(row)) {
    if (!table.columns.some((c) => c.name === name)) {
      throw new Error(`seed row of ${table.name} has unknown column ${name}`);
    }
  }
  // Every column is bound (multi-row inserts must list the same columns on every dialect).
  const out: Record<string, unknown> = {};
  for (const column of table.columns) {
    const value = row[column.name];
    if (value instanceof Date) {
      out[column.name] =
        column.kind === 'day' ? target.adapter.dayParam(value) : target.adapter.timeParam(value);
    } else if (typeof value === 'boolean') {
      out[column.name] = value ? 1 : 0;
    } else if (value === undefined) {
      if (column.kind === 'flag') out[column.name] = 0;
      else if (column.nullable === true) out[column.name] = null;
      else throw new Error(`seed row of ${table.name} has no value for ${column.name}`);
    } else {
      out[column.name] = value;
    }
  }
  return out;
}

/**
 * Inserts `rows[table]` for every table of `tables`, in that order (referenced tables first).
 * Returns the number of rows inserted per table.
 */
export async function insertSeedRows(
  target: TargetDb,
  tables: readonly SeedTable[],
  rows: Readonly<Record<string, readonly SeedRow[]>>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const bound = (rows[table.name] ?? []).map((row) => bindRow(target, table, row));
    const perStatement = Math.max(
      1,
      Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(target.adapter.maxParameters / table.columns.length)),
    );
    await target.db.transaction().execute(async (trx) => {
      for (let i = 0; i < bound.length; i += perStatement) {
        await trx
          .insertInto(table.name)
          .values(bound.slice(i, i + perStatement))
          .execute();
      }
    });
    counts[table.name] = bound.length;
  }
  return counts;
}
