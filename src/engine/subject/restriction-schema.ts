/**
 * Restriction of processing (Art 18) lives in the organisation's own database, next to the data,
 * so that Registre's sweeps and the organisation's applications read the same flag.
 *
 * One row per restricted data row: `(table_name, row_key)` is the primary key. A row is
 * restricted while `lifted_at` is null. Restricting again after a lift reopens the same row
 * (new `since`, `reason`, cleared `notified_at` and `lifted_at`); the history of restrictions and
 * lifts is in the audit trail (`subject.restrict` / `subject.unrestrict`).
 *
 * Dates are ISO-8601 text (`2025-03-01T10:00:00.000Z`) on every dialect, like the audit trail.
 */
import type { AnyDb } from '../db/types.ts';

export const RESTRICTION_TABLE = 'registre_restriction';
/** Read-only view for applications: the rows currently restricted (`lifted_at is null`). */
export const RESTRICTED_ROWS_VIEW = 'registre_restricted_rows';

export interface RestrictionRow {
  /** Mapped table holding the restricted row. */
  table_name: string;
  /** The row's key (the data map's `key` column), as text. */
  row_key: string;
  /** Pseudonymous subject reference (`subjectRef`), never an identifier in clear. */
  subject_ref: string;
  /** Why processing is restricted (Art 18(1)(a)–(d) ground, e.g. `accuracy-contested`). */
  reason: string;
  /** When the restriction started (ISO-8601). */
  since: string;
  /** When the subject was told that the restriction will be lifted (Art 18(3)); required before lifting. */
  notified_at: string | null;
  /** When the restriction was lifted; null while it holds. */
  lifted_at: string | null;
}

/**
 * Create `registre_restriction` and the `registre_restricted_rows` view when absent (idempotent).
 * Call it outside a transaction: the view's existence is probed by reading it, and a failed read
 * would abort a PostgreSQL transaction.
 */
export async function ensureRestrictionSchema(db: AnyDb): Promise<void> {
  await db.schema
    .createTable(RESTRICTION_TABLE)
    .ifNotExists()
    .addColumn('table_name', 'varchar(128)', (c) => c.notNull())
    .addColumn('row_key', 'varchar(191)', (c) => c.notNull())
    .addColumn('subject_ref', 'varchar(80)', (c) => c.notNull())
    .addColumn('reason', 'varchar(200)', (c) => c.notNull())
    .addColumn('since', 'varchar(32)', (c) => c.notNull())
    .addColumn('notified_at', 'varchar(32)')
    .addColumn('lifted_at', 'varchar(32)')
    .addPrimaryKeyConstraint('registre_restriction_pk', ['table_name', 'row_key'])
    .execute();
  if (await viewExists(db)) return;
  try {
    await db.schema
      .createView(RESTRICTED_ROWS_VIEW)
      .as(
        db
          .selectFrom(RESTRICTION_TABLE)
          .select(['table_name', 'row_key', 'subject_ref', 'reason', 'since'])
          .where('lifted_at', 'is', null),
      )
      .execute();
  } catch (error) {
    // A concurrent creator may have won the race; anything else is a real failure.
    if (!(await viewExists(db))) throw error;
  }
}

async function viewExists(db: AnyDb): Promise<boolean> {
  try {
    await db.selectFrom(RESTRICTED_ROWS_VIEW).select('row_key').where('row_key', '=', '').limit(1).execute();
    return true;
  } catch {
    return false;
  }
}

/**
 * Keys (as text) of the rows of `table` currently restricted. Sweeps skip these rows: restricted
 * data may only be stored (Art 18(2)).
 */
export async function restrictedKeys(db: AnyDb, table: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom(RESTRICTION_TABLE)
    .select('row_key')
    .where('table_name', '=', table)
    .where('lifted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => String(r.row_key)));
}
