/**
 * The job runner: job types, their schedules, one-off jobs, retries, and a record of every
 * attempt (`job_runs`) with a log line free of personal data. Two queues behind one interface:
 * pg-boss when the store is PostgreSQL (several server processes share it; each slot runs once),
 * the store table `job_queue` on the embedded SQLite store.
 *
 * Time: schedules, due times and (in-process) retry delays follow `clock`; `tick()` does one
 * round (queue due slots, run due jobs) and is what the timer calls every `pollSeconds`. Tests
 * leave the timer off and call `tick()` after moving their clock.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { RegistreError } from '../errors/registry.ts';
import type { Store } from '../store/open-store.ts';
import { type ActiveSchedule, claimDueSlot } from './claim-slots.ts';
import { parseCron } from './cron.ts';
import { type JobSummary, type JobType, parsePayload } from './job-type.ts';
import type { JobQueue, QueueKind, TakenJob } from './queues/job-queue.ts';
import { createPgBossQueue, pgBossSchemaFor } from './queues/pg-boss-queue.ts';
import { createStoreQueue } from './queues/store-queue.ts';

export interface ScheduleSpec {
  readonly job: string;
  /** 5-field UTC cron expression (src/jobs/cron.ts). */
  readonly cron: string;
  /** Payload of every scheduled run (validated now); default `{}`. */
  readonly payload?: unknown;
}

/** The log line of one attempt: ids, counts and codes only. */
export interface JobRunLog {
  readonly msg: 'job run';
  readonly job: string;
  readonly runId: string;
  readonly queueJobId: string;
  readonly runner: QueueKind;
  readonly slot: string | null;
  readonly attempt: number;
  /** `succeeded`, `failed` (`retryAt` says when it is tried again, null when never) or `skipped`. */
  readonly status: 'succeeded' | 'failed' | 'skipped';
  readonly summary?: JobSummary;
  readonly errorCode?: string;
  readonly retryAt?: string | null;
}

export interface JobRunnerOptions {
  readonly store: Store;
  readonly clock: () => Date;
  readonly types: readonly JobType<unknown>[];
  readonly schedules?: readonly ScheduleSpec[];
  /** Default: pg-boss on a PostgreSQL store, the in-process queue on SQLite. */
  readonly queue?: JobQueue;
  /** pg-boss schema (default: see `pgBossSchemaFor`). */
  readonly pgBossSchema?: string | null;
  /** Seconds between two ticks; null: no timer (the caller calls `tick()`). */
  readonly pollSeconds: number | null;
  /** Jobs of one type taken at once per tick. */
  readonly batchSize?: number;
  readonly log?: (line: JobRunLog) => void;
  /** Reported when a tick fails as a whole (e.g. the database is unreachable); the timer goes on. */
  readonly onTickError?: (error: unknown) => void;
}

export interface TickReport {
  /** Slots this process queued (`job@slot`). */
  readonly queued: readonly string[];
  readonly runs: readonly JobRunLog[];
}

export interface JobRunner {
  readonly queueKind: QueueKind;
  /** Start the queue, then tick at once (a slot missed while stopped runs now) and on the timer. */
  start(): Promise<void>;
  /** One round: queue the due slots, then run due jobs until none is left. Rounds never overlap. */
  tick(): Promise<TickReport>;
  /** Queue a one-off job (payload validated now); returns the queue's id of the job. */
  enqueue(job: string, payload: unknown, options?: { readonly runAt?: Date }): Promise<string>;
  /** Resolves when the round under way (if any) is over. */
  whenIdle(): Promise<void>;
  /** Stop the timer, let the round under way finish, stop the queue. */
  stop(): Promise<void>;
}

function errorCodeOf(error: unknown): string {
  if (error instanceof RegistreError) return error.code;
  if (error instanceof Error) return error.name.slice(0, 80);
  return 'Error';
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e?.code === '23505' || (typeof e?.message === 'string' && /UNIQUE constraint failed/i.test(e.message))
  );
}

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { store, clock } = options;
  const batchSize = options.batchSize ?? 10;
  const types = new Map<string, JobType<unknown>>();
  for (const type of options.types) {
    if (types.has(type.name)) {
      throw new RegistreError('REG_ERR_JOBS_CONFIG', `job type '${type.name}' is defined twice`);
    }
    types.set(type.name, type);
  }
  const typeNamed = (name: string): JobType<unknown> => {
    const type = types.get(name);
    if (type === undefined) {
      throw new RegistreError(
        'REG_ERR_JOBS_UNKNOWN',
        `no job type '${name}' (known: ${[...types.keys()].join(', ') || 'none'})`,
      );
    }
    return type;
  };
  const schedules: ActiveSchedule[] = [];
  for (const spec of options.schedules ?? []) {
    const type = typeNamed(spec.job);
    if (schedules.some((s) => s.type.name === spec.job)) {
      throw new RegistreError('REG_ERR_JOBS_CONFIG', `job '${spec.job}' has two schedules`);
    }
    const payload = spec.payload ?? {};
    parsePayload(type, payload);
    schedules.push({ type, cron: parseCron(spec.cron), payload });
  }
  if (options.pollSeconds !== null && !(options.pollSeconds >= 1 && options.pollSeconds <= 3600)) {
    throw new RegistreError('REG_ERR_JOBS_CONFIG', 'pollSeconds must be from 1 to 3600, or null');
  }

  const instance = `pid${process.pid}-${randomBytes(4).toString('hex')}`;
  let queue: JobQueue | null = options.queue ?? null;
  let started = false;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<unknown> = Promise.resolve();
  let busy = false;

  const activeQueue = (): JobQueue => {
    if (queue === null || !started) {
      throw new RegistreError('REG_ERR_JOBS_QUEUE', 'the job runner is not started');
    }
    return queue;
  };

  async function runOne(q: JobQueue, type: JobType<unknown>, taken: TakenJob): Promise<JobRunLog> {
    const now = clock();
    const runId = randomUUID();
    const base = {
      msg: 'job run' as const,
      job: type.name,
      runId,
      queueJobId: taken.id,
      runner: q.kind,
      slot: taken.slot,
      attempt: taken.attempt,
    };
    const row = {
      id: runId,
      job: type.name,
      runner: q.kind,
      instance,
      queue_job_id: taken.id,
      slot: taken.slot,
      attempt: taken.attempt,
      started_at: now.toISOString(),
      summary: null,
      error_code: null,
    };
    if (taken.slot !== null) {
      const done = await store.db
        .selectFrom('job_runs')
        .select('id')
        .where('job', '=', type.name)
        .where('slot', '=', taken.slot)
        .where('status', '=', 'succeeded')
        .executeTakeFirst();
      if (done !== undefined) {
        await store.db
          .insertInto('job_runs')
          .values({ ...row, status: 'skipped', finished_at: now.toISOString() })
          .execute();
        await q.complete(taken, now);
        return { ...base, status: 'skipped' };
      }
    }
    await store.db
      .insertInto('job_runs')
      .values({ ...row, status: 'running', finished_at: null })
      .execute();
    let summary: JobSummary;
    try {
      const payload = parsePayload(type, taken.payload);
      summary = await type.run(payload, { now, clock, runId, attempt: taken.attempt, slot: taken.slot });
    } catch (error) {
      const errorCode = errorCodeOf(error);
      const failedAt = clock();
      const { retryAt } = await q.fail(taken, errorCode, failedAt);
      await store.db
        .updateTable('job_runs')
        .set({ status: 'failed', finished_at: failedAt.toISOString(), error_code: errorCode })
        .where('id', '=', runId)
        .execute();
      return { ...base, status: 'failed', errorCode, retryAt };
    }
    const finishedAt = clock();
    const counts = Object.fromEntries(
      Object.entries(summary).filter(([, value]) => typeof value === 'number' && Number.isFinite(value)),
    );
    let status: 'succeeded' | 'skipped' = 'succeeded';
    try {
      await store.db
        .updateTable('job_runs')
        .set({ status: 'succeeded', finished_at: finishedAt.toISOString(), summary: JSON.stringify(counts) })
        .where('id', '=', runId)
        .execute();
    } catch (error) {
      // Another attempt completed this slot meanwhile: at most one completion per slot.
      if (!isUniqueViolation(error)) throw error;
      status = 'skipped';
      await store.db
        .updateTable('job_runs')
        .set({ status: 'skipped', finished_at: finishedAt.toISOString(), summary: JSON.stringify(counts) })
        .where('id', '=', runId)
        .execute();
    }
    await q.complete(taken, finishedAt);
    return { ...base, status, summary: counts };
  }

  async function doTick(): Promise<TickReport> {
    const q = activeQueue();
    const queued: string[] = [];
    const runs: JobRunLog[] = [];
    for (const schedule of schedules) {
      const slot = await claimDueSlot(store.db, q, schedule, clock());
      if (slot !== null) queued.push(`${schedule.type.name}@${slot}`);
    }
    for (const type of types.values()) {
      // Jobs queued while this round runs (retries due now included) are taken too.
      for (;;) {
        if (stopping) break;
        const taken = await q.take(type.name, batchSize, clock());
        if (taken.length === 0) break;
        for (const job of taken) {
          const line = await runOne(q, type, job);
          runs.push(line);
          options.log?.(line);
        }
        if (taken.length < batchSize) break;
      }
    }
    return { queued, runs };
  }

  const runner: JobRunner = {
    get queueKind() {
      return queue?.kind ?? (store.dialect === 'postgres' ? 'pg-boss' : 'in-process');
    },

    async start() {
      if (started) return;
      if (queue === null) {
        queue =
          store.dialect === 'postgres'
            ? createPgBossQueue(store, { schema: await pgBossSchemaFor(store, options.pgBossSchema ?? null) })
            : createStoreQueue(store);
      }
      await queue.start([...types.values()]);
      started = true;
      stopping = false;
      void runner.tick().catch((error) => options.onTickError?.(error));
      if (options.pollSeconds !== null) {
        timer = setInterval(() => {
          if (busy) return;
          void runner.tick().catch((error) => options.onTickError?.(error));
        }, options.pollSeconds * 1000);
        timer.unref();
      }
    },

    tick() {
      const next = round.then(async () => {
        busy = true;
        try {
          return await doTick();
        } finally {
          busy = false;
        }
      });
      round = next.catch(() => undefined);
      return next;
    },

    async enqueue(job, payload, enqueueOptions = {}) {
      const type = typeNamed(job);
      const valid = parsePayload(type, payload);
      return activeQueue().enqueue(
        store.db,
        {
          job,
          payload: valid,
          slot: null,
          runAt: enqueueOptions.runAt ?? null,
          retry: type.retry,
          expireSeconds: type.expireSeconds,
        },
        clock(),
      );
    },

    async whenIdle() {
      await round;
    },

    async stop() {
      if (!started) return;
      stopping = true;
      if (timer !== null) clearInterval(timer);
      timer = null;
      await round;
      started = false;
      await queue?.stop();
    },
  };
  return runner;
}
