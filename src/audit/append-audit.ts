/**
 * Append entries to the hash-chained trail, inside the caller's transaction.
 *
 * Call it with the same transaction that performs the effect: the effect and its entry commit
 * together or not at all. Appenders are serialised on the head row: PostgreSQL and MariaDB lock it
 * first, SQLite's transactions hold the database's write lock from their start (`lockHead`).
 */

import {
  CompiledQuery,
  type DialectAdapter as KyselyAdapter,
  PostgresAdapter,
  SqliteAdapter,
  sql,
} from 'kysely';
import { EACH_ROW } from '../engine/db/dialects/sqlite/statement-cache.ts';
import { templated } from '../engine/db/query-template.ts';
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
/** Rows per PostgreSQL insert statement (one text or array parameter per column). */
const PG_ROWS_PER_STATEMENT = 1000;
/** Fewer rows per part and an extra statement costs more than the overlap gains. */
const PG_MIN_ROWS_PER_PART = 200;
/** The trail's columns in the order every insert binds them. */
export const COLUMN_NAMES = [
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
  checkOperations(events);
  const adapter = trx.getExecutor().adapter;
  const head = await lockHead(trx, adapter);
  let seq = Number(head.seq);
  let prev = String(head.hash);
  if (events.length === 0) return { firstSeq: seq + 1, lastSeq: seq, hash: prev };
  const at = (options.clock ?? (() => new Date()))().toISOString();
  /** Entries `from` to `to` (excluded), hashed in order from the chain's current end. */
  const build = (from: number, to: number): AuditRow[] => {
    const rows: AuditRow[] = [];
    for (let i = from; i < to; i++) {
      const event = events[i] as AuditEvent;
      seq += 1;
      const row = auditRow(event, seq, prev, at);
      prev = row.hash;
      rows.push(row);
    }
    return rows;
  };
  if (adapter instanceof PostgresAdapter) {
    await appendPostgres(trx, events.length, build, () => ({ seq, hash: prev }));
    return { firstSeq: Number(head.seq) + 1, lastSeq: seq, hash: prev };
  }
  const rows = build(0, events.length);
  if (adapter instanceof SqliteAdapter) {
    await insertEachRow(trx, rows);
  } else {
    const chunk = Math.max(1, Math.min(1000, Math.floor((options.maxParameters ?? 999) / COLUMNS)));
    for (let i = 0; i < rows.length; i += chunk) {
      await trx
        .insertInto(AUDIT_TABLE)
        .values(rows.slice(i, i + chunk))
        .execute();
    }
  }
  await trx.executeQuery(
    templated(trx, 'audit:move-head', [seq, prev], ([newSeq, newHash]) =>
      trx.updateTable(AUDIT_HEAD_TABLE).set({ seq: newSeq, hash: newHash }).where('id', '=', 1),
    ),
  );
  return { firstSeq: Number(head.seq) + 1, lastSeq: seq, hash: prev };
}

/** The trail's row for `event`, at position `seq` after the entry whose hash is `prev`, hashed. */
export function auditRow(event: AuditEvent, seq: number, prev: string, at: string): AuditRow {
  // One object, its hash filled in after: copying it with a spread cost more than the hash.
  // Absent lists and maps are the constant texts JSON.stringify gives for empty ones.
  const row: AuditRow = {
    seq,
    at,
    actor: event.actor,
    operation: event.operation,
    subject_ref: event.subjectRef ?? null,
    tables: event.tables == null ? '[]' : JSON.stringify(event.tables),
    row_counts: event.rowCounts == null ? '{}' : JSON.stringify(event.rowCounts),
    reason: event.reason,
    run_id: event.runId ?? null,
    details: event.details == null ? '{}' : JSON.stringify(event.details),
    prev_hash: prev,
    hash: '',
  };
  row.hash = hashEntry(row);
  return row;
}

/** Throws on an operation that is not an audit operation (checked before anything is written). */
export function checkOperations(events: readonly AuditEvent[]): void {
  for (const event of events) {
    if (!isAuditOperation(event.operation)) {
      throw new RegistreError('REG_ERR_INTERNAL', `unknown audit operation "${String(event.operation)}"`);
    }
  }
}

/**
 * PostgreSQL: the batch in statements of a third of it (from PG_MIN_ROWS_PER_PART to
 * PG_ROWS_PER_STATEMENT rows), each sent before the next part is hashed, so that the server
 * inserts one part while this process hashes the next (measured 1.2–1.6 ms less per 1 000
 * entries than one statement). The last statement also moves the head.
 */
async function appendPostgres(
  trx: AnyDb,
  count: number,
  build: (from: number, to: number) => AuditRow[],
  newHead: () => { readonly seq: number; readonly hash: string },
): Promise<void> {
  const part = Math.min(PG_ROWS_PER_STATEMENT, Math.max(PG_MIN_ROWS_PER_PART, Math.ceil(count / 3)));
  let pending: Promise<void> | null = null;
  try {
    for (let i = 0; i < count; i += part) {
      const rows = build(i, Math.min(count, i + part));
      // One connection runs one statement at a time: wait for the previous part first.
      if (pending !== null) await pending;
      pending = null;
      if (i + part >= count) {
        await insertUnnest(trx, rows, newHead());
        return;
      }
      pending = insertUnnest(trx, rows, null);
      // Handled here too: a failure while the next part is hashed is not an unhandled rejection.
      pending.catch(() => undefined);
      // Let the query reach the socket before hashing the next part.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    // A part still under way when hashing failed: settle it before the transaction rolls back.
    if (pending !== null) await pending.catch(() => undefined);
  }
}

/**
 * PostgreSQL: one statement with one parameter per column. A column goes as one text, its values
 * joined by FIELD and a NULL written NULL_FIELD, split back into rows by `string_to_table`
 * (PostgreSQL 14 and later); `rows from` zips the twelve columns back into rows, and assignment
 * casts store the same values. Parsing and planning a 12-parameters-per-row VALUES list costs far
 * more than the insert itself, and splitting one text costs the server less than parsing an array
 * literal (measured 25–35 % less per 1 000 entries, bench/PROFILE.md). A column that cannot go as
 * text (see `columnText`) goes as an array (`unnest`), as does every column on a server older than 14.
 */
async function insertUnnest(
  trx: AnyDb,
  rows: readonly AuditRow[],
  newHead: { readonly seq: number; readonly hash: string } | null,
): Promise<void> {
  const split = await splitsText(trx);
  const values: unknown[] = [];
  let shape = '';
  for (const key of COLUMN_NAMES) {
    const column = rows.map((row) => row[key]);
    const text = split ? columnText(column) : null;
    values.push(text ?? arrayLiteral(column));
    shape += text === null ? 'a' : 't';
  }
  // Compiled once per shape (query templates): on PostgreSQL a named statement, parsed and planned once.
  if (newHead === null) {
    await trx.executeQuery(
      templated(trx, `audit:insert\u0000${shape}`, values, (columns) => insertColumns(columns, shape)),
    );
    return;
  }
  values.push(newHead.seq, newHead.hash);
  // A data-modifying CTE runs to completion whether or not its result is read.
  await trx.executeQuery(
    templated(
      trx,
      `audit:insert-move-head\u0000${shape}`,
      values,
      (parameters) => sql`with inserted as (${insertColumns(parameters.slice(0, COLUMNS), shape)})
    update ${sql.table(AUDIT_HEAD_TABLE)} set seq = ${parameters[COLUMNS]}, hash = ${parameters[COLUMNS + 1]} where id = 1`,
    ),
  );
}

/** Separates the values of one column's text (U+001F, the unit separator). */
const FIELD = '\u001f';
/** Stands for NULL in one column's text (U+001E, the record separator). */
const NULL_FIELD = '\u001e';

/**
 * The values joined by FIELD, or null when they cannot be split back exactly: a value holding
 * FIELD, a value that is NULL_FIELD itself (`string_to_table` turns only whole fields into NULL),
 * or a single empty string.
 */
export function columnText(values: readonly (string | number | null)[]): string | null {
  if (values.length === 1 && values[0] === '') return null;
  for (const value of values) {
    if (typeof value === 'string' && (value === NULL_FIELD || value.includes(FIELD))) return null;
  }
  return values.map((value) => (value === null ? NULL_FIELD : value)).join(FIELD);
}

/** The insert of one entry per row of the columns, each a text to split or an array (`shape`: t or a per column). */
function insertColumns(columns: readonly unknown[], shape: string) {
  const sources = columns.map((column, i) =>
    shape[i] === 't'
      ? sql`string_to_table(cast(${column} as text), chr(31), chr(30))`
      : sql`unnest(cast(${column} as text[]))`,
  );
  const names = COLUMN_NAMES.map((c) => sql.id(`c_${c}`));
  const [seq, ...rest] = names;
  return sql`insert into ${sql.table(AUDIT_TABLE)} (${sql.join(COLUMN_NAMES.map((c) => sql.ref(c)))})
    select cast(${seq} as bigint), ${sql.join(rest)} from rows from (${sql.join(sources)}) as r(${sql.join(names)})`;
}

/** Whether each Kysely instance's PostgreSQL server has `string_to_table` (14 and later). */
const splitSupport = new WeakMap<KyselyAdapter, boolean>();

async function splitsText(trx: AnyDb): Promise<boolean> {
  // One adapter per Kysely instance, shared by its transactions: asked once per instance.
  const adapter = trx.getExecutor().adapter;
  const known = splitSupport.get(adapter);
  if (known !== undefined) return known;
  const found = await sql<{
    version: string;
  }>`select current_setting('server_version_num') as version`.execute(trx);
  const supported = Number(found.rows[0]?.version ?? 0) >= 140000;
  splitSupport.set(adapter, supported);
  return supported;
}

/**
 * PostgreSQL's text form of a one-dimensional array, from JSON.stringify: inside double quotes
 * both read `\"` and `\\` the same way, `null` and numbers stand unquoted in both. Any other
 * JSON escape (`\n`, `\u0001`, a lone surrogate such as `\udc00`) means something else in an array
 * literal: those columns keep node-pg's own array serialisation (the values passed as they are).
 * Measured about 2 ms less per 1 000 entries than node-pg's per-element escaping.
 */
function arrayLiteral<T extends string | number | null>(values: T[]): string | T[] {
  const json = JSON.stringify(values);
  return /\\[^"\\]/.test(json) ? values : `{${json.slice(1, -1)}}`;
}

/**
 * Read the head row, locked. PostgreSQL and MariaDB lock the row with `for update`: concurrent
 * appenders wait here. SQLite has one writer at a time: Registre's SQLite transactions begin
 * immediate (immediate-transactions.ts), holding the write lock before this read, so a plain read
 * is enough: the no-op update that took the lock here before took 9.5 µs (median, in a subject
 * access on 1 000 000 demo subjects), this read 3.1 µs. In a deferred transaction of another Kysely
 * instance, a writer that committed after this read makes the insert fail with
 * SQLITE_BUSY_SNAPSHOT: the chain never forks.
 */
async function lockHead(
  trx: AnyDb,
  adapter: KyselyAdapter,
): Promise<{ seq: number | string | bigint; hash: string }> {
  // Compiled once per dialect (query templates): building it cost more than running it on SQLite.
  const compiled =
    adapter instanceof SqliteAdapter
      ? templated(trx, 'audit:lock-head', [], () =>
          trx.selectFrom(AUDIT_HEAD_TABLE).select(['seq', 'hash']).where('id', '=', 1),
        )
      : templated(trx, 'audit:lock-head', [], () =>
          trx.selectFrom(AUDIT_HEAD_TABLE).select(['seq', 'hash']).where('id', '=', 1).forUpdate(),
        );
  const head = (await trx.executeQuery(compiled)).rows[0] as
    | { seq: number | string | bigint; hash: string }
    | undefined;
  if (head === undefined) {
    throw new RegistreError('REG_ERR_INTERNAL', `the audit head row is missing from ${AUDIT_HEAD_TABLE}`);
  }
  return head;
}

/** One-row SQLite insert. */
const SQLITE_INSERT_ONE = `insert into "${AUDIT_TABLE}" (${COLUMN_NAMES.map((c) => `"${c}"`).join(', ')}) values (${COLUMN_NAMES.map(() => '?').join(', ')})`;
/** The same, run once per row by the statement cache (see `EACH_ROW`). */
const SQLITE_INSERT = `${EACH_ROW}${SQLITE_INSERT_ONE}`;

/**
 * SQLite: one cached one-row statement run for each row, the values bound in column order (the
 * same values Kysely would bind). Measured 0.3–0.5 ms less per 1 000 entries than 100-row
 * VALUES statements, mostly the flat parameter array those need.
 */
async function insertEachRow(trx: AnyDb, rows: readonly AuditRow[]): Promise<void> {
  const parameters = rows.map((row) => [
    row.seq,
    row.at,
    row.actor,
    row.operation,
    row.subject_ref,
    row.tables,
    row.row_counts,
    row.reason,
    row.run_id,
    row.details,
    row.prev_hash,
    row.hash,
  ]);
  // One entry (a subject request's) is one plain statement: no savepoint needed.
  const single = parameters.length === 1 ? parameters[0] : undefined;
  if (single !== undefined) {
    await trx.executeQuery(CompiledQuery.raw(SQLITE_INSERT_ONE, single));
    return;
  }
  try {
    await trx.executeQuery(CompiledQuery.raw(SQLITE_INSERT, parameters));
  } catch (error) {
    // A Kysely built on a plain better-sqlite3 database (not through `openTarget`) binds the first
    // row's array as one value and refuses it before writing anything: insert the plain way.
    if (!(error instanceof TypeError)) throw error;
    for (let i = 0; i < rows.length; i += SQLITE_FALLBACK_ROWS) {
      await trx
        .insertInto(AUDIT_TABLE)
        .values(rows.slice(i, i + SQLITE_FALLBACK_ROWS))
        .execute();
    }
  }
}

/** Rows per multi-row insert on a SQLite database without the statement cache (12 values each). */
const SQLITE_FALLBACK_ROWS = 100;
