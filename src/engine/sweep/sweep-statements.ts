/**
 * The statements of one sweep batch, shared by the executor (which runs them) and the dry run
 * (which prints them): select the next keys still due, then archive, delete or anonymise those
 * keys. Every effect statement repeats the "still due" test, so a row processed by a concurrent
 * or earlier run is never processed twice.
 */
import { sql } from 'kysely';
import type { TDataMap } from '../../datamap/model.ts';
import type { AnyDb, DialectAdapter, SchemaInfo } from '../db/types.ts';
import { type AnonymisedValue, type AnonymiseMethod, anonymiseValue } from '../subject/anonymise-value.ts';
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

/** The new values of one row (listed columns and marker). */
export function anonymisedRow(
  step: StepSpec,
  row: Record<string, unknown>,
  context: EffectContext,
): Record<string, unknown> {
  const marker = step.anonymise?.marker ?? '';
  const set: Record<string, unknown> = { [marker]: context.adapter.timeParam(context.at) };
  const info = context.schema.tables.get(step.table);
  for (const [column, method] of anonymiseColumns(step)) {
    const facts = {
      dataType: info?.columns.find((c) => c.name === column)?.dataType ?? '',
      category: context.datamap.tables[step.table]?.columns[column]?.category,
    };
    const value = isPerRow(method) ? row[column] : null;
    set[column] = bindValue(context.adapter, anonymiseValue(method, value, facts, context.secret ?? ''));
  }
  return set;
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
  let changed = 0;
  for (const row of rows) {
    const values = anonymisedRow(step, row, context);
    const result = await rowUpdateQuery(trx, step, row[KEY], values).executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}
