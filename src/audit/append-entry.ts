/**
 * Append one entry outside any transaction, for an operation whose effect is handing data out (a
 * subject access): the caller returns the data only once this has resolved.
 *
 * PostgreSQL: one statement, atomic on its own — move the head from the (seq, hash) this process
 * last saw to the new entry's, and insert the entry only if the head moved (a compare-and-swap).
 * The statement also returns the head as it found it: when another appender got there first, the
 * entry is hashed again on that head and the statement retried. After MAX_ATTEMPTS lost races the
 * entry is appended the pessimistic way (head row locked, in a transaction), as `appendAudit`
 * always does. Compared with that way (begin, lock and read the head, insert and move it, commit),
 * this saves three round trips per entry. The chain cannot fork: the head row is the only way
 * forward, and the update re-checks it under its row lock.
 *
 * Other databases: a transaction around `appendAudit`.
 */
import { PostgresAdapter, sql } from 'kysely';
import { templated } from '../engine/db/query-template.ts';
import type { AnyDb } from '../engine/db/types.ts';
import { RegistreError } from '../errors/registry.ts';
import {
  type AppendResult,
  type AuditEvent,
  appendAudit,
  auditRow,
  COLUMN_NAMES,
  checkOperations,
} from './append-audit.ts';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, type AuditRow } from './schema.ts';

export interface AppendEntryOptions {
  readonly clock?: () => Date;
  readonly maxParameters?: number;
  /** Compare-and-swap attempts before locking the head (PostgreSQL); default MAX_ATTEMPTS. */
  readonly attempts?: number;
}

/** Lost races before locking the head instead. */
export const MAX_ATTEMPTS = 5;

interface Head {
  readonly seq: number;
  readonly hash: string;
}

/** The head each database handle last saw (a guess: the compare-and-swap checks it). */
const lastSeen = new WeakMap<AnyDb, Head>();

/** Append `event` on its own; resolves once the entry is committed. */
export async function appendAuditEntry(
  db: AnyDb,
  event: AuditEvent,
  options: AppendEntryOptions = {},
): Promise<AppendResult> {
  checkOperations([event]);
  const at = (options.clock ?? (() => new Date()))().toISOString();
  // The pessimistic way: a transaction, the head row locked (`appendAudit`).
  const locked = () =>
    db.transaction().execute((trx) => appendAudit(trx, [event], { ...options, clock: () => new Date(at) }));
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return locked();
  let head = lastSeen.get(db) ?? (await readHead(db));
  const attempts = options.attempts ?? MAX_ATTEMPTS;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const row = auditRow(event, head.seq + 1, head.hash, at);
    const answer = await appendIfHead(db, row, head);
    if (answer.appended) {
      lastSeen.set(db, { seq: row.seq, hash: row.hash });
      return { firstSeq: row.seq, lastSeq: row.seq, hash: row.hash };
    }
    head = answer.head;
    lastSeen.set(db, head);
  }
  // Lost every race: queue on the head row's lock like a batch appender.
  const result = await locked();
  lastSeen.set(db, { seq: result.lastSeq, hash: result.hash });
  return result;
}

/**
 * One statement: move the head from `head` to `row` and insert `row` only if the head moved; return
 * whether it did, and the head as the statement found it.
 */
async function appendIfHead(
  db: AnyDb,
  row: AuditRow,
  head: Head,
): Promise<{ readonly appended: boolean; readonly head: Head }> {
  const values = [...COLUMN_NAMES.map((column) => row[column]), head.seq, head.hash];
  const compiled = templated(db, 'audit:append-if-head', values, (v) => {
    const [seq, at, actor, operation, subjectRef, tables, rowCounts, reason, runId, details, prevHash, hash] =
      v;
    const [oldSeq, oldHash] = v.slice(COLUMN_NAMES.length);
    return sql`with moved as (
        update ${sql.table(AUDIT_HEAD_TABLE)} set seq = ${seq}, hash = ${hash}
        where id = 1 and seq = ${oldSeq} and hash = ${oldHash}
        returning id
      ), inserted as (
        insert into ${sql.table(AUDIT_TABLE)} (${sql.join(COLUMN_NAMES.map((c) => sql.ref(c)))})
        select cast(${seq} as bigint), cast(${at} as text), cast(${actor} as text), cast(${operation} as text),
          cast(${subjectRef} as text), cast(${tables} as text), cast(${rowCounts} as text), cast(${reason} as text),
          cast(${runId} as text), cast(${details} as text), cast(${prevHash} as text), cast(${hash} as text)
        where exists (select 1 from moved)
        returning seq
      )
      select (select count(*) from inserted) as appended, h.seq, h.hash
      from ${sql.table(AUDIT_HEAD_TABLE)} h where h.id = 1`;
  });
  const found = (await db.executeQuery(compiled)).rows[0] as
    | { appended: string | number; seq: string | number; hash: string }
    | undefined;
  if (found === undefined) throw missingHead();
  return { appended: Number(found.appended) === 1, head: { seq: Number(found.seq), hash: found.hash } };
}

async function readHead(db: AnyDb): Promise<Head> {
  const compiled = templated(db, 'audit:read-head', [], () =>
    db.selectFrom(AUDIT_HEAD_TABLE).select(['seq', 'hash']).where('id', '=', 1),
  );
  const found = (await db.executeQuery(compiled)).rows[0] as
    | { seq: string | number; hash: string }
    | undefined;
  if (found === undefined) throw missingHead();
  return { seq: Number(found.seq), hash: found.hash };
}

function missingHead(): RegistreError {
  return new RegistreError('REG_ERR_INTERNAL', `the audit head row is missing from ${AUDIT_HEAD_TABLE}`);
}
