/**
 * Restriction of processing (Art 18): restricted data may only be stored, so a sweep neither
 * archives, anonymises nor deletes a restricted row. Restrictions live in `registre_restriction`
 * (owned by src/engine/subject/restriction-schema.ts: one row per restricted data row, by
 * `table_name` + `row_key`, in force while `lifted_at` is null). When the table does not exist,
 * nothing is restricted.
 *
 * Keys are compared as text in JavaScript, not in SQL: a key column may be an integer or a string,
 * and casting it to text differs per dialect. Restricted rows are few; they are read once per step.
 */
import type { AnyDb, SchemaInfo } from '../db/types.ts';
import { RESTRICTION_TABLE, restrictedKeys } from '../subject/restriction-schema.ts';

export function hasRestrictionTable(schema: SchemaInfo): boolean {
  return schema.tables.has(RESTRICTION_TABLE);
}

/** Keys (as text) of the rows of `table` whose processing is restricted now. */
export async function restrictedKeysOf(db: AnyDb, schema: SchemaInfo, table: string): Promise<Set<string>> {
  if (!hasRestrictionTable(schema)) return new Set();
  return restrictedKeys(db, table);
}

/** A key as the restriction table stores it. */
export function keyText(key: unknown): string {
  return typeof key === 'string' ? key : String(key);
}

/** Split `items` into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
