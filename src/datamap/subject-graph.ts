/**
 * The subject graph: for each mapped table, how its rows lead to the table holding a subject's
 * identity (the ordered foreign-key joins of its `path`), and the SQL that selects one subject's
 * rows in any table from the keys of their identity rows. Access, erasure, rectification and
 * portability all start here; `deletionOrder` tells erasure which tables to empty first.
 */
import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { AnyDb, SchemaInfo } from '../engine/db/types.ts';
import { RegistreError } from '../errors/registry.ts';
import type { TColumn, TDataMap } from './model.ts';

/** One foreign-key join: `from.column` references `to.toColumn`. */
export interface JoinStep {
  readonly from: string;
  readonly column: string;
  readonly to: string;
  readonly toColumn: string;
}

export interface IdentityColumn {
  readonly column: string;
  readonly kind: NonNullable<TColumn['identity']>;
}

/** How the rows of one table are tied to a subject. */
export interface SubjectRoute {
  readonly table: string;
  /** The table's primary-key column. */
  readonly key: string;
  /** The table holding the identity columns (the table itself when its path is empty). */
  readonly identityTable: string;
  /** The identity table's primary-key column: the keys {@link subjectWhere} takes are its values. */
  readonly identityKey: string;
  /** Joins from `table` to `identityTable`, in order (empty for an identity table). */
  readonly joins: readonly JoinStep[];
  /** Identity columns of the identity table, in the order the map lists them. */
  readonly identityColumns: readonly IdentityColumn[];
}

export interface SubjectGraph {
  /** Every mapped table's route, keyed by table name. */
  readonly routes: ReadonlyMap<string, SubjectRoute>;
  /** Tables holding identity columns and reached by no path of their own, in map order. */
  readonly identityTables: readonly string[];
  /** The route of `table`; throws `REG_ERR_DATAMAP_INVALID` when the table is not mapped. */
  route(table: string): SubjectRoute;
  /** Routes ending at `identityTable`: the identity table first, then by number of joins, then by name. */
  tablesOf(identityTable: string): readonly SubjectRoute[];
}

/** A value of an identity table's key, as bound in SQL. */
export type SubjectKey = string | number | bigint;

function invalid(message: string): RegistreError {
  return new RegistreError('REG_ERR_DATAMAP_INVALID', message);
}

function identityColumns(datamap: TDataMap, table: string): IdentityColumn[] {
  const columns = datamap.tables[table]?.columns ?? {};
  return Object.entries(columns).flatMap(([column, annotation]) =>
    annotation.identity === undefined ? [] : [{ column, kind: annotation.identity }],
  );
}

function routeOf(datamap: TDataMap, name: string): SubjectRoute {
  const table = datamap.tables[name];
  if (table === undefined) throw invalid(`table '${name}' is not in the data map`);
  const joins: JoinStep[] = [];
  let from = name;
  for (const [index, step] of (table.path ?? []).entries()) {
    const toColumn = step.to ?? datamap.tables[step.references]?.key;
    if (toColumn === undefined) {
      throw invalid(
        `tables.${name}.path[${index}]: table '${step.references}' is not mapped; give the referenced column under 'to'`,
      );
    }
    joins.push({ from, column: step.column, to: step.references, toColumn });
    from = step.references;
  }
  const identityTable = from;
  const identity = datamap.tables[identityTable];
  const columns = identityColumns(datamap, identityTable);
  if (identity === undefined || columns.length === 0) {
    throw invalid(`tables.${name}: its path ends at '${identityTable}', which has no identity column`);
  }
  return {
    table: name,
    key: table.key,
    identityTable,
    identityKey: identity.key,
    joins,
    identityColumns: columns,
  };
}

/**
 * Builds the subject graph of a valid data map (as returned by `loadDataMapOrThrow`). Throws
 * `REG_ERR_DATAMAP_INVALID` when a table's path does not end at a table with identity columns.
 */
export function subjectGraph(datamap: TDataMap): SubjectGraph {
  const routes = new Map<string, SubjectRoute>();
  for (const name of Object.keys(datamap.tables)) routes.set(name, routeOf(datamap, name));
  const identityTables = [...routes.values()].filter((r) => r.joins.length === 0).map((r) => r.table);
  return {
    routes,
    identityTables,
    route(table) {
      const found = routes.get(table);
      if (found === undefined) throw invalid(`table '${table}' is not in the data map`);
      return found;
    },
    tablesOf(identityTable) {
      return [...routes.values()]
        .filter((r) => r.identityTable === identityTable)
        .sort((a, b) => a.joins.length - b.joins.length || a.table.localeCompare(b.table));
    },
  };
}

function graphOf(source: TDataMap | SubjectGraph): SubjectGraph {
  return 'routes' in source ? source : subjectGraph(source);
}

// biome-ignore lint/suspicious/noExplicitAny: target tables are user schemas, typed at run time
type AnyExpressionBuilder = ExpressionBuilder<any, any>;

/**
 * The condition "this row belongs to one of the subjects whose identity rows have these keys",
 * on `table`'s own (unaliased) columns, for `selectFrom(table)`, `updateTable(table)` and
 * `deleteFrom(table)` alike:
 *
 * - on the identity table: `key in (keys)`;
 * - one join away: `fk in (keys)` when the foreign key references the identity key, else
 *   `fk in (select to from identity where key in (keys))`;
 * - further away: nested `in (select …)` subqueries, one per join (no row is repeated, whatever
 *   the fan-out of the joins).
 *
 * Each key is one bound parameter: callers pass at most `adapter.maxParameters` keys (split
 * larger sets). An empty `keys` matches no row. Throws `REG_ERR_DATAMAP_INVALID` when `table`
 * is not mapped or its route does not end at `identityTable`.
 */
export function subjectWhere(
  source: TDataMap | SubjectGraph,
  table: string,
  identityTable: string,
  keys: readonly SubjectKey[],
): (eb: AnyExpressionBuilder) => Expression<SqlBool> {
  const route = graphOf(source).route(table);
  if (route.identityTable !== identityTable) {
    throw invalid(
      `table '${table}' leads to identity table '${route.identityTable}', not '${identityTable}'; use subjectGraph(…).tablesOf('${identityTable}')`,
    );
  }
  const values = [...keys];
  return (eb) => {
    if (values.length === 0) return sql<SqlBool>`1 = 0`;
    const condition = (index: number): Expression<SqlBool> => {
      const join = route.joins[index];
      if (join === undefined) return eb(eb.ref(`${route.identityTable}.${route.identityKey}`), 'in', values);
      const column = eb.ref(`${join.from}.${join.column}`);
      if (index === route.joins.length - 1 && join.toColumn === route.identityKey) {
        return eb(column, 'in', values);
      }
      const inner = eb
        .selectFrom(join.to)
        .select(eb.ref(`${join.to}.${join.toColumn}`).as('k'))
        .where(() => condition(index + 1));
      return eb(column, 'in', inner);
    };
    return condition(0);
  };
}

/**
 * Selects every column of `table`'s rows that belong to the subjects whose identity rows (in
 * `identityTable`) have the given keys. Add `.orderBy`, `.limit` or narrow the selection as
 * needed; see {@link subjectWhere} for the SQL, the parameter limit and the errors. Example:
 *
 * ```ts
 * const graph = subjectGraph(loaded.datamap);
 * for (const route of graph.tablesOf('customers')) {
 *   const rows = await rowsOfSubjectQuery(db, graph, route.table, 'customers', [42]).execute();
 * }
 * ```
 */
export function rowsOfSubjectQuery(
  db: AnyDb,
  source: TDataMap | SubjectGraph,
  table: string,
  identityTable: string,
  keys: readonly SubjectKey[],
  // biome-ignore lint/suspicious/noExplicitAny: target tables are user schemas, typed at run time
): SelectQueryBuilder<any, any, Record<string, unknown>> {
  return db
    .selectFrom(table)
    .selectAll(table)
    .where(subjectWhere(source, table, identityTable, keys));
}

/**
 * Selects the keys (as column `key`) of the rows of `identityTable` whose identity `column`
 * equals one of `values` — how a request ("jean.dupont@example.fr") becomes the keys
 * {@link rowsOfSubjectQuery} takes. Throws `REG_ERR_DATAMAP_INVALID` when `column` is not an
 * identity column of that table.
 */
export function identityKeysQuery(
  db: AnyDb,
  source: TDataMap | SubjectGraph,
  identityTable: string,
  column: string,
  values: readonly unknown[],
  // biome-ignore lint/suspicious/noExplicitAny: target tables are user schemas, typed at run time
): SelectQueryBuilder<any, any, { key: unknown }> {
  const route = graphOf(source).route(identityTable);
  if (route.joins.length > 0 || !route.identityColumns.some((c) => c.column === column)) {
    const known = route.identityColumns.map((c) => `'${c.column}'`).join(', ');
    throw invalid(`'${identityTable}.${column}' is not an identity column (identity columns: ${known})`);
  }
  const query = db
    .selectFrom(identityTable)
    .select(sql.ref(`${identityTable}.${route.identityKey}`).as('key'));
  return values.length === 0
    ? query.where(sql<SqlBool>`1 = 0`)
    : query.where(sql.ref(column), 'in', [...values]);
}

/** Edges child → parent between mapped tables: declared foreign keys plus the map's own path steps. */
function parentEdges(datamap: TDataMap, schema: SchemaInfo): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>(Object.keys(datamap.tables).map((t) => [t, new Set<string>()]));
  const add = (child: string, parent: string) => {
    if (child !== parent && edges.has(parent)) edges.get(child)?.add(parent);
  };
  for (const fk of schema.foreignKeys) add(fk.table, fk.references);
  for (const [name, table] of Object.entries(datamap.tables)) {
    const first = table.path?.[0];
    if (first !== undefined) add(name, first.references);
  }
  return edges;
}

/**
 * Mapped tables ordered children first: a table comes before every table it references (by a
 * declared foreign key or by the first step of its `path`), so deleting in this order never
 * trips a RESTRICT constraint between mapped tables. Ties are broken by name. Self-references
 * are ignored; in a cycle of tables, the table with the fewest unplaced referencing tables (then
 * by name) is placed first — the cycle's foreign keys must be nullable or deferred.
 */
export function deletionOrder(datamap: TDataMap, schema: SchemaInfo): string[] {
  const parents = parentEdges(datamap, schema);
  const children = new Map<string, number>([...parents.keys()].map((t) => [t, 0]));
  for (const set of parents.values()) for (const p of set) children.set(p, (children.get(p) ?? 0) + 1);
  const order: string[] = [];
  const remaining = new Set(parents.keys());
  while (remaining.size > 0) {
    const sorted = [...remaining].sort((a, b) => a.localeCompare(b));
    const ready = sorted.filter((t) => children.get(t) === 0);
    const next =
      ready[0] ?? sorted.reduce((best, t) => ((children.get(t) ?? 0) < (children.get(best) ?? 0) ? t : best));
    order.push(next);
    remaining.delete(next);
    for (const parent of parents.get(next) ?? []) children.set(parent, (children.get(parent) ?? 0) - 1);
  }
  return order;
}
