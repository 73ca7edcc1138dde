/**
 * Plan of an access request (Art 15): which tables and columns will be read for the subject and
 * how many rows each holds. Nothing is read but counts; `executeAccess` reads the rows.
 */
import { labelOf } from '../../policy/taxonomy/labels.ts';
import type { SubjectContext } from './context.ts';
import type { Subject } from './find-subject.ts';
import { type SubjectTable, subjectRowsWhere, subjectTables } from './subject-tables.ts';

export interface AccessColumn {
  readonly name: string;
  /** Data category (taxonomy id), null for the key and for non-personal columns. */
  readonly category: string | null;
  /** The category's label in the context's language. */
  readonly label: string | null;
  readonly providedBySubject: boolean;
}

export interface AccessTablePlan {
  readonly table: string;
  /** The table's key column (always the first column). */
  readonly key: string;
  readonly activities: readonly string[];
  readonly identityTable: string;
  /** The key, then every column the data map describes, in map order. */
  readonly columns: readonly AccessColumn[];
  readonly rows: number;
}

export interface AccessPlan {
  readonly subject: Subject;
  readonly tables: readonly AccessTablePlan[];
  readonly totalRows: number;
}

/** The columns shown for a table: its key, then the mapped columns (optionally filtered). */
export function accessColumns(
  ctx: SubjectContext,
  scope: SubjectTable,
  keep?: (column: { providedBySubject?: boolean | undefined }) => boolean,
): AccessColumn[] {
  if (keep !== undefined) return describeColumns(ctx, scope, keep);
  // Every column: the same for every subject of this context, described once.
  let byTable = allColumns.get(ctx);
  if (byTable === undefined) {
    byTable = new Map();
    allColumns.set(ctx, byTable);
  }
  let columns = byTable.get(scope.table);
  if (columns === undefined) {
    columns = describeColumns(ctx, scope, () => true);
    byTable.set(scope.table, columns);
  }
  return [...columns];
}

const allColumns = new WeakMap<SubjectContext, Map<string, AccessColumn[]>>();

function describeColumns(
  ctx: SubjectContext,
  scope: SubjectTable,
  keep: (column: { providedBySubject?: boolean | undefined }) => boolean,
): AccessColumn[] {
  const { mapping } = scope;
  const key: AccessColumn = { name: mapping.key, category: null, label: null, providedBySubject: false };
  const mapped = Object.entries(mapping.columns)
    .filter(([name, column]) => name !== mapping.key && keep(column))
    .map(([name, column]) => ({
      name,
      category: column.category ?? null,
      label:
        column.category === undefined
          ? null
          : labelOf(ctx.policy.taxonomy, 'dataCategories', column.category, ctx.language),
      providedBySubject: column.providedBySubject === true,
    }));
  return [key, ...mapped];
}

/** Count the subject's rows in every mapped table it reaches. */
export async function planAccess(ctx: SubjectContext, subject: Subject): Promise<AccessPlan> {
  const tables: AccessTablePlan[] = [];
  for (const scope of subjectTables(ctx, subject)) {
    const counted = await ctx.target.db
      .selectFrom(scope.table)
      .select((eb) => eb.fn.countAll().as('n'))
      .where(subjectRowsWhere(ctx, scope))
      .executeTakeFirstOrThrow();
    tables.push({
      table: scope.table,
      key: scope.mapping.key,
      activities: scope.mapping.activities,
      identityTable: scope.route.identityTable,
      columns: accessColumns(ctx, scope),
      rows: Number(counted.n),
    });
  }
  return { subject, tables, totalRows: tables.reduce((sum, t) => sum + t.rows, 0) };
}
