/**
 * Access (Art 15): every row about the subject in every mapped table, following the data map's
 * foreign-key paths, with only the mapped columns. No copy is handed out without its trace: on
 * SQLite and MariaDB/MySQL the rows are read and the `subject.access` entry is written in one
 * transaction; on PostgreSQL the rows are read (in one statement where the column types allow,
 * read-tables.ts) and the entry is then appended in one atomic statement (append-entry.ts), the
 * copy returned only once it is committed.
 */
import { type AuditEvent, appendAudit } from '../../audit/append-audit.ts';
import { appendAuditEntry } from '../../audit/append-entry.ts';
import type { AnyDb } from '../db/types.ts';
import type { SubjectContext } from './context.ts';
import type { Subject } from './find-subject.ts';
import { type AccessColumn, accessColumns } from './plan-access.ts';
import type { PlainRow } from './read-rows.ts';
import { readSubjectTables } from './read-tables.ts';
import { subjectTables } from './subject-tables.ts';

export interface AccessTable {
  readonly table: string;
  readonly key: string;
  readonly activities: readonly string[];
  readonly columns: readonly AccessColumn[];
  readonly rows: readonly PlainRow[];
  /** Keys (as text) of the rows under a restriction of processing. */
  readonly restrictedKeys: readonly string[];
}

export interface AccessReport {
  /** Pseudonymous reference of the subject (as in the audit trail). */
  readonly subjectRef: string;
  readonly identities: readonly { readonly table: string; readonly ref: string }[];
  /** When the copy was made (ISO-8601). */
  readonly generatedAt: string;
  readonly language: SubjectContext['language'];
  readonly tables: readonly AccessTable[];
}

export interface AccessOptions {
  /** Why the data is read, for the audit trail (e.g. the request id); defaults to "Art 15 access request". */
  readonly reason?: string;
}

/** Read every row about the subject and record one `subject.access` audit entry. */
export async function executeAccess(
  ctx: SubjectContext,
  subject: Subject,
  options: AccessOptions = {},
): Promise<AccessReport> {
  const generatedAt = ctx.clock();
  const scopes = subjectTables(ctx, subject);
  const reads = scopes.map((scope) => ({ scope, columns: accessColumns(ctx, scope) }));
  const read = async (db: AnyDb): Promise<AccessTable[]> => {
    const found = await readSubjectTables(
      db,
      ctx,
      reads.map(({ scope, columns }) => ({ scope, columns: columns.map((c) => c.name) })),
    );
    return reads.map(({ scope, columns }, i) => ({
      table: scope.table,
      key: scope.mapping.key,
      activities: scope.mapping.activities,
      columns,
      rows: found[i]?.rows ?? [],
      restrictedKeys: found[i]?.restrictedKeys ?? [],
    }));
  };
  const entry = (tables: readonly AccessTable[]): AuditEvent => ({
    actor: ctx.actor,
    operation: 'subject.access',
    subjectRef: subject.ref,
    tables: tables.map((t) => t.table),
    rowCounts: Object.fromEntries(tables.map((t) => [t.table, t.rows.length])),
    reason: options.reason ?? 'Art 15 access request',
    details: { identities: subject.identities.map((i) => i.ref) },
  });
  const auditOptions = { clock: () => generatedAt, maxParameters: ctx.target.adapter.maxParameters };
  let tables: AccessTable[];
  if (ctx.target.dialect === 'postgres') {
    // The rows in as few statements as their types allow, then the entry in one statement of its
    // own; the copy is returned only once the entry is committed.
    tables = await read(ctx.target.db);
    await appendAuditEntry(ctx.target.db, entry(tables), auditOptions);
  } else {
    tables = await ctx.target.db.transaction().execute(async (trx) => {
      const out = await read(trx);
      await appendAudit(trx, [entry(out)], auditOptions);
      return out;
    });
  }
  return {
    subjectRef: subject.ref,
    identities: subject.identities.map(({ table, ref }) => ({ table, ref })),
    generatedAt: generatedAt.toISOString(),
    language: ctx.language,
    tables,
  };
}
