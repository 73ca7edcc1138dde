/**
 * Access (Art 15): every row about the subject in every mapped table, following the data map's
 * foreign-key paths, with only the mapped columns. The rows are read and the `subject.access`
 * entry is written in one transaction: no copy is handed out without its trace.
 */
import { appendAudit } from '../../audit/append-audit.ts';
import type { SubjectContext } from './context.ts';
import type { Subject } from './find-subject.ts';
import { type AccessColumn, accessColumns } from './plan-access.ts';
import { type PlainRow, readSubjectRowsWithRestrictions } from './read-rows.ts';
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
  const tables = await ctx.target.db.transaction().execute(async (trx) => {
    const out: AccessTable[] = [];
    for (const scope of scopes) {
      const columns = accessColumns(ctx, scope);
      const { rows, restrictedKeys } = await readSubjectRowsWithRestrictions(
        trx,
        ctx,
        scope,
        columns.map((c) => c.name),
      );
      out.push({
        table: scope.table,
        key: scope.mapping.key,
        activities: scope.mapping.activities,
        columns,
        rows,
        restrictedKeys,
      });
    }
    await appendAudit(
      trx,
      [
        {
          actor: ctx.actor,
          operation: 'subject.access',
          subjectRef: subject.ref,
          tables: out.map((t) => t.table),
          rowCounts: Object.fromEntries(out.map((t) => [t.table, t.rows.length])),
          reason: options.reason ?? 'Art 15 access request',
          details: { identities: subject.identities.map((i) => i.ref) },
        },
      ],
      { clock: () => generatedAt, maxParameters: ctx.target.adapter.maxParameters },
    );
    return out;
  });
  return {
    subjectRef: subject.ref,
    identities: subject.identities.map(({ table, ref }) => ({ table, ref })),
    generatedAt: generatedAt.toISOString(),
    language: ctx.language,
    tables,
  };
}
