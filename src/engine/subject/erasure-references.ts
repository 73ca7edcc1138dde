/**
 * Rows that must stay keep the rows they refer to. Before a row is deleted, every foreign key
 * that references its table is followed: if a referencing row stays — it is held, kept, only
 * anonymised, outside the request, or in a table the data map does not describe — deleting the
 * row would fail (RESTRICT, NO ACTION) or destroy or alter the row that stays (CASCADE, SET NULL).
 * Such a row is kept instead, with the referencing table as its reason.
 */
import type { SubjectKey } from '../../datamap/subject-graph.ts';
import type { AnyDb, ForeignKeyInfo } from '../db/types.ts';
import type { SubjectContext } from './context.ts';
import type { ErasureDraft } from './plan-erasure.ts';
import { chunked, qualified } from './subject-tables.ts';

const CHUNK = 500;

/** Values of `column` for the rows of `table` with the given keys, keyed by the key as text. */
async function columnValues(
  db: AnyDb,
  table: string,
  key: string,
  column: string,
  keys: readonly SubjectKey[],
): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  if (column === key) {
    for (const k of keys) out.set(String(k), k);
    return out;
  }
  for (const part of chunked(keys, CHUNK)) {
    const rows = await db
      .selectFrom(table)
      .select([`${qualified(table, key)} as k`, `${qualified(table, column)} as v`])
      .where(qualified(table, key), 'in', part)
      .execute();
    for (const row of rows) if (row.v !== null) out.set(String(row.k), row.v);
  }
  return out;
}

/** Referenced values (as text) that a staying row of the foreign key's table points to. */
async function stayingReferences(
  db: AnyDb,
  ctx: SubjectContext,
  fk: ForeignKeyInfo,
  values: readonly unknown[],
  leaving: ReadonlySet<string>,
): Promise<Set<string>> {
  const childKey = ctx.datamap.tables[fk.table]?.key;
  const out = new Set<string>();
  for (const part of chunked(values, CHUNK)) {
    const column = qualified(fk.table, fk.column);
    const rows = await db
      .selectFrom(fk.table)
      .select(
        childKey === undefined
          ? [`${column} as v`]
          : [`${column} as v`, `${qualified(fk.table, childKey)} as k`],
      )
      .where(column, 'in', part)
      .execute();
    for (const row of rows) {
      const stays = childKey === undefined || !leaving.has(String(row.k));
      if (stays) out.add(String(row.v));
    }
  }
  return out;
}

/** Keys of `draft.erase` that a staying row refers to, per referencing table. */
async function blockedOnce(
  db: AnyDb,
  ctx: SubjectContext,
  draft: ErasureDraft,
  deleted: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, SubjectKey[]>> {
  const { table, mapping } = { table: draft.scope.table, mapping: draft.scope.mapping };
  const blocked = new Map<string, SubjectKey[]>();
  const taken = new Set<string>();
  const ownLeaving = new Set(draft.erase.map(String));
  for (const fk of ctx.schema.foreignKeys) {
    if (fk.references !== table || fk.table.startsWith('registre_')) continue;
    const values = await columnValues(db, table, mapping.key, fk.to, draft.erase);
    if (values.size === 0) continue;
    const leaving = fk.table === table ? ownLeaving : (deleted.get(fk.table) ?? new Set<string>());
    const staying = await stayingReferences(db, ctx, fk, [...new Set(values.values())], leaving);
    for (const key of draft.erase) {
      const value = values.get(String(key));
      if (value === undefined || taken.has(String(key)) || !staying.has(String(value))) continue;
      taken.add(String(key));
      const list = blocked.get(fk.table) ?? [];
      list.push(key);
      blocked.set(fk.table, list);
    }
  }
  return blocked;
}

/**
 * Move to `kept` the rows to delete that staying rows refer to. `drafts` must be in deletion
 * order (children first): a child's final deletions are known before its parents are examined.
 */
export async function blockReferencedRows(
  db: AnyDb,
  ctx: SubjectContext,
  drafts: readonly ErasureDraft[],
): Promise<ErasureDraft[]> {
  const deleted = new Map<string, Set<string>>();
  for (const draft of drafts) {
    if (draft.strategy !== 'delete') continue;
    // Self-references: a kept row can keep another row of the same table; repeat until stable.
    for (;;) {
      if (draft.erase.length === 0) break;
      const blocked = await blockedOnce(db, ctx, draft, deleted);
      if (blocked.size === 0) break;
      const moved = new Set<string>();
      for (const [referencing, keys] of blocked) {
        draft.kept.push({ reason: { kind: 'referenced', table: referencing }, keys });
        for (const key of keys) moved.add(String(key));
      }
      draft.erase = draft.erase.filter((key) => !moved.has(String(key)));
    }
    deleted.set(draft.scope.table, new Set(draft.erase.map(String)));
  }
  return [...drafts];
}
