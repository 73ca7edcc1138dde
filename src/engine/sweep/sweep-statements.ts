/**
 * The statements of one sweep batch, shared by the executor (which runs them) and the dry run
 * (which prints them): select the next keys still due, then archive, delete or anonymise those
 * keys. Every effect statement repeats the "still due" test, so a row processed by a concurrent
 * or earlier run is never processed twice.
 */
import { sql } from 'kysely';
import type { TDataMap } from '../../datamap/model.ts';
import type { AnyDb, DialectAdapter, SchemaInfo } from '../db/types.ts';
import {
  type AnonymisedValue,
  type AnonymiseMethod,
  anonymiseValue,
  type ColumnFacts,
} from '../subject/anonymise-value.ts';
import { dueCondition, type StepSpec } from './build-steps.ts';
import { allOf, isNull, rootScope } from './sql-conditions.ts';

/** Column aliases used in selects (never a user column name). */
const KEY = 'registre_key';

function keyRef(step: StepSpec) {
  return sql.ref(`${step.table}.${step.key}`);
}

/** `select key from table where <due> [and key > cursor] order by key limit n`. */
export function selectBatchQuery(db: AnyDb, step: StepSpec, cursor: unknown, limit: number) {
  let query = db
    .selectFrom(step.table)
    .select(keyRef(step).as(KEY))
    .where(dueCondition(step)(rootScope(step.table)));
  if (cursor !== undefined) query = query.where(keyRef(step), '>', cursor);
  return query.orderBy(keyRef(step)).limit(limit);
}

/** Methods computed from each row's value (the others are the same for every row). */
function isPerRow(method: AnonymiseMethod): boolean {
  return method === 'hash' || method === 'mask' || method === 'generalise';
}

/**
 * The step's anonymisation methods. A bare `constant` (without a value) is a plan error (see
 * `buildSweepSteps`); it never reaches execution.
 */
export function anonymiseColumns(step: StepSpec): [string, AnonymiseMethod][] {
  const columns = step.anonymise?.columns ?? {};
  return Object.entries(columns).map(([column, method]): [string, AnonymiseMethod] => [
    column,
    method === 'constant' ? 'null' : method,
  ]);
}

/** True when anonymising needs each row's current values (hash, mask, generalise). */
export function anonymisesPerRow(step: StepSpec): boolean {
  return anonymiseColumns(step).some(([, method]) => isPerRow(method));
}

/** The effect on a whole batch in one statement (delete, archive, or anonymise with null/constant). */
export function batchEffectQuery(db: AnyDb, step: StepSpec, keys: readonly unknown[], at: unknown) {
  const due = dueCondition(step)(rootScope(step.table));
  if (step.effect === 'delete') {
    return db
      .deleteFrom(step.table)
      .where(keyRef(step), 'in', [...keys])
      .where(due);
  }
  const set: Record<string, unknown> = {};
  if (step.effect === 'archive' && step.archivedAt !== undefined) set[step.archivedAt] = at;
  if (step.effect === 'anonymise' && step.anonymise !== undefined) {
    for (const [column, method] of anonymiseColumns(step)) {
      set[column] = typeof method === 'object' ? method.value : null;
    }
    set[step.anonymise.marker] = at;
  }
  return db
    .updateTable(step.table)
    .set(set)
    .where(keyRef(step), 'in', [...keys])
    .where(due);
}

/** Reads the current values of the per-row anonymised columns of the rows still due. */
export function readRowsQuery(db: AnyDb, step: StepSpec, keys: readonly unknown[]) {
  const columns = anonymiseColumns(step)
    .filter(([, method]) => isPerRow(method))
    .map(([column]) => column);
  return db
    .selectFrom(step.table)
    .select([keyRef(step).as(KEY), ...columns.map((c) => sql.ref(`${step.table}.${c}`).as(c))])
    .where(keyRef(step), 'in', [...keys])
    .where(dueCondition(step)(rootScope(step.table)));
}

/** One row's anonymisation: every listed column and the marker, if the row is not anonymised yet. */
export function rowUpdateQuery(db: AnyDb, step: StepSpec, key: unknown, values: Record<string, unknown>) {
  const marker = step.anonymise?.marker ?? '';
  return db
    .updateTable(step.table)
    .set(values)
    .where(keyRef(step), '=', key)
    .where(allOf([isNull(marker)])(rootScope(step.table)));
}

/** One row's computed values, by column (the per-row anonymised columns only). */
export interface RowValues {
  readonly key: unknown;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Many rows' anonymisation in one statement, with the same effect as one `rowUpdateQuery` per
 * row: `update t set c = case key when ? then ? … else c end, …, <same-for-all> = ?, marker = ?
 * where key in (…) and marker is null`. `same` holds the columns whose value is the same for
 * every row (null, constant) and the marker, set last. The `else c` never applies (every key of
 * the `in` list has its `when`); it gives PostgreSQL the column's type for the bound values.
 */
export function rowsUpdateQuery(
  db: AnyDb,
  step: StepSpec,
  rows: readonly RowValues[],
  perRow: readonly string[],
  same: Record<string, unknown>,
) {
  const marker = step.anonymise?.marker ?? '';
  const key = keyRef(step);
  const set: Record<string, unknown> = {};
  for (const column of perRow) {
    const ref = sql.ref(`${step.table}.${column}`);
    const whens = rows.map((row) => sql`when ${row.key} then ${row.values[column]}`);
    set[column] = sql`case ${key} ${sql.join(whens, sql` `)} else ${ref} end`;
  }
  Object.assign(set, same);
  return db
    .updateTable(step.table)
    .set(set)
    .where(
      key,
      'in',
      rows.map((row) => row.key),
    )
    .where(allOf([isNull(marker)])(rootScope(step.table)));
}

export interface EffectContext {
  readonly adapter: DialectAdapter;
  readonly schema: SchemaInfo;
  readonly datamap: TDataMap;
  /** Installation secret, for `hash`. */
  readonly secret: string | undefined;
  /** When the effect happens (archive and anonymisation markers). */
  readonly at: Date;
}

function bindValue(adapter: DialectAdapter, value: AnonymisedValue): unknown {
  if (value !== null && typeof value === 'object')
    return adapter.dayParam(new Date(`${value.day}T00:00:00Z`));
  return value;
}

/** How each anonymised column of a step is computed (column facts looked up once per batch). */
interface ColumnPlan {
  readonly column: string;
  readonly method: AnonymiseMethod;
  readonly facts: ColumnFacts;
}

function columnPlans(step: StepSpec, context: EffectContext): ColumnPlan[] {
  const info = context.schema.tables.get(step.table);
  return anonymiseColumns(step).map(([column, method]) => ({
    column,
    method,
    facts: {
      dataType: info?.columns.find((c) => c.name === column)?.dataType ?? '',
      category: context.datamap.tables[step.table]?.columns[column]?.category,
    },
  }));
}

function anonymisedValue(plan: ColumnPlan, row: Record<string, unknown>, context: EffectContext): unknown {
  const value = isPerRow(plan.method) ? row[plan.column] : null;
  return bindValue(context.adapter, anonymiseValue(plan.method, value, plan.facts, context.secret ?? ''));
}

/** The new values of one row (listed columns and marker). */
export function anonymisedRow(
  step: StepSpec,
  row: Record<string, unknown>,
  context: EffectContext,
): Record<string, unknown> {
  const marker = step.anonymise?.marker ?? '';
  const set: Record<string, unknown> = { [marker]: context.adapter.timeParam(context.at) };
  for (const plan of columnPlans(step, context)) set[plan.column] = anonymisedValue(plan, row, context);
  return set;
}

/**
 * Rows per `rowsUpdateQuery` beyond the parameter limit. SQLite tests a `case`'s `when`s one by
 * one for every row, so the cost of one statement grows with the square of its rows: 20 000 rows
 * in batches of 1 000 took 2.4 s at 1 000 rows per statement, 0.36 s at 50 (two generalised
 * columns). PostgreSQL and MariaDB were as fast or faster with whole batches (1.1 to 1.3 s and
 * 0.8 s) and have no cap.
 */
const ROWS_PER_STATEMENT_CAP: Partial<Record<DialectAdapter['name'], number>> = { sqlite: 50 };

/**
 * Anonymises the rows read, `rowsUpdateQuery` by chunks that keep within the dialect's bound
 * parameters. Row by row (`rowUpdateQuery`) only when the key column is itself anonymised (MySQL
 * assigns left to right, so the `case` on the key would read the new key).
 */
async function anonymiseRows(
  trx: AnyDb,
  step: StepSpec,
  rows: readonly Record<string, unknown>[],
  context: EffectContext,
): Promise<number> {
  const plans = columnPlans(step, context);
  const marker = step.anonymise?.marker ?? '';
  const time = context.adapter.timeParam(context.at);
  let changed = 0;
  if (plans.some((plan) => plan.column === step.key || plan.column === marker)) {
    for (const row of rows) {
      const values = anonymisedRow(step, row, context);
      const result = await rowUpdateQuery(trx, step, row[KEY], values).executeTakeFirst();
      changed += Number(result.numUpdatedRows);
    }
    return changed;
  }
  const perRow = plans.filter((plan) => isPerRow(plan.method));
  const same: Record<string, unknown> = {};
  for (const plan of plans)
    if (!isPerRow(plan.method)) same[plan.column] = anonymisedValue(plan, {}, context);
  same[marker] = time;
  // Per row: its key in the `in` list, and a key and a value in each column's `case`.
  const fixed = Object.keys(same).length;
  const byParams = Math.floor((context.adapter.maxParameters - fixed) / (1 + 2 * perRow.length));
  const chunk = Math.max(1, Math.min(ROWS_PER_STATEMENT_CAP[context.adapter.name] ?? byParams, byParams));
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk).map((row): RowValues => {
      const values: Record<string, unknown> = {};
      for (const plan of perRow) values[plan.column] = anonymisedValue(plan, row, context);
      return { key: row[KEY], values };
    });
    const columns = perRow.map((plan) => plan.column);
    const result = await rowsUpdateQuery(trx, step, slice, columns, same).executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}

/** Applies the step's effect to `keys` (all in the caller's transaction); returns the rows changed. */
export async function applyEffect(
  trx: AnyDb,
  step: StepSpec,
  keys: readonly unknown[],
  context: EffectContext,
): Promise<number> {
  const at = context.adapter.timeParam(context.at);
  if (step.effect === 'delete') {
    const result = await batchEffectQuery(trx, step, keys, at).executeTakeFirst();
    return Number((result as { numDeletedRows: bigint }).numDeletedRows);
  }
  if (step.effect === 'archive' || !anonymisesPerRow(step)) {
    const result = await batchEffectQuery(trx, step, keys, at).executeTakeFirst();
    return Number((result as { numUpdatedRows: bigint }).numUpdatedRows);
  }
  const rows = (await readRowsQuery(trx, step, keys).execute()) as Record<string, unknown>[];
  return rows.length === 0 ? 0 : anonymiseRows(trx, step, rows, context);
}
