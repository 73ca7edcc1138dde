/**
 * The in-process scheduler's queue, in the store table `job_queue` (embedded SQLite store): a
 * pending one-off job or a queued slot survives a restart. Due times, leases and retry delays
 * follow the runner's clock, so tests drive them with the server's test clock.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Store } from '../../store/open-store.ts';
import type { StoreDb } from '../../store/schema/index.ts';
import { retryDelaySeconds } from '../job-type.ts';
import type { JobQueue, QueuedJobInput, TakenJob } from './job-queue.ts';

const SECOND_MS = 1000;

function plus(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * SECOND_MS).toISOString();
}

export function createStoreQueue(store: Store): JobQueue {
  const db = store.db;

  /** Attempts whose lease ran out (their process died): retried if retries are left, else failed. */
  async function reclaimExpired(job: string, now: Date): Promise<void> {
    const stamp = now.toISOString();
    const expired = await db
      .selectFrom('job_queue')
      .selectAll()
      .where('job', '=', job)
      .where('state', '=', 'running')
      .where('lease_until', '<=', stamp)
      .execute();
    for (const row of expired) {
      const retriesLeft = Number(row.attempts) <= Number(row.retry_limit);
      await db
        .updateTable('job_queue')
        .set({
          state: retriesLeft ? 'queued' : 'failed',
          lease_until: null,
          run_at: stamp,
          last_error_code: 'REG_ERR_JOBS_STOPPED',
          updated_at: stamp,
        })
        .where('id', '=', row.id)
        .where('state', '=', 'running')
        .execute();
      await db
        .updateTable('job_runs')
        .set({ status: 'interrupted', finished_at: stamp, error_code: 'REG_ERR_JOBS_STOPPED' })
        .where('queue_job_id', '=', row.id)
        .where('status', '=', 'running')
        .execute();
    }
  }

  return {
    kind: 'in-process',
    async start() {},
    async stop() {},

    async enqueue(trx: Kysely<StoreDb>, job: QueuedJobInput, now: Date) {
      const id = randomUUID();
      const stamp = now.toISOString();
      await trx
        .insertInto('job_queue')
        .values({
          id,
          job: job.job,
          payload: JSON.stringify(job.payload ?? null),
          slot: job.slot,
          run_at: (job.runAt ?? now).toISOString(),
          attempts: 0,
          retry_limit: job.retry.limit,
          retry_delay_seconds: job.retry.delaySeconds,
          retry_backoff: job.retry.backoff ? 1 : 0,
          expire_seconds: job.expireSeconds,
          state: 'queued',
          lease_until: null,
          last_error_code: null,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
      return id;
    },

    async take(job, limit, now) {
      await reclaimExpired(job, now);
      const stamp = now.toISOString();
      const due = await db
        .selectFrom('job_queue')
        .selectAll()
        .where('job', '=', job)
        .where('state', '=', 'queued')
        .where('run_at', '<=', stamp)
        .orderBy('run_at')
        .orderBy('created_at')
        .limit(limit)
        .execute();
      const taken: TakenJob[] = [];
      for (const row of due) {
        const attempt = Number(row.attempts) + 1;
        const claimed = await db
          .updateTable('job_queue')
          .set({
            state: 'running',
            attempts: attempt,
            lease_until: plus(now, Number(row.expire_seconds)),
            updated_at: stamp,
          })
          .where('id', '=', row.id)
          .where('state', '=', 'queued')
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) continue;
        taken.push({ id: row.id, job: row.job, payload: JSON.parse(row.payload), slot: row.slot, attempt });
      }
      return taken;
    },

    async complete(taken) {
      await db.deleteFrom('job_queue').where('id', '=', taken.id).execute();
    },

    async fail(taken, errorCode, now) {
      const row = await db.selectFrom('job_queue').selectAll().where('id', '=', taken.id).executeTakeFirst();
      if (row === undefined) return { retryAt: null };
      const retriesLeft = Number(row.attempts) <= Number(row.retry_limit);
      const policy = {
        limit: Number(row.retry_limit),
        delaySeconds: Number(row.retry_delay_seconds),
        backoff: Number(row.retry_backoff) === 1,
      };
      const retryAt = retriesLeft ? plus(now, retryDelaySeconds(policy, Number(row.attempts))) : null;
      await db
        .updateTable('job_queue')
        .set({
          state: retriesLeft ? 'queued' : 'failed',
          run_at: retryAt ?? row.run_at,
          lease_until: null,
          last_error_code: errorCode,
          updated_at: now.toISOString(),
        })
        .where('id', '=', taken.id)
        .execute();
      return { retryAt };
    },
  };
}
