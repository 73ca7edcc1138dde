/**
 * Helpers of the background-jobs tests: an isolated, migrated store on one dialect (and, on
 * PostgreSQL, the removal of the pg-boss schema that goes with it), and a job type that counts.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { DialectName } from '../../src/engine/db/types.ts';
import { defineJob, type JobType, type RetryPolicy } from '../../src/jobs/job-type.ts';
import { pgBossSchemaFor } from '../../src/jobs/queues/pg-boss-queue.ts';
import { migrateStore } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { isolatedTarget } from '../support/targets.ts';

export interface JobsStore {
  readonly store: Store;
  readonly url: string;
  /** Another connection pool on the same store: what a second server process would open. */
  openAnother(): Store;
  dispose(): Promise<void>;
}

export async function jobsStore(dialect: DialectName): Promise<JobsStore> {
  const isolated = await isolatedTarget(dialect);
  await isolated.target.close();
  const store = openStore(isolated.url, { poolSize: 3 });
  await migrateStore(store);
  const others: Store[] = [];
  return {
    store,
    url: isolated.url,
    openAnother() {
      const other = openStore(isolated.url, { poolSize: 3 });
      others.push(other);
      return other;
    },
    async dispose() {
      if (store.dialect === 'postgres') {
        const schema = await pgBossSchemaFor(store, null);
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
      }
      for (const other of others) await other.close();
      await store.close();
      await isolated.dispose().catch(() => undefined);
    },
  };
}

export interface CountingJob {
  readonly type: JobType<{ n: number }>;
  /** Every run the handler was asked to do, in order. */
  readonly seen: { n: number; slot: string | null; attempt: number }[];
  /** While true, the handler throws. */
  failing: boolean;
}

/** A job type that records every run it is asked to do, and fails while `failing` is set. */
export function countingJob(name = 'count', retry: Partial<RetryPolicy> = { limit: 0 }): CountingJob {
  const job: CountingJob = {
    seen: [],
    failing: false,
    type: defineJob({
      name,
      payload: z.strictObject({ n: z.number().int().min(0).default(0) }),
      retry,
      async run(payload, ctx) {
        job.seen.push({ n: payload.n, slot: ctx.slot, attempt: ctx.attempt });
        if (job.failing) throw new Error('planned failure');
        return { counted: 1 };
      },
    }),
  };
  return job;
}
