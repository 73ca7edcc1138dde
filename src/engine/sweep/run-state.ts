/**
 * Runs of an operation, recorded in the organisation's database next to the audit trail:
 * `registre_run` (one row per run: its day, the hash of its plan, its status) and
 * `registre_run_step` (one progress row per step, updated in each batch's own transaction, so
 * that the progress row, the effect and the audit entry commit together).
 *
 * A run that did not finish (killed, failed) is resumed by the next execution with the same day,
 * hence the same cut-offs. Dates are ISO-8601 text on every dialect, like the audit trail.
 */
import type { AnyDb } from '../db/types.ts';

export const RUN_TABLE = 'registre_run';
export const RUN_STEP_TABLE = 'registre_run_step';

export type RunStatus = 'running' | 'finished' | 'failed' | 'superseded';

export interface RunRecord {
  readonly id: string;
  readonly operation: string;
  /** YYYY-MM-DD */
  readonly today: string;
  readonly planHash: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface StepProgress {
  readonly rows: number;
  readonly batches: number;
}

/** Create the run tables when absent (idempotent). */
export async function ensureRunSchema(db: AnyDb): Promise<void> {
  await db.schema
    .createTable(RUN_TABLE)
    .ifNotExists()
    .addColumn('id', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('operation', 'varchar(100)', (c) => c.notNull())
    .addColumn('today', 'varchar(10)', (c) => c.notNull())
    .addColumn('plan_hash', 'char(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .execute();
  await db.schema
    .createTable(RUN_STEP_TABLE)
    .ifNotExists()
    .addColumn('run_id', 'varchar(80)', (c) => c.notNull())
    .addColumn('step', 'varchar(255)', (c) => c.notNull())
    .addColumn('rows_done', 'bigint', (c) => c.notNull())
    .addColumn('batches_done', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('registre_run_step_pk', ['run_id', 'step'])
    .execute();
}

function toRecord(row: Record<string, unknown>): RunRecord {
  return {
    id: String(row.id),
    operation: String(row.operation),
    today: String(row.today),
    planHash: String(row.plan_hash).trim(),
    status: String(row.status) as RunStatus,
    startedAt: String(row.started_at),
    finishedAt: row.finished_at === null || row.finished_at === undefined ? null : String(row.finished_at),
  };
}

/** The latest run of `operation` that is neither finished nor superseded, if any. */
export async function findUnfinishedRun(db: AnyDb, operation: string): Promise<RunRecord | undefined> {
  const row = await db
    .selectFrom(RUN_TABLE)
    .selectAll()
    .where('operation', '=', operation)
    .where('status', 'in', ['running', 'failed'])
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** A run by id. */
export async function findRun(db: AnyDb, id: string): Promise<RunRecord | undefined> {
  const row = await db.selectFrom(RUN_TABLE).selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toRecord(row);
}

/** Record a new run and one progress row per step, in one transaction. */
export async function startRun(
  db: AnyDb,
  run: Omit<RunRecord, 'status' | 'finishedAt'>,
  steps: readonly string[],
): Promise<RunRecord> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto(RUN_TABLE)
      .values({
        id: run.id,
        operation: run.operation,
        today: run.today,
        plan_hash: run.planHash,
        status: 'running',
        started_at: run.startedAt,
        finished_at: null,
      })
      .execute();
    if (steps.length > 0) {
      await trx
        .insertInto(RUN_STEP_TABLE)
        .values(steps.map((step) => ({ run_id: run.id, step, rows_done: 0, batches_done: 0 })))
        .execute();
    }
  });
  return { ...run, status: 'running', finishedAt: null };
}

/** Progress of every step of a run. */
export async function stepProgress(db: AnyDb, runId: string): Promise<Map<string, StepProgress>> {
  const rows = await db
    .selectFrom(RUN_STEP_TABLE)
    .select(['step', 'rows_done', 'batches_done'])
    .where('run_id', '=', runId)
    .execute();
  return new Map(
    rows.map((r) => [String(r.step), { rows: Number(r.rows_done), batches: Number(r.batches_done) }]),
  );
}

/** Count one batch of `rows` rows in the step's progress row; call it in the batch's transaction. */
export async function recordBatch(trx: AnyDb, runId: string, step: string, rows: number): Promise<void> {
  const updated = await trx
    .updateTable(RUN_STEP_TABLE)
    .set((eb) => ({
      rows_done: eb('rows_done', '+', rows),
      batches_done: eb('batches_done', '+', 1),
    }))
    .where('run_id', '=', runId)
    .where('step', '=', step)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await trx
      .insertInto(RUN_STEP_TABLE)
      .values({ run_id: runId, step, rows_done: rows, batches_done: 1 })
      .execute();
  }
}

/** Set a run's status (and its end time when it is over). */
export async function setRunStatus(db: AnyDb, runId: string, status: RunStatus, at: Date): Promise<void> {
  await db
    .updateTable(RUN_TABLE)
    .set({ status, finished_at: status === 'running' ? null : at.toISOString() })
    .where('id', '=', runId)
    .execute();
}
