/**
 * Dry run of a retention sweep: the plan plus the statements each step would run, compiled for
 * the target's dialect with their bound parameters. Nothing is written (not even the audit or
 * run tables). A batch's keys appear as one placeholder parameter.
 */
import type { CompiledQuery } from 'kysely';
import { AUDIT_TABLE } from '../../audit/schema.ts';
import type { TargetDb } from '../db/types.ts';
import type { EngineContext } from '../load-context.ts';
import type { StepSpec } from './build-steps.ts';
import { prepareSweep } from './plan-sweep.ts';
import { returnFile, returnRowsQuery } from './return-rows.ts';
import { RUN_STEP_TABLE } from './run-state.ts';
import {
  anonymiseColumns,
  anonymisesPerRow,
  batchEffectQuery,
  readRowsQuery,
  rowsUpdateQuery,
  selectBatchQuery,
} from './sweep-statements.ts';
import type { DryRun, PlannedStatement } from './types.ts';

export interface DryRunOptions {
  readonly today: Date;
  /** Keys per batch (default 1 000). */
  readonly batchSize?: number;
  readonly actor?: string;
  readonly clock?: () => Date;
}

const BATCH_KEYS = '<keys of the batch>';

function statement(purpose: string, compiled: CompiledQuery): PlannedStatement {
  return { purpose, sql: compiled.sql, parameters: compiled.parameters };
}

function stepStatements(target: TargetDb, step: StepSpec, batchSize: number, actor: string, at: Date) {
  const { db, adapter } = target;
  const out: PlannedStatement[] = [
    statement(
      `select the next ${batchSize} keys still due (later batches add "${step.key} > last key"); restricted keys are left out`,
      selectBatchQuery(db, step, undefined, batchSize).compile(),
    ),
  ];
  const time = adapter.timeParam(at);
  const returned = step.returnRows ? returnFile('<run id>', step, 1).replace('000001', '<n>') : undefined;
  if (returned !== undefined) {
    out.push(
      statement(
        `read the rows to return; they are written to <export dir>/${returned} and synced to disk before the delete`,
        returnRowsQuery(db, step, [BATCH_KEYS]).compile(),
      ),
    );
  }
  if (step.effect === 'anonymise' && anonymisesPerRow(step)) {
    out.push(statement('read the values to anonymise', readRowsQuery(db, step, [BATCH_KEYS]).compile()));
    const values: Record<string, unknown> = {};
    const same: Record<string, unknown> = {};
    for (const [column, method] of anonymiseColumns(step)) {
      if (typeof method === 'object' || method === 'null')
        same[column] = typeof method === 'object' ? method.value : null;
      else values[column] = `<${method} of ${column}>`;
    }
    if (step.anonymise !== undefined) same[step.anonymise.marker] = time;
    const rows = [{ key: '<key>', values }];
    out.push(
      statement(
        "anonymise the rows read, each value computed in JavaScript and set by key (one statement per batch, split when it would exceed the dialect's bound parameters)",
        rowsUpdateQuery(db, step, rows, Object.keys(values), same).compile(),
      ),
    );
  } else {
    out.push(statement(`${step.effect} the batch`, batchEffectQuery(db, step, [BATCH_KEYS], time).compile()));
  }
  out.push(
    statement(
      `append the batch's audit entry (${step.operation}, reason ${step.ruleRef.rule.id}) after locking the chain's head`,
      db
        .insertInto(AUDIT_TABLE)
        .values({
          seq: '<next seq>',
          at: at.toISOString(),
          actor,
          operation: step.operation,
          subject_ref: null,
          tables: JSON.stringify([step.table]),
          row_counts: JSON.stringify({ [step.table]: '<rows>' }),
          reason: step.ruleRef.rule.id,
          run_id: '<run id>',
          details: JSON.stringify({
            batch: '<n>',
            rule: step.ruleRef.rule.id,
            step: step.id,
            phase: step.phase,
            ...(returned === undefined
              ? {}
              : { returned: { file: returned, sha256: '<sha-256 of the file>', rows: '<rows>' } }),
          }),
          prev_hash: '<previous hash>',
          hash: '<hash>',
        })
        .compile(),
    ),
    statement(
      "count the batch in the run's progress row",
      db
        .updateTable(RUN_STEP_TABLE)
        .set((eb) => ({
          rows_done: eb('rows_done', '+', '<rows>'),
          batches_done: eb('batches_done', '+', 1),
        }))
        .where('run_id', '=', '<run id>')
        .where('step', '=', step.id)
        .compile(),
    ),
  );
  return out;
}

/**
 * The plan and the statements of every step that would execute (a `keep` step executes nothing).
 * Writes nothing.
 */
export async function dryRunSweep(
  target: TargetDb,
  context: EngineContext,
  options: DryRunOptions,
): Promise<DryRun> {
  const prepared = await prepareSweep(target, context, { today: options.today });
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  const at = (options.clock ?? (() => new Date()))();
  const actor = options.actor ?? 'job:retention-sweep';
  return {
    plan: prepared.plan,
    statements: prepared.steps
      .filter((step) => step.effect !== 'keep' && step.errors.length === 0)
      .map((step) => ({ step: step.id, statements: stepStatements(target, step, batchSize, actor, at) })),
  };
}
