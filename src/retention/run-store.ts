/**
 * Sweep runs in Registre's store: the run row, its steps' progress rows, and the lock that keeps
 * one execution per target database (a row per target, inserted in the transaction that records
 * the run: two callers racing both try the insert, the primary key lets one through). A lock
 * whose lease expired belonged to a process that died: the next start takes it over and marks that
 * run failed (the engine resumes its work, see src/engine/sweep/run-state.ts).
 */
import type { Kysely, Selectable } from 'kysely';
import { RegistreError } from '../errors/registry.ts';
import type { StoreDb } from '../store/schema/index.ts';
import type { RetentionSweepRunsTable, RetentionSweepStepsTable } from '../store/schema/retention.ts';
import type { TSweepMode, TSweepRunView, TSweepStatus, TSweepStepView } from './types.ts';

type Db = Kysely<StoreDb>;
type RunRow = Selectable<RetentionSweepRunsTable>;
type StepRow = Selectable<RetentionSweepStepsTable>;

export const INTERRUPTED_MESSAGE =
  'interrupted: the process running the sweep stopped before it finished; the next execution resumes the engine run';

export interface NewRun {
  readonly id: string;
  readonly mode: TSweepMode;
  readonly targetKey: string;
  readonly startedBy: string;
  readonly batchSize: number;
  readonly at: Date;
}

export interface PlannedStepRow {
  readonly step: string;
  readonly table: string;
  readonly activity: string;
  readonly rule: string;
  readonly phase: string;
  readonly effect: string;
  readonly total: number;
  readonly done: number;
  readonly status: TSweepStepView['status'];
}

const n = (value: unknown): number => Number(value ?? 0);

function stepView(row: StepRow): TSweepStepView {
  return {
    step: row.step,
    table: row.table_name,
    activity: row.activity,
    rule: row.rule,
    phase: row.phase as TSweepStepView['phase'],
    effect: row.effect as TSweepStepView['effect'],
    total: n(row.rows_total),
    done: n(row.rows_done),
    status: row.status as TSweepStepView['status'],
    error: row.error_message,
  };
}

function runView(row: RunRow, steps: readonly StepRow[]): TSweepRunView {
  return {
    id: row.id,
    mode: row.mode as TSweepMode,
    status: row.status as TSweepStatus,
    startedBy: row.started_by,
    today: row.today,
    engineRunId: row.engine_run_id,
    resumed: n(row.resumed) === 1,
    batchSize: n(row.batch_size),
    rows: { total: n(row.rows_total), done: n(row.rows_done) },
    counts: {
      deleted: n(row.deleted),
      anonymised: n(row.anonymised),
      archived: n(row.archived),
      held: n(row.held),
      blocked: n(row.blocked),
      restricted: n(row.restricted),
    },
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error_message === null ? null : { code: row.error_code, message: row.error_message },
    steps: [...steps].sort((a, b) => n(a.position) - n(b.position)).map(stepView),
  };
}

function runRow(run: NewRun): RetentionSweepRunsTable {
  const at = run.at.toISOString();
  return {
    id: run.id,
    mode: run.mode,
    status: 'queued',
    target_key: run.targetKey,
    started_by: run.startedBy,
    today: null,
    engine_run_id: null,
    resumed: 0,
    batch_size: run.batchSize,
    rows_total: 0,
    rows_done: 0,
    deleted: 0,
    anonymised: 0,
    archived: 0,
    held: 0,
    blocked: 0,
    restricted: 0,
    created_at: at,
    started_at: null,
    finished_at: null,
    updated_at: at,
    error_code: null,
    error_message: null,
  };
}

/** Record a dry run (no lock: it writes nothing to the target). */
export async function insertRun(db: Db, run: NewRun): Promise<void> {
  await db.insertInto('retention_sweep_runs').values(runRow(run)).execute();
}

/**
 * Record an execution and take the target's lock in one transaction. Throws
 * REG_ERR_RETENTION_SWEEP_RUNNING (409) when another execution holds a live lease on the target.
 */
export async function insertLockedRun(db: Db, run: NewRun, leaseMs: number): Promise<void> {
  const now = run.at.toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      const stale = await trx
        .selectFrom('retention_sweep_locks')
        .select(['run_id'])
        .where('target_key', '=', run.targetKey)
        .where('lease_until', '<', now)
        .executeTakeFirst();
      if (stale !== undefined) {
        await trx
          .updateTable('retention_sweep_runs')
          .set({
            status: 'failed',
            finished_at: now,
            updated_at: now,
            error_code: 'REG_ERR_JOBS_STOPPED',
            error_message: INTERRUPTED_MESSAGE,
          })
          .where('id', '=', stale.run_id)
          .where('status', 'in', ['queued', 'running'])
          .execute();
        await trx
          .deleteFrom('retention_sweep_locks')
          .where('target_key', '=', run.targetKey)
          .where('run_id', '=', stale.run_id)
          .execute();
      }
      await trx
        .insertInto('retention_sweep_locks')
        .values({
          target_key: run.targetKey,
          run_id: run.id,
          acquired_at: now,
          lease_until: new Date(run.at.getTime() + leaseMs).toISOString(),
        })
        .execute();
      await trx.insertInto('retention_sweep_runs').values(runRow(run)).execute();
    });
  } catch (error) {
    const holder = await db
      .selectFrom('retention_sweep_locks')
      .select(['run_id'])
      .where('target_key', '=', run.targetKey)
      .executeTakeFirst();
    if (holder === undefined || holder.run_id === run.id) throw error;
    throw new RegistreError(
      'REG_ERR_RETENTION_SWEEP_RUNNING',
      `sweep ${holder.run_id} is executing on this database; one execution at a time`,
      { details: [{ path: 'body.mode', message: `sweep ${holder.run_id} is still executing` }] },
    );
  }
}

/** Extend the lease of `runId` on its target (nothing when the lock is no longer its own). */
export async function renewLock(db: Db, targetKey: string, runId: string, until: Date): Promise<void> {
  await db
    .updateTable('retention_sweep_locks')
    .set({ lease_until: until.toISOString() })
    .where('target_key', '=', targetKey)
    .where('run_id', '=', runId)
    .execute();
}

export async function releaseLock(db: Db, targetKey: string, runId: string): Promise<void> {
  await db
    .deleteFrom('retention_sweep_locks')
    .where('target_key', '=', targetKey)
    .where('run_id', '=', runId)
    .execute();
}

export type RunPatch = Partial<
  Omit<RetentionSweepRunsTable, 'id' | 'mode' | 'target_key' | 'started_by' | 'created_at'>
>;

export async function updateRun(db: Db, id: string, patch: RunPatch): Promise<void> {
  await db.updateTable('retention_sweep_runs').set(patch).where('id', '=', id).execute();
}

/** Replace the run's step rows (the plan of the run). */
export async function writeSteps(db: Db, runId: string, steps: readonly PlannedStepRow[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('retention_sweep_steps').where('run_id', '=', runId).execute();
    if (steps.length === 0) return;
    await trx
      .insertInto('retention_sweep_steps')
      .values(
        steps.map((s, position) => ({
          run_id: runId,
          step: s.step,
          position,
          table_name: s.table,
          activity: s.activity,
          rule: s.rule,
          phase: s.phase,
          effect: s.effect,
          rows_total: s.total,
          rows_done: s.done,
          status: s.status,
          error_message: null,
        })),
      )
      .execute();
  });
}

export async function updateStep(
  db: Db,
  runId: string,
  step: string,
  patch: { rows_done?: number; rows_total?: number; status?: string; error_message?: string | null },
): Promise<void> {
  await db
    .updateTable('retention_sweep_steps')
    .set(patch)
    .where('run_id', '=', runId)
    .where('step', '=', step)
    .execute();
}

/**
 * Runs left queued or running whose heartbeat stopped before `staleBefore` (their process died)
 * and that this process is not running: marked failed, their lock freed.
 */
export async function closeInterruptedRuns(
  db: Db,
  staleBefore: Date,
  now: Date,
  alive: ReadonlySet<string>,
): Promise<void> {
  const stale = await db
    .selectFrom('retention_sweep_runs')
    .select(['id', 'target_key'])
    .where('status', 'in', ['queued', 'running'])
    .where('updated_at', '<', staleBefore.toISOString())
    .execute();
  for (const run of stale) {
    if (alive.has(run.id)) continue;
    await updateRun(db, run.id, {
      status: 'failed',
      finished_at: now.toISOString(),
      updated_at: now.toISOString(),
      error_code: 'REG_ERR_JOBS_STOPPED',
      error_message: INTERRUPTED_MESSAGE,
    });
    await releaseLock(db, run.target_key, run.id);
  }
}

export async function readRun(db: Db, id: string): Promise<TSweepRunView | undefined> {
  const row = await db.selectFrom('retention_sweep_runs').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const steps = await db.selectFrom('retention_sweep_steps').selectAll().where('run_id', '=', id).execute();
  return runView(row, steps);
}

/** The latest runs, newest first, with their steps. */
export async function listRuns(db: Db, limit: number): Promise<TSweepRunView[]> {
  const rows = await db
    .selectFrom('retention_sweep_runs')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const steps = await db
    .selectFrom('retention_sweep_steps')
    .selectAll()
    .where(
      'run_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) =>
    runView(
      row,
      steps.filter((s) => s.run_id === row.id),
    ),
  );
}

/** The execution holding the target's lock, if any. */
export async function lockedRunId(db: Db, targetKey: string): Promise<string | undefined> {
  const lock = await db
    .selectFrom('retention_sweep_locks')
    .select(['run_id'])
    .where('target_key', '=', targetKey)
    .executeTakeFirst();
  return lock?.run_id;
}

/** When the last execution ended (any process sharing the store), or '' when none did. */
export async function lastExecutionEnd(db: Db): Promise<string> {
  const row = await db
    .selectFrom('retention_sweep_runs')
    .select((eb) => eb.fn.max('finished_at').as('last'))
    .where('mode', '=', 'execute')
    .executeTakeFirst();
  return row?.last ?? '';
}
