/**
 * Plan a retention sweep: for a fixed day, count per table × rule the rows each step would
 * process and the rows it keeps (legal hold, foreign-key references, restriction). Reads only.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { startOfUtcDay } from '../../policy/retention/index.ts';
import type { SchemaInfo, TargetDb } from '../db/types.ts';
import type { EngineContext } from '../load-context.ts';
import { buildSweepSteps, dueCondition, type StepSpec } from './build-steps.ts';
import { chunks, restrictedKeysOf } from './restriction-filter.ts';
import { allOf, anyOf, type Condition, not, rootScope } from './sql-conditions.ts';
import type { PlannedStep, SweepPlan, SweepTotals } from './types.ts';

export interface PlanOptions {
  /** The day the sweep runs for (its calendar day in UTC counts). */
  readonly today: Date;
}

/** A plan with the step specifications it was computed from (for the executor and the dry run). */
export interface PreparedSweep {
  readonly plan: SweepPlan;
  readonly steps: readonly StepSpec[];
  readonly schema: SchemaInfo;
}

export function isoDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Rows that delete steps listed before `index` on the same table remove in this run. */
function consumedEarlier(steps: readonly StepSpec[], index: number): Condition {
  const step = steps[index] as StepSpec;
  return anyOf(
    steps
      .slice(0, index)
      .filter((s) => s.table === step.table && s.effect === 'delete' && s.errors.length === 0)
      .map((s) =>
        allOf([
          s.base,
          not(anyOf(s.holds.map((h) => h.when))),
          not(anyOf(s.blockers.map((b) => b.predicted))),
        ]),
      ),
  );
}

const sumWhen = (condition: ReturnType<Condition>) =>
  sql<string>`sum(case when ${condition} then 1 else 0 end)`;

async function countStep(
  target: TargetDb,
  schema: SchemaInfo,
  steps: readonly StepSpec[],
  index: number,
): Promise<PlannedStep> {
  const step = steps[index] as StepSpec;
  const errors = [...step.errors];
  const describe = (): Omit<PlannedStep, 'rows' | 'holds' | 'blockers' | 'errors'> => ({
    id: step.id,
    table: step.table,
    key: step.key,
    rule: step.ruleRef.rule.id,
    activity: step.ruleRef.activity.id,
    phase: step.phase,
    effect: step.effect,
    operation: step.operation,
    cutoffs: {
      activeEnd: isoDay(step.cutoffs.activeEnd),
      endTrigger: isoDay(step.cutoffs.endTrigger),
      ...(step.cutoffs.archiveTrigger === undefined
        ? {}
        : { archiveTrigger: isoDay(step.cutoffs.archiveTrigger) }),
    },
    ...(step.keptReason === undefined ? {} : { keptReason: step.keptReason }),
    ...(step.returnRows ? { returnsRows: true } : {}),
    notes: step.notes,
  });
  if (errors.length > 0) {
    const rows = { pastDeadline: 0, due: 0, held: 0, blocked: 0, restricted: 0 };
    return { ...describe(), rows, holds: [], blockers: [], errors };
  }
  const held = anyOf(step.holds.map((h) => h.when));
  const blocked = anyOf(step.blockers.map((b) => b.predicted));
  const base = allOf([step.base, not(consumedEarlier(steps, index))]);
  const renewal = step.renewal === undefined ? undefined : allOf([not(held), not(blocked), step.renewal]);
  const scope = rootScope(step.table);
  const counts = await target.db
    .selectFrom(step.table)
    .select([
      sql<string>`count(*)`.as('total'),
      sumWhen(held(scope)).as('held'),
      sumWhen(allOf([not(held), blocked])(scope)).as('blocked'),
      ...step.holds.map((h, i) => sumWhen(h.when(scope)).as(`hold_${i}`)),
      ...step.blockers.map((b, i) => sumWhen(allOf([not(held), b.predicted])(scope)).as(`blocker_${i}`)),
      ...(renewal === undefined ? [] : [sumWhen(renewal(scope)).as('renewal')]),
    ])
    .where(base(scope))
    .executeTakeFirstOrThrow();
  const n = (value: unknown): number => Number(value ?? 0);
  const row = counts as Record<string, unknown>;
  const restrictedSet =
    step.effect === 'keep' ? new Set<string>() : await restrictedKeysOf(target.db, schema, step.table);
  let restricted = 0;
  let restrictedRenewal = 0;
  const chunkSize = Math.max(1, Math.min(5000, target.adapter.maxParameters - 1000));
  for (const keys of chunks([...restrictedSet], chunkSize)) {
    const chunkScope = rootScope(step.table);
    const found = await target.db
      .selectFrom(step.table)
      .select([
        sql<string>`count(*)`.as('n'),
        ...(step.renewal === undefined ? [] : [sumWhen(step.renewal(chunkScope)).as('renewal')]),
      ])
      .where(allOf([base, not(held), not(blocked)])(chunkScope))
      .where(sql.ref(`${step.table}.${step.key}`), 'in', keys)
      .executeTakeFirstOrThrow();
    restricted += n(found.n);
    restrictedRenewal += n((found as Record<string, unknown>).renewal);
  }
  const blockers = step.blockers.map((b, i) => ({
    table: b.table,
    column: b.column,
    mapped: b.mapped,
    rows: n(row[`blocker_${i}`]),
  }));
  for (const [i, b] of step.blockers.entries()) {
    const rows = n(row[`blocker_${i}`]);
    if (!b.mapped && rows > 0) {
      errors.push(
        `table '${b.table}' is not in the data map and its rows still reference ${rows} row(s) to delete from '${step.table}' (${b.table}.${b.column}, ON DELETE ${b.onDelete}): map '${b.table}' or remove those references first`,
      );
    }
  }
  const total = n(row.total);
  const heldRows = n(row.held);
  const blockedRows = n(row.blocked);
  return {
    ...describe(),
    rows: {
      pastDeadline: total,
      due: step.effect === 'keep' ? 0 : total - heldRows - blockedRows - restricted,
      held: heldRows,
      blocked: blockedRows,
      restricted,
    },
    holds: step.holds.map((h, i) => ({
      reason: h.reason,
      source: h.source,
      condition: h.condition,
      rows: n(row[`hold_${i}`]),
    })),
    blockers,
    ...(renewal === undefined ? {} : { renewalRequests: n(row.renewal) - restrictedRenewal }),
    errors,
  };
}

function totalsOf(steps: readonly PlannedStep[]): SweepTotals {
  const byEffect = { archive: 0, delete: 0, anonymise: 0 };
  const tables = new Set<string>();
  let held = 0;
  let blocked = 0;
  let restricted = 0;
  let kept = 0;
  for (const step of steps) {
    if (step.effect === 'keep') {
      kept += step.rows.pastDeadline;
      continue;
    }
    byEffect[step.effect] += step.rows.due;
    if (step.rows.due > 0) tables.add(step.table);
    held += step.rows.held;
    blocked += step.rows.blocked;
    restricted += step.rows.restricted;
  }
  const due = byEffect.archive + byEffect.delete + byEffect.anonymise;
  return { due, tables: tables.size, held, blocked, restricted, kept, byEffect };
}

/** SHA-256 of the day and of the statement selecting each step's due rows. */
function planHash(target: TargetDb, today: string, steps: readonly StepSpec[]): string {
  const hash = createHash('sha256').update(`${target.dialect}\n${today}\n`);
  for (const step of steps) {
    const compiled = target.db
      .selectFrom(step.table)
      .select(sql.ref(`${step.table}.${step.key}`).as('k'))
      .where(dueCondition(step)(rootScope(step.table)))
      .compile();
    const returns = step.returnRows ? ['return'] : [];
    hash.update(JSON.stringify([step.id, step.effect, compiled.sql, compiled.parameters, ...returns]));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/**
 * Plans the sweep and keeps the step specifications (the executor and the dry run use them).
 * Reads the schema and counts rows; writes nothing.
 */
export async function prepareSweep(
  target: TargetDb,
  context: EngineContext,
  options: PlanOptions,
): Promise<PreparedSweep> {
  const today = startOfUtcDay(options.today);
  const schema = await target.adapter.introspect(target.db);
  const built = buildSweepSteps(context, schema, target.adapter, today);
  const planned: PlannedStep[] = [];
  for (let i = 0; i < built.steps.length; i += 1)
    planned.push(await countStep(target, schema, built.steps, i));
  const errors = planned.flatMap((s) => s.errors.map((e) => `${s.id}: ${e}`));
  const day = isoDay(today);
  const plan: SweepPlan = {
    today: day,
    dialect: target.dialect,
    datamapFile: context.datamapFile,
    steps: planned,
    totals: totalsOf(planned),
    errors,
    warnings: built.warnings,
    hash: planHash(target, day, built.steps),
  };
  return { plan, steps: built.steps, schema };
}

/**
 * The plan of a retention sweep on `options.today`: per table × rule × phase, the rows past their
 * deadline, the rows the step would process, and the rows kept with the reason. Writes nothing.
 */
export async function planSweep(
  target: TargetDb,
  context: EngineContext,
  options: PlanOptions,
): Promise<SweepPlan> {
  return (await prepareSweep(target, context, options)).plan;
}
