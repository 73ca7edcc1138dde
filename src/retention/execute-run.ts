/**
 * One sweep run, from queued to completed or failed, in the background of the process that
 * started it. A dry run records what the sweep would process; an execution runs the engine's
 * `executeSweep` (batches in transactions, each with its audit entry in the organisation's
 * database) and writes its progress to the store as it goes, at most every
 * {@link PROGRESS_INTERVAL_MS} and at the end of each step. The run's heartbeat (and its lease on
 * the target) is renewed on a timer while it runs.
 */
import type { Kysely } from 'kysely';
import type { TargetDb } from '../engine/db/types.ts';
import type { EngineContext } from '../engine/load-context.ts';
import { safeMessage } from '../engine/subject/execute-erasure.ts';
import { dryRunSweep } from '../engine/sweep/dry-run-sweep.ts';
import { executeSweep, SWEEP_OPERATION, type SweepResult } from '../engine/sweep/execute-sweep.ts';
import { planSweep } from '../engine/sweep/plan-sweep.ts';
import { ensureRunSchema, findUnfinishedRun, stepProgress } from '../engine/sweep/run-state.ts';
import type { SweepPlan } from '../engine/sweep/types.ts';
import { isRegistreError } from '../errors/registry.ts';
import { startOfUtcDay } from '../policy/retention/index.ts';
import type { StoreDb } from '../store/schema/index.ts';
import {
  type PlannedStepRow,
  releaseLock,
  renewLock,
  updateRun,
  updateStep,
  writeSteps,
} from './run-store.ts';
import type { TSweepMode, TSweepStepView } from './types.ts';

/** Progress is written to the store at most this often (and at every step's end). */
export const PROGRESS_INTERVAL_MS = 200;
const MAX_ERROR_LENGTH = 2000;

export interface RunJob {
  readonly id: string;
  readonly mode: TSweepMode;
  readonly targetKey: string;
  readonly startedBy: string;
  readonly batchSize: number;
}

export interface RunEnvironment {
  readonly db: Kysely<StoreDb>;
  readonly clock: () => Date;
  readonly secret: string;
  readonly exportDir?: string;
  readonly leaseMs: number;
  readonly heartbeatMs: number;
  /** Opens the organisation's database and the engine's view of its data map and policy. */
  openTarget(): Promise<{ target: TargetDb; context: EngineContext }>;
  /** True once the process is stopping: the execution ends after its current batch. */
  stopping(): boolean;
}

class StoppedError extends Error {
  constructor() {
    super('the server stopped');
  }
}

function errorOf(error: unknown): { code: string | null; message: string } {
  if (error instanceof StoppedError) {
    return {
      code: 'REG_ERR_JOBS_STOPPED',
      message: 'interrupted: the server stopped; the next execution resumes the engine run',
    };
  }
  return {
    code: isRegistreError(error) ? error.code : null,
    message: safeMessage(error).slice(0, MAX_ERROR_LENGTH),
  };
}

function planRows(plan: SweepPlan, done: ReadonlyMap<string, number>): PlannedStepRow[] {
  return plan.steps.map((step) => {
    const before = done.get(step.id) ?? 0;
    return {
      step: step.id,
      table: step.table,
      activity: step.activity,
      rule: step.rule,
      phase: step.phase,
      effect: step.effect,
      total: before + (step.effect === 'keep' ? 0 : step.rows.due),
      done: before,
      status: step.effect === 'keep' ? 'skipped' : 'pending',
    };
  });
}

function keptCounts(plan: SweepPlan) {
  return { held: plan.totals.held, blocked: plan.totals.blocked, restricted: plan.totals.restricted };
}

async function dryRun(env: RunEnvironment, job: RunJob, target: TargetDb, context: EngineContext) {
  const today = startOfUtcDay(env.clock());
  const { plan } = await dryRunSweep(target, context, {
    today,
    batchSize: job.batchSize,
    actor: job.startedBy,
    clock: env.clock,
  });
  await writeSteps(
    env.db,
    job.id,
    planRows(plan, new Map()).map((row) => ({
      ...row,
      status: row.status === 'skipped' ? 'skipped' : 'done',
    })),
  );
  const at = env.clock().toISOString();
  await updateRun(env.db, job.id, {
    status: 'completed',
    today: plan.today,
    rows_total: plan.totals.due,
    deleted: plan.totals.byEffect.delete,
    anonymised: plan.totals.byEffect.anonymise,
    archived: plan.totals.byEffect.archive,
    ...keptCounts(plan),
    finished_at: at,
    updated_at: at,
    ...(plan.errors.length === 0
      ? {}
      : {
          error_code: 'REG_ERR_DATAMAP_INVALID',
          error_message: `an execution would refuse to start: ${plan.errors.join('; ')}`.slice(
            0,
            MAX_ERROR_LENGTH,
          ),
        }),
  });
}

/**
 * The plan the engine will execute: an unfinished engine run whose plan still matches is resumed
 * with its own day (its steps' earlier rows count as done); otherwise today's plan.
 */
async function executionPlan(target: TargetDb, context: EngineContext, today: Date) {
  await ensureRunSchema(target.db);
  const unfinished = await findUnfinishedRun(target.db, SWEEP_OPERATION);
  if (unfinished !== undefined) {
    const plan = await planSweep(target, context, { today: new Date(`${unfinished.today}T00:00:00Z`) });
    if (plan.hash === unfinished.planHash) {
      const progress = await stepProgress(target.db, unfinished.id);
      const done = new Map([...progress].map(([step, p]) => [step, p.rows]));
      return { plan, done, resumed: true };
    }
  }
  return {
    plan: await planSweep(target, context, { today }),
    done: new Map<string, number>(),
    resumed: false,
  };
}

interface StepState {
  total: number;
  done: number;
  status: TSweepStepView['status'];
  error: string | null;
}

async function execute(env: RunEnvironment, job: RunJob, target: TargetDb, context: EngineContext) {
  const today = startOfUtcDay(env.clock());
  const { plan, done, resumed } = await executionPlan(target, context, today);
  const rows = planRows(plan, done);
  await writeSteps(env.db, job.id, rows);
  await updateRun(env.db, job.id, {
    today: plan.today,
    resumed: resumed ? 1 : 0,
    rows_total: rows.reduce((sum, r) => sum + r.total, 0),
    rows_done: rows.reduce((sum, r) => sum + r.done, 0),
    ...keptCounts(plan),
    updated_at: env.clock().toISOString(),
  });

  const states = new Map<string, StepState>(
    rows.map((r) => [r.step, { total: r.total, done: r.done, status: r.status, error: null }]),
  );
  const dirty = new Set<string>();
  let lastFlush = 0;
  let current: string | undefined;
  const flush = async () => {
    for (const step of dirty) {
      const state = states.get(step);
      if (state === undefined) continue;
      await updateStep(env.db, job.id, step, {
        rows_done: state.done,
        rows_total: state.total,
        status: state.status,
        error_message: state.error,
      });
    }
    dirty.clear();
    const all = [...states.values()];
    await updateRun(env.db, job.id, {
      rows_done: all.reduce((sum, s) => sum + s.done, 0),
      rows_total: all.reduce((sum, s) => sum + s.total, 0),
      updated_at: env.clock().toISOString(),
    });
    lastFlush = Date.now();
  };

  let result: SweepResult;
  try {
    result = await executeSweep(target, context, {
      today,
      batchSize: job.batchSize,
      actor: job.startedBy,
      clock: env.clock,
      secret: env.secret,
      ...(env.exportDir === undefined ? {} : { exportDir: env.exportDir }),
      onProgress: async (progress) => {
        const state = states.get(progress.step);
        if (state !== undefined) {
          if (current !== undefined && current !== progress.step) {
            const previous = states.get(current);
            if (previous !== undefined && previous.status === 'running') previous.status = 'done';
            dirty.add(current);
          }
          current = progress.step;
          state.done = progress.stepRows;
          state.total = Math.max(state.total, state.done);
          state.status = 'running';
          dirty.add(progress.step);
        }
        if (dirty.size > 1 || Date.now() - lastFlush >= PROGRESS_INTERVAL_MS) await flush();
        if (env.stopping()) throw new StoppedError();
      },
    });
  } catch (error) {
    await flush().catch(() => undefined);
    throw error;
  }

  const counts = { deleted: 0, anonymised: 0, archived: 0 };
  const failures: string[] = [];
  for (const step of result.steps) {
    const state = states.get(step.step) ?? { total: 0, done: 0, status: 'pending', error: null };
    states.set(step.step, state);
    state.done = step.runRows;
    // Once a step is done, what it had to process is known exactly.
    state.total = step.status === 'done' ? step.runRows : Math.max(state.total, step.runRows);
    state.status = step.status;
    state.error = step.error === undefined ? null : step.error.slice(0, MAX_ERROR_LENGTH);
    dirty.add(step.step);
    if (step.effect === 'delete') counts.deleted += step.rows;
    if (step.effect === 'anonymise') counts.anonymised += step.rows;
    if (step.effect === 'archive') counts.archived += step.rows;
    if (step.status === 'failed') failures.push(`${step.step}: ${step.error ?? 'failed'}`);
  }
  if (result.status === 'nothing-due') {
    for (const [step, state] of states) {
      if (state.status === 'pending') {
        state.status = 'done';
        state.total = state.done;
        dirty.add(step);
      }
    }
  }
  await flush();
  const stopped = env.stopping() && failures.length > 0;
  const at = env.clock().toISOString();
  await updateRun(env.db, job.id, {
    status: failures.length > 0 ? 'failed' : 'completed',
    engine_run_id: result.runId,
    resumed: result.resumed ? 1 : 0,
    ...counts,
    finished_at: at,
    updated_at: at,
    ...(failures.length === 0
      ? {}
      : stopped
        ? errorColumns(new StoppedError())
        : {
            error_code: 'REG_ERR_JOBS_SWEEP_FAILED',
            error_message: `${failures.length} step(s) failed: ${failures.join('; ')}`.slice(
              0,
              MAX_ERROR_LENGTH,
            ),
          }),
  });
}

function errorColumns(error: unknown) {
  const { code, message } = errorOf(error);
  return { error_code: code, error_message: message };
}

/**
 * Run `job` to its end; never throws (a failure is recorded on the run). The lock of an execution
 * is released at the end, whatever happened.
 */
export async function runJob(env: RunEnvironment, job: RunJob): Promise<void> {
  const beat = async () => {
    const now = env.clock();
    await updateRun(env.db, job.id, { updated_at: now.toISOString() });
    if (job.mode === 'execute')
      await renewLock(env.db, job.targetKey, job.id, new Date(now.getTime() + env.leaseMs));
  };
  const timer = setInterval(() => void beat().catch(() => undefined), env.heartbeatMs);
  timer.unref();
  try {
    const started = env.clock().toISOString();
    await updateRun(env.db, job.id, { status: 'running', started_at: started, updated_at: started });
    const { target, context } = await env.openTarget();
    if (env.stopping()) throw new StoppedError();
    if (job.mode === 'dry-run') await dryRun(env, job, target, context);
    else await execute(env, job, target, context);
  } catch (error) {
    const at = env.clock().toISOString();
    await updateRun(env.db, job.id, {
      status: 'failed',
      finished_at: at,
      updated_at: at,
      ...errorColumns(error),
    }).catch(() => undefined);
  } finally {
    clearInterval(timer);
    if (job.mode === 'execute') await releaseLock(env.db, job.targetKey, job.id).catch(() => undefined);
  }
}
