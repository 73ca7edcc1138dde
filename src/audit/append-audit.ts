/**
 * Append entries to the hash-chained trail, inside the caller's transaction.
 *
 * Call it with the same transaction that performs the effect: the effect and its entry commit
 * together or not at all. Appenders are serialised by a write on the head row, taken first so
 * that SQLite upgrades to a write lock at once and PostgreSQL/MariaDB lock the row.
 */

import {
  CompiledQuery,
  type DialectAdapter as KyselyAdapter,
  PostgresAdapter,
  SqliteAdapter,
  sql,
} from 'kysely';
import type { AnyDb } from '../engine/db/types.ts';
import { RegistreError } from '../errors/registry.ts';
import { hashEntry } from './hash-entry.ts';
import { type AuditOperation, isAuditOperation } from './operations.ts';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, type AuditRow } from './schema.ts';

export interface AuditEvent {
  /** Who acted: `user:<id>`, `token:<id>`, `cli:<os user>`, `job:<name>`. Never an e-mail address. */
  readonly actor: string;
  readonly operation: AuditOperation;
  /** Pseudonymous subject reference (see `subjectRef`); never an identifier in clear. */
  readonly subjectRef?: string | null;
  readonly tables?: readonly string[];
  readonly rowCounts?: Readonly<Record<string, number>>;
  /** Why: the retention rule, the request id and right, the legal hold… */
  readonly reason: string;
  readonly runId?: string | null;
  /** Extra structured facts, free of personal data. */
  readonly details?: Readonly<Record<string, unknown>>;
}

export interface AppendResult {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly hash: string;
}

const COLUMNS = 12;
/** Rows per PostgreSQL `insert … select from unnest(…)` statement (12 array parameters each). */
const PG_ROWS_PER_STATEMENT = 1000;
/** Rows per SQLite multi-row insert: shorter statements parse faster (measured 50 to 1 000). */
const SQLITE_ROWS_PER_STATEMENT = 100;
const COLUMN_NAMES = [
  'seq',
  'at',
  'actor',
  'operation',
  'subject_ref',
  'tables',
  'row_counts',
  'reason',
  'run_id',
  'details',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditRow)[];

/**
 * Append `events` in order. Must run inside a transaction (`db.transaction().execute(trx => …)`).
 * @param maxParameters the dialect's bound-parameter limit, to size the multi-row inserts
 */
export async function appendAudit(
  trx: AnyDb,
  events: readonly AuditEvent[],
  options: { readonly clock?: () => Date; readonly maxParameters?: number } = {},
): Promise<AppendResult> {
  for (const event of events) {
    if (!isAuditOperation(event.operation)) {
      throw new RegistreError('REG_ERR_INTERNAL', `unknown audit operation "${String(event.operation)}"`);
    }
  }
  const adapter = trx.getExecutor().adapter;
  const head = await lockHead(trx, adapter);
  let seq = Number(head.seq);
  let prev = String(head.hash);
  if (events.length === 0) return { firstSeq: seq + 1, lastSeq: seq, hash: prev };
  const at = (options.clock ?? (() => new Date()))().toISOString();
  const rows: AuditRow[] = [];
  for (const event of events) {
    seq += 1;
    const partial = {
      seq,
      at,
      actor: event.actor,
      operation: event.operation,
      subject_ref: event.subjectRef ?? null,
      tables: JSON.stringify(event.tables ?? []),
      row_counts: JSON.stringify(event.rowCounts ?? {}),
      reason: event.reason,
      run_id: event.runId ?? null,
      details: JSON.stringify(event.details ?? {}),
      prev_hash: prev,
    };
    const hash = hashEntry(partial);
    rows.push({ ...partial, hash });
    prev = hash;
  }
  if (adapter instanceof PostgresAdapter) {
    // The last statement also moves the head: one round trip fewer per append.
    for (let i = 0; i < rows.length; i += PG_ROWS_PER_STATEMENT) {
      const last = i + PG_ROWS_PER_STATEMENT >= rows.length;
      await insertUnnest(trx, rows.slice(i, i + PG_ROWS_PER_STATEMENT), last ? { seq, hash: prev } : null);
    }
    return { firstSeq: Number(head.seq) + 1, lastSeq: seq, hash: prev };
  }
  if (adapter instanceof SqliteAdapter) {
    const chunk = Math.max(
      1,
      Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor((options.maxParameters ?? 999) / COLUMNS)),
    );
    for (let i = 0; i < rows.length; i += chunk) {
      await insertPrepared(trx, rows.slice(i, i + chunk));
    }
  } else {
    const chunk = Math.max(1, Math.min(1000, Math.floor((options.maxParameters ?? 999) / COLUMNS)));
    for (let i = 0; i < rows.length; i += chunk) {
      await trx
        .insertInto(AUDIT_TABLE)
        .values(rows.slice(i, i + chunk))
        .execute();
    }
  }
  await trx.updateTable(AUDIT_HEAD_TABLE).set({ seq, hash: prev }).where('id', '=', 1).execute();
  return { firstSeq: Number(head.seq) + 1, lastSeq: seq, hash: prev };
}

/**
 * PostgreSQL: one statement with one array parameter per column. Parsing and planning a
 * 12-parameters-per-row VALUES list costs far more than the insert itself (bench/PROFILE.md);
 * `unnest` zips the arrays back into rows, and assignment casts store the same values.
 */
async function insertUnnest(
  trx: AnyDb,
  rows: readonly AuditRow[],
  newHead: { readonly seq: number; readonly hash: string } | null,
): Promise<void> {
  const column = <K extends keyof AuditRow>(key: K): AuditRow[K][] => rows.map((row) => row[key]);
  const insert = sql`insert into ${sql.table(AUDIT_TABLE)} (${sql.join(COLUMN_NAMES.map((c) => sql.ref(c)))})
    select * from unnest(${column('seq')}::bigint[], ${column('at')}::text[], ${column('actor')}::text[], ${column('operation')}::text[], ${column('subject_ref')}::text[], ${column('tables')}::text[], ${column('row_counts')}::text[], ${column('reason')}::text[], ${column('run_id')}::text[], ${column('details')}::text[], ${column('prev_hash')}::text[], ${column('hash')}::text[])`;
  if (newHead === null) {
    await insert.execute(trx);
    return;
  }
  // A data-modifying CTE runs to completion whether or not its result is read.
  await sql`with inserted as (${insert})
    update ${sql.table(AUDIT_HEAD_TABLE)} set seq = ${newHead.seq}, hash = ${newHead.hash} where id = 1`.execute(
    trx,
  );
}

/**
 * Lock the head row and read it in one statement. SQLite takes its write lock with the update
 * (a deferred transaction would otherwise hold only a read lock); PostgreSQL and MariaDB lock the
 * row with `for update`. Concurrent appenders wait here, so the chain never forks.
 */
async function lockHead(
  trx: AnyDb,
  adapter: KyselyAdapter,
): Promise<{ seq: number | string | bigint; hash: string }> {
  if (adapter instanceof SqliteAdapter) {
    return trx
      .updateTable(AUDIT_HEAD_TABLE)
      .set({ id: 1 })
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
  }
  return trx
    .selectFrom(AUDIT_HEAD_TABLE)
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** SQL text of a SQLite insert of `count` rows, kept per count: only the parameters change. */
const sqliteInserts = new Map<number, string>();

/**
 * SQLite: the statement text is built once per row count and the values bound in column order,
 * the same values Kysely would bind; building a 1 000-row insert through the query builder costs
 * as much as running it (bench/PROFILE.md).
 */
async function insertPrepared(trx: AnyDb, rows: readonly AuditRow[]): Promise<void> {
  let text = sqliteInserts.get(rows.length);
  if (text === undefined) {
    const one = `(${COLUMN_NAMES.map(() => '?').join(', ')})`;
    text = `insert into "${AUDIT_TABLE}" (${COLUMN_NAMES.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows.length }, () => one).join(', ')}`;
    sqliteInserts.set(rows.length, text);
  }
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of COLUMN_NAMES) parameters.push(row[column]);
  await trx.executeQuery(CompiledQuery.raw(text, parameters));
}
