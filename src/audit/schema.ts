/**
 * The audit trail lives in the organisation's own database, next to the data it describes, so
 * that every effect and its entry commit in the same transaction.
 */
import { SqliteAdapter, sql } from 'kysely';
import type { AnyDb } from '../engine/db/types.ts';

export const AUDIT_TABLE = 'registre_audit';
export const AUDIT_HEAD_TABLE = 'registre_audit_head';
/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  operation: string;
  subject_ref: string | null;
  tables: string;
  row_counts: string;
  reason: string;
  run_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/** Create the audit tables when absent (idempotent). */
export async function ensureAuditSchema(db: AnyDb): Promise<void> {
  await createAuditTable(db, AUDIT_TABLE);
  await db.schema
    .createTable(AUDIT_HEAD_TABLE)
    .ifNotExists()
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'char(64)', (c) => c.notNull())
    .execute();
  // Insert the head row once; a concurrent creator may win the race, which is fine.
  const head = await db.selectFrom(AUDIT_HEAD_TABLE).select('id').where('id', '=', 1).executeTakeFirst();
  if (head === undefined) {
    try {
      await db.insertInto(AUDIT_HEAD_TABLE).values({ id: 1, seq: 0, hash: GENESIS_HASH }).execute();
    } catch (error) {
      const again = await db.selectFrom(AUDIT_HEAD_TABLE).select('id').where('id', '=', 1).executeTakeFirst();
      if (again === undefined) throw error;
    }
  }
  await sql`select 1`.execute(db);
}

/**
 * Create a table with the trail's columns and key under `name` when absent (the trail itself, or a
 * copy for a benchmark's baseline).
 */
export async function createAuditTable(db: AnyDb, name: string): Promise<void> {
  // On SQLite, `integer primary key` makes seq the rowid (64-bit): no separate index to maintain
  // on every append. Trails created before keep `bigint`; both read and verify the same.
  const seqType = db.getExecutor().adapter instanceof SqliteAdapter ? 'integer' : 'bigint';
  await db.schema
    .createTable(name)
    .ifNotExists()
    .addColumn('seq', seqType, (c) => c.primaryKey())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor', 'varchar(200)', (c) => c.notNull())
    .addColumn('operation', 'varchar(100)', (c) => c.notNull())
    .addColumn('subject_ref', 'varchar(80)')
    .addColumn('tables', 'text', (c) => c.notNull())
    .addColumn('row_counts', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('run_id', 'varchar(80)')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'char(64)', (c) => c.notNull())
    .addColumn('hash', 'char(64)', (c) => c.notNull())
    .execute();
}
