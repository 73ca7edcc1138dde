/**
 * The mapped tables that hold rows about one subject, each with the identity keys that select
 * those rows through the subject graph. Every request (access, erasure, restriction,
 * portability) iterates over these.
 */
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { TTable } from '../../datamap/model.ts';
import { type SubjectKey, type SubjectRoute, subjectWhere } from '../../datamap/subject-graph.ts';
import type { SubjectContext } from './context.ts';
import { identityKeysByTable, type Subject } from './find-subject.ts';

export interface SubjectTable {
  readonly table: string;
  readonly mapping: TTable;
  readonly route: SubjectRoute;
  /** Keys of the subject's rows in the route's identity table. */
  readonly identityKeys: readonly SubjectKey[];
}

/**
 * Every mapped table reached from the subject's identity rows: identity tables in data-map
 * order, each followed by the tables whose path ends there (nearest first).
 */
export function subjectTables(ctx: SubjectContext, subject: Subject): SubjectTable[] {
  const byTable = identityKeysByTable(subject);
  const out: SubjectTable[] = [];
  for (const identityTable of ctx.graph.identityTables) {
    const identityKeys = byTable.get(identityTable);
    if (identityKeys === undefined) continue;
    for (const route of ctx.graph.tablesOf(identityTable)) {
      const mapping = ctx.datamap.tables[route.table];
      if (mapping === undefined) continue;
      out.push({ table: route.table, mapping, route, identityKeys });
    }
  }
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: target tables are user schemas, typed at run time
type AnyEb = ExpressionBuilder<any, any>;

/** The condition selecting the subject's rows of `scope.table` (on unaliased columns). */
export function subjectRowsWhere(
  ctx: SubjectContext,
  scope: SubjectTable,
): (eb: AnyEb) => Expression<SqlBool> {
  return subjectWhere(ctx.graph, scope.table, scope.route.identityTable, scope.identityKeys);
}

/** Split `items` into chunks of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A qualified column reference `table.column`. */
export function qualified(table: string, column: string): string {
  return `${table}.${column}`;
}
