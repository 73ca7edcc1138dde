/**
 * The retention area's service: the current sweep plan of the organisation's database, and sweep
 * runs started by a person, a token or the scheduler, executed in the background of this process.
 * See README.md beside this file.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TargetDb } from '../engine/db/types.ts';
import { buildEngineContext, type EngineContext } from '../engine/load-context.ts';
import { planSweep } from '../engine/sweep/plan-sweep.ts';
import type { SweepPlan } from '../engine/sweep/types.ts';
import { RegistreError } from '../errors/registry.ts';
import { startOfUtcDay } from '../policy/retention/index.ts';
import type { FulfilmentTarget } from '../requests/fulfil/fulfilment-target.ts';
import type { StoreDb } from '../store/schema/index.ts';
import { runJob } from './execute-run.ts';
import { planView } from './plan-view.ts';
import {
  closeInterruptedRuns,
  insertLockedRun,
  insertRun,
  lastExecutionEnd,
  listRuns,
  lockedRunId,
  readRun,
} from './run-store.ts';
import {
  DEFAULT_BATCH_SIZE,
  MAX_BATCH_SIZE,
  type TRetentionPlanView,
  type TSweepMode,
  type TSweepRunView,
} from './types.ts';

export interface RetentionDeps {
  /** Registre's store (runs, progress, locks). */
  readonly db: Kysely<StoreDb>;
  readonly clock: () => Date;
  /** Installation secret (anonymisations that hash a column need it). */
  readonly secret: string;
  /** The organisation's database and data map (src/requests/fulfil/fulfilment-target.ts). */
  readonly target: Pick<FulfilmentTarget, 'config' | 'open'>;
  /** Folder of `return-and-delete` exports (default: the engine's `.registre/returns`). */
  readonly exportDir?: string;
  /** Lease of an execution on its target, renewed while it runs (default 2 minutes). */
  readonly leaseMs?: number;
  /** How often a running sweep renews its heartbeat and lease (default 20 s). */
  readonly heartbeatMs?: number;
  /**
   * How long a computed plan is served again (default 3 s; 0: computed on every call), as long as
   * no execution started or finished meanwhile (in any process sharing the store).
   */
  readonly planCacheMs?: number;
}

export interface StartRunInput {
  readonly mode: TSweepMode;
  /** `user:<id>`, `token:<id>` or `job:<name>`: recorded on the run and in the engine's audit entries. */
  readonly startedBy: string;
  /** Keys per batch, one transaction each (default 500, at most 10 000). */
  readonly batchSize?: number;
}

export interface StartedRun {
  /** The run as recorded (status `queued`). */
  readonly run: TSweepRunView;
  /** Resolves with the run once it is completed or failed; never rejects. */
  readonly completion: Promise<TSweepRunView>;
}

export interface RetentionService {
  /** The sweep plan for today, grouped by activity (reads only; see `planCacheMs`). */
  plan(): Promise<TRetentionPlanView>;
  /**
   * Record a run and start it in the background. An execution throws
   * REG_ERR_RETENTION_SWEEP_RUNNING (409) when another one is executing on the same database.
   */
  startRun(input: StartRunInput): Promise<StartedRun>;
  /** A run with its steps' progress; REG_ERR_RETENTION_RUN_NOT_FOUND (404) when unknown. */
  getRun(id: string): Promise<TSweepRunView>;
  /** The latest runs, newest first (default 20). */
  listRuns(limit?: number): Promise<TSweepRunView[]>;
  /** Stop the runs in progress after their current batch and wait for them to record it. */
  close(): Promise<void>;
}

const ACTOR = /^(user|token|job):[A-Za-z0-9._:-]{1,120}$/;

/** SHA-256 of the database URL: identifies the target without keeping its credentials. */
export function targetKeyOf(databaseUrl: string): string {
  return createHash('sha256').update(databaseUrl).digest('hex');
}

export function createRetention(deps: RetentionDeps): RetentionService {
  const leaseMs = deps.leaseMs ?? 120_000;
  const heartbeatMs = deps.heartbeatMs ?? 20_000;
  const targetKey = targetKeyOf(deps.target.config.databaseUrl);
  const inFlight = new Map<string, Promise<TSweepRunView>>();
  let stopping = false;
  const planCacheMs = deps.planCacheMs ?? 3000;
  let cached: {
    /** Day, run holding the target and last execution's end: any change computes a new plan. */
    key: string;
    until: number;
    plan: Promise<{ plan: SweepPlan; context: EngineContext; at: Date }>;
  } | null = null;

  const openTarget = async (): Promise<{ target: TargetDb; context: EngineContext }> => {
    const opened = await deps.target.open();
    return { target: opened.target, context: buildEngineContext(opened.datamap) };
  };

  const reconcile = () =>
    closeInterruptedRuns(
      deps.db,
      new Date(deps.clock().getTime() - leaseMs),
      deps.clock(),
      new Set(inFlight.keys()),
    );

  const getRun = async (id: string): Promise<TSweepRunView> => {
    const run = await readRun(deps.db, id);
    if (run === undefined) {
      throw new RegistreError('REG_ERR_RETENTION_RUN_NOT_FOUND', `no retention sweep with id ${id}`);
    }
    return run;
  };

  return {
    async plan() {
      await reconcile();
      const now = deps.clock();
      const runningId = await lockedRunId(deps.db, targetKey);
      const key = [now.toISOString().slice(0, 10), runningId ?? '', await lastExecutionEnd(deps.db)].join(
        '|',
      );
      if (cached === null || cached.key !== key || cached.until < Date.now()) {
        const computing = (async () => {
          const { target, context } = await openTarget();
          return { plan: await planSweep(target, context, { today: startOfUtcDay(now) }), context, at: now };
        })();
        const entry = { key, until: Date.now() + planCacheMs, plan: computing };
        cached = entry;
        computing.catch(() => {
          if (cached === entry) cached = null;
        });
      }
      const { plan, context, at } = await cached.plan;
      const running = runningId === undefined ? null : ((await readRun(deps.db, runningId)) ?? null);
      return planView(plan, context, at, running);
    },

    async startRun(input) {
      if (stopping) {
        throw new RegistreError('REG_ERR_JOBS_STOPPED', 'the server is stopping: no new sweep starts');
      }
      if (!ACTOR.test(input.startedBy)) {
        throw new RegistreError(
          'REG_ERR_INTERNAL',
          `startedBy must be user:<id>, token:<id> or job:<name>, got a value of ${input.startedBy.length} characters`,
        );
      }
      const batchSize = input.batchSize ?? DEFAULT_BATCH_SIZE;
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
        throw new RegistreError(
          'REG_ERR_SERVER_VALIDATION',
          `batchSize must be a whole number from 1 to ${MAX_BATCH_SIZE}`,
          { details: [{ path: 'body.batchSize', message: `expected 1 to ${MAX_BATCH_SIZE}` }] },
        );
      }
      await reconcile();
      const job = { id: randomUUID(), mode: input.mode, targetKey, startedBy: input.startedBy, batchSize };
      const record = { ...job, at: deps.clock() };
      if (input.mode === 'execute') await insertLockedRun(deps.db, record, leaseMs);
      else await insertRun(deps.db, record);
      const run = await getRun(job.id);
      const completion = runJob(
        {
          db: deps.db,
          clock: deps.clock,
          secret: deps.secret,
          ...(deps.exportDir === undefined ? {} : { exportDir: deps.exportDir }),
          leaseMs,
          heartbeatMs,
          openTarget,
          stopping: () => stopping,
        },
        job,
      )
        .then(() => getRun(job.id))
        .catch(() => getRun(job.id).catch(() => run))
        .finally(() => inFlight.delete(job.id));
      inFlight.set(job.id, completion);
      return { run, completion };
    },

    getRun,

    async listRuns(limit = 20) {
      await reconcile();
      return listRuns(deps.db, limit);
    },

    async close() {
      stopping = true;
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
