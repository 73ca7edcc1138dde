/**
 * SQL conditions of a sweep, built once and rendered against any alias: the same "is this row
 * due" test is used on the table itself (`delete from t where …`), and inside correlated
 * subqueries on another alias (a child table's rows in a foreign-key check).
 *
 * Every condition built here is two-valued: it is never NULL, so `not (…)` and
 * `case when … then 1 else 0 end` mean what they say on rows with NULL columns.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { addDays } from '../../policy/retention/index.ts';
import type { DialectAdapter } from '../db/types.ts';

/** Where a condition is rendered: the alias of the row it tests, and a source of fresh aliases. */
export interface Scope {
  readonly alias: string;
  /** A new alias, unique within the statement, for a correlated subquery. */
  fresh(): string;
}

export type Condition = (scope: Scope) => RawBuilder<SqlBool>;

/** The scope of a statement on `table` itself (unaliased, as `deleteFrom(table)` needs). */
export function rootScope(table: string): Scope {
  let next = 0;
  return {
    alias: table,
    fresh: () => {
      next += 1;
      return `registre_s${next}`;
    },
  };
}

/** A column of the scope's row. */
export function column(scope: Scope, name: string) {
  return sql.ref(`${scope.alias}.${name}`);
}

export const always: Condition = () => sql<SqlBool>`1 = 1`;
export const never: Condition = () => sql<SqlBool>`1 = 0`;

export function allOf(all: readonly Condition[]): Condition {
  const conditions = all.filter((c) => c !== always);
  if (conditions.includes(never)) return never;
  if (conditions.length === 0) return always;
  if (conditions.length === 1) return conditions[0] as Condition;
  return (scope) =>
    sql<SqlBool>`(${sql.join(
      conditions.map((c) => c(scope)),
      sql` and `,
    )})`;
}

export function anyOf(any: readonly Condition[]): Condition {
  const conditions = any.filter((c) => c !== never);
  if (conditions.includes(always)) return always;
  if (conditions.length === 0) return never;
  if (conditions.length === 1) return conditions[0] as Condition;
  return (scope) =>
    sql<SqlBool>`(${sql.join(
      conditions.map((c) => c(scope)),
      sql` or `,
    )})`;
}

export function not(condition: Condition): Condition {
  if (condition === always) return never;
  if (condition === never) return always;
  return (scope) => sql<SqlBool>`not (${condition(scope)})`;
}

export function isNull(name: string): Condition {
  return (scope) => sql<SqlBool>`${column(scope, name)} is null`;
}

/** The calendar day of `name` is on or before `day` (NULL is not): `name < day + 1`. */
export function dayOnOrBefore(adapter: DialectAdapter, name: string, day: Date): Condition {
  const next = adapter.dayParam(addDays(day, 1));
  return (scope) => sql<SqlBool>`(${column(scope, name)} is not null and ${column(scope, name)} < ${next})`;
}

/** The calendar day of `name` is after `day` (NULL is not): `name >= day + 1`. */
export function dayAfter(adapter: DialectAdapter, name: string, day: Date): Condition {
  const next = adapter.dayParam(addDays(day, 1));
  return (scope) => sql<SqlBool>`(${column(scope, name)} is not null and ${column(scope, name)} >= ${next})`;
}

/** A value as bound on every dialect (booleans as 1/0, which boolean and integer columns accept). */
export function bindable(value: string | number | boolean): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** `name = value` (`is null` for null), false on NULL columns. */
export function equals(name: string, value: string | number | boolean | null): Condition {
  if (value === null) return isNull(name);
  const bound = bindable(value);
  return (scope) => sql<SqlBool>`(${column(scope, name)} is not null and ${column(scope, name)} = ${bound})`;
}

/**
 * Some row of `table` has `foreignKey = outer.referenced` and satisfies `where` (rendered on the
 * subquery's own alias).
 */
export function referencedBy(
  table: string,
  foreignKey: string,
  referenced: string,
  where: Condition = always,
): Condition {
  return (scope) => {
    const alias = scope.fresh();
    const inner: Scope = { alias, fresh: scope.fresh };
    return sql<SqlBool>`exists (select 1 from ${sql.table(table)} as ${sql.id(alias)} where ${sql.ref(
      `${alias}.${foreignKey}`,
    )} = ${column(scope, referenced)} and ${where(inner)})`;
  };
}
