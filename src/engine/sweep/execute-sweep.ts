/**
 * Execute a retention sweep: batches of keys, each batch one transaction that selects the next
 * keys still due, applies the effect, appends one audit entry and counts the batch in the run's
 * progress row. A killed or failed run is resumed by the next execution, with the day (hence the
 * cut-offs) it started with. Nothing due, nothing written. See DESIGN.md beside this file.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ensureAuditSchema } from '../../audit/schema.ts';
import { RegistreError } from '../../errors/registry.ts';
import { startOfUtcDay } from '../../policy/retention/index.ts';
import type { TargetDb } from '../db/types.ts';
import type { EngineContext } from '../load-context.ts';
import { isoDay, type PreparedSweep, prepareSweep } from './plan-sweep.ts';
import { DEFAULT_EXPORT_DIR } from './return-rows.ts';
import {
  ensureRunSchema,
  findUnfinishedRun,
  type RunRecord,
  setRunStatus,
  startRun,
  stepProgress,
} from './run-state.ts';
import { createStepRunner, type StepResult, type SweepProgress } from './run-sweep-step.ts';
import { anonymiseColumns } from './sweep-statements.ts';
import type { SweepPlan } from './types.ts';

export type { StepResult, SweepProgress } from './run-sweep-step.ts';

export const SWEEP_OPERATION = 'retention.sweep';

export interface ExecuteOptions {
  /** The day to sweep for; an unfinished run is resumed with its own day instead. */
  readonly today: Date;
  /** Keys per batch (one transaction each); default 1 000. */
  readonly batchSize?: number;
  /** Time-out of each statement, in milliseconds (default 60 000). */
  readonly statementTimeoutMs?: number;
  /** Who acts, as written in the audit trail (default `job:retention-sweep`). */
  readonly actor?: string;
  readonly clock?: () => Date;
  /** Installation secret: required when a due anonymisation hashes a column. */
  readonly secret?: string;
  /**
   * Where `return-and-delete` steps write each batch's rows before deleting them, one folder per
   * run: `<exportDir>/<run id>/<table>/<rule>-batch-000001.json` (default `.registre/returns`,
   * relative to the working directory). A resumed run writes to its own folder again.
   */
  readonly exportDir?: string;
  /** Called after each committed batch; a returned promise is awaited (back-pressure, throttling). */
  readonly onProgress?: (progress: SweepProgress) => void | Promise<void>;
}

export interface SweepResult {
  /** Null when nothing was due and no run was recorded. */
  readonly runId: string | null;
  readonly status: 'finished' | 'failed' | 'nothing-due';
  readonly today: string;
  /** This execution continued an unfinished run. */
  readonly resumed: boolean;
  /** An unfinished run whose plan no longer matches (data map or policy changed), closed as superseded. */
  readonly superseded?: string;
  readonly plan: SweepPlan;
  readonly steps: readonly StepResult[];
  /** Rows processed in this attempt. */
  readonly rows: number;
  readonly batches: number;
  readonly durationMs: number;
  readonly rowsPerSecond: number;
  /** The run's folder of returned rows, when a `return-and-delete` step ran. */
  readonly exportDir?: string;
}

function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function needsSecret(prepared: PreparedSweep): boolean {
  return prepared.steps.some((step, i) => {
    const due = prepared.plan.steps[i]?.rows.due ?? 0;
    return due > 0 && step.effect === 'anonymise' && anonymiseColumns(step).some(([, m]) => m === 'hash');
  });
}

/** Which run to continue, and the prepared plan for its day. */
async function resolveRun(
  target: TargetDb,
  context: EngineContext,
  today: Date,
  now: Date,
): Promise<{ prepared: PreparedSweep; run: RunRecord | undefined; superseded?: string }> {
  const unfinished = await findUnfinishedRun(target.db, SWEEP_OPERATION);
  if (unfinished === undefined)
    return { prepared: await prepareSweep(target, context, { today }), run: undefined };
  const prepared = await prepareSweep(target, context, { today: parseDay(unfinished.today) });
  if (prepared.plan.hash === unfinished.planHash) return { prepared, run: unfinished };
  await setRunStatus(target.db, unfinished.id, 'superseded', now);
  const fresh =
    isoDay(today) === unfinished.today ? prepared : await prepareSweep(target, context, { today });
  return { prepared: fresh, run: undefined, superseded: unfinished.id };
}

/**
 * Runs (or resumes) the retention sweep. Throws before any effect when the plan has errors
 * (`REG_ERR_DATAMAP_INVALID`, every error in the message and `details`) or when a hash is due
 * without a secret; after that, a failing step is reported in its result and the others still run.
 */
export async function executeSweep(
  target: TargetDb,
  context: EngineContext,
  options: ExecuteOptions,
): Promise<SweepResult> {
  const clock = options.clock ?? (() => new Date());
  const started = Date.now();
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000));
  await ensureAuditSchema(target.db);
  await ensureRunSchema(target.db);
  const resolved = await resolveRun(target, context, startOfUtcDay(options.today), clock());
  const { prepared } = resolved;
  const { plan } = prepared;
  if (plan.errors.length > 0) {
    throw new RegistreError(
      'REG_ERR_DATAMAP_INVALID',
      `the sweep plan has ${plan.errors.length} error(s); nothing was executed:\n${plan.errors.join('\n')}`,
      { details: plan.errors },
    );
  }
  if (needsSecret(prepared) && (options.secret === undefined || options.secret === '')) {
    throw new RegistreError(
      'REG_ERR_AUDIT_SECRET_MISSING',
      'an anonymisation due in this sweep hashes a column: the installation secret (REGISTRE_SECRET) is required',
    );
  }
  const base = {
    today: plan.today,
    plan,
    resumed: resolved.run !== undefined,
    ...(resolved.superseded === undefined ? {} : { superseded: resolved.superseded }),
  };
  if (resolved.run === undefined && plan.totals.due === 0) {
    return {
      ...base,
      runId: null,
      status: 'nothing-due',
      steps: [],
      rows: 0,
      batches: 0,
      durationMs: 0,
      rowsPerSecond: 0,
    };
  }
  const executable = prepared.steps.filter((s) => s.effect !== 'keep');
  const run =
    resolved.run ??
    (await startRun(
      target.db,
      {
        id: `sweep_${randomUUID()}`,
        operation: SWEEP_OPERATION,
        today: plan.today,
        planHash: plan.hash,
        startedAt: clock().toISOString(),
      },
      executable.map((s) => s.id),
    ));
  if (resolved.run !== undefined) await setRunStatus(target.db, run.id, 'running', clock());
  const progress = await stepProgress(target.db, run.id);
  const before = [...progress.values()].reduce((sum, p) => sum + p.rows, 0);
  const runner = createStepRunner(target, context, prepared, run.id, progress, {
    batchSize,
    started,
    clock,
    expected: before + plan.totals.due,
    actor: options.actor ?? 'job:retention-sweep',
    statementTimeoutMs: options.statementTimeoutMs ?? 60_000,
    secret: options.secret,
    exportDir: options.exportDir ?? DEFAULT_EXPORT_DIR,
    onProgress: options.onProgress,
  });
  const results: StepResult[] = [];
  for (const step of prepared.steps) results.push(await runner(step));
  const failed = results.some((r) => r.status === 'failed');
  await setRunStatus(target.db, run.id, failed ? 'failed' : 'finished', clock());
  const rows = results.reduce((sum, r) => sum + r.rows, 0);
  const durationMs = Date.now() - started;
  const returns = executable.some((s) => s.returnRows);
  return {
    ...base,
    runId: run.id,
    status: failed ? 'failed' : 'finished',
    steps: results,
    rows,
    batches: results.reduce((sum, r) => sum + r.batches, 0),
    durationMs,
    rowsPerSecond: durationMs > 0 ? Math.round((rows * 1000) / durationMs) : rows,
    ...(returns ? { exportDir: join(options.exportDir ?? DEFAULT_EXPORT_DIR, run.id) } : {}),
  };
}
