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

/**
 * What the builders below know of the conditions they make, so that `allOf` and `not` can write
 * the SQL a person would: PostgreSQL estimates how many rows match from the SQL it is given, and
 * redundant or nested forms made it misjudge (DESIGN.md, "SQL a planner can estimate": a sort of
 * every due row, or a hash of every child row, for each batch of 1 000).
 */
type Shape =
  | { readonly kind: 'all'; readonly members: readonly Condition[] }
  | { readonly kind: 'any'; readonly members: readonly Condition[] }
  | { readonly kind: 'not'; readonly inner: Condition }
  /** `column is not null and column < bound` (before) or `… >= bound` (from), bound in epoch ms. */
  | {
      readonly kind: 'day';
      readonly column: string;
      readonly side: 'before' | 'from';
      readonly bound: number;
    };

const shapes = new WeakMap<Condition, Shape>();

function shaped(condition: Condition, shape: Shape): Condition {
  shapes.set(condition, shape);
  return condition;
}

/**
 * Every condition holds. Nested `allOf`s are flattened; a `not` of a `dayAfter` whose bound is at or
 * after a `dayOnOrBefore` bound of the same column is left out (the latter implies it: the column is
 * not null and earlier than a bound no later than the former's). The result means the same rows.
 */
export function allOf(all: readonly Condition[]): Condition {
  const flat = all.flatMap((c) => {
    const shape = shapes.get(c);
    return shape?.kind === 'all' ? shape.members : [c];
  });
  let conditions = flat.filter((c) => c !== always);
  if (conditions.includes(never)) return never;
  const before = new Map<string, number>();
  for (const c of conditions) {
    const shape = shapes.get(c);
    if (shape?.kind === 'day' && shape.side === 'before') {
      before.set(shape.column, Math.min(shape.bound, before.get(shape.column) ?? Number.POSITIVE_INFINITY));
    }
  }
  if (before.size > 0) {
    conditions = conditions.filter((c) => {
      const shape = shapes.get(c);
      if (shape?.kind !== 'not') return true;
      const inner = shapes.get(shape.inner);
      if (inner?.kind !== 'day' || inner.side !== 'from') return true;
      const bound = before.get(inner.column);
      return bound === undefined || bound > inner.bound;
    });
  }
  if (conditions.length === 0) return always;
  if (conditions.length === 1) return conditions[0] as Condition;
  const members = conditions;
  return shaped(
    (scope) =>
      sql<SqlBool>`(${sql.join(
        members.map((c) => c(scope)),
        sql` and `,
      )})`,
    { kind: 'all', members },
  );
}

export function anyOf(any: readonly Condition[]): Condition {
  const conditions = any.filter((c) => c !== never);
  if (conditions.includes(always)) return always;
  if (conditions.length === 0) return never;
  if (conditions.length === 1) return conditions[0] as Condition;
  return shaped(
    (scope) =>
      sql<SqlBool>`(${sql.join(
        conditions.map((c) => c(scope)),
        sql` or `,
      )})`,
    { kind: 'any', members: conditions },
  );
}

/**
 * The condition does not hold. `not (a or b)` is written `not a and not b` (the conditions are
 * two-valued, so this is exact): PostgreSQL turns a `not exists` standing alone in the `and` list
 * into an anti-join, but not one inside an `or`.
 */
export function not(condition: Condition): Condition {
  if (condition === always) return never;
  if (condition === never) return always;
  const shape = shapes.get(condition);
  if (shape?.kind === 'any') return allOf(shape.members.map(not));
  if (shape?.kind === 'not') return shape.inner;
  return shaped((scope) => sql<SqlBool>`not (${condition(scope)})`, { kind: 'not', inner: condition });
}

export function isNull(name: string): Condition {
  return (scope) => sql<SqlBool>`${column(scope, name)} is null`;
}

/** The calendar day of `name` is on or before `day` (NULL is not): `name < day + 1`. */
export function dayOnOrBefore(adapter: DialectAdapter, name: string, day: Date): Condition {
  return dayBound(adapter, name, day, 'before');
}

/** The calendar day of `name` is after `day` (NULL is not): `name >= day + 1`. */
export function dayAfter(adapter: DialectAdapter, name: string, day: Date): Condition {
  return dayBound(adapter, name, day, 'from');
}

/** `name` (not null) compared with the day after `day`: `<` before it, `>=` from it. */
function dayBound(adapter: DialectAdapter, name: string, day: Date, side: 'before' | 'from'): Condition {
  const bound = addDays(day, 1);
  const next = adapter.dayParam(bound);
  const operator = sql.raw(side === 'before' ? '<' : '>=');
  return shaped(
    (scope) =>
      sql<SqlBool>`(${column(scope, name)} is not null and ${column(scope, name)} ${operator} ${next})`,
    { kind: 'day', column: name, side, bound: bound.getTime() },
  );
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
