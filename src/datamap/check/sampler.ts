/**
 * Samples column values from a live database for the checks that look at data, not only at
 * names: a few hundred values per column, never more, and never shown in messages.
 */
import { sql } from 'kysely';
import type { TargetDb } from '../../engine/db/types.ts';

export interface ColumnSampler {
  /** Values of `columns` from up to the sample size of rows (the first rows the database returns). */
  rows(table: string, columns: readonly string[]): Promise<Record<string, unknown>[]>;
  /** Up to the sample size of non-null values of one column. */
  values(table: string, column: string): Promise<unknown[]>;
}

/** A sampler reading at most `size` rows per query from `target`. */
export function createSampler(target: TargetDb, size: number): ColumnSampler {
  return {
    async rows(table, columns) {
      if (columns.length === 0) return [];
      return (await target.db
        .selectFrom(table)
        .select(columns.map((c) => sql.ref(c).as(c)))
        .limit(size)
        .execute()) as Record<string, unknown>[];
    },
    async values(table, column) {
      const rows = await target.db
        .selectFrom(table)
        .select(sql.ref(column).as('v'))
        .where(sql.ref(column), 'is not', null)
        .limit(size)
        .execute();
      return rows.map((row) => (row as { v: unknown }).v);
    },
  };
}
