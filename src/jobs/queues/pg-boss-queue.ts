/**
 * The queue on a PostgreSQL store: pg-boss, in its own schema, over the store's own connection
 * pool (no second pool). pg-boss takes each job for one process (`FOR UPDATE SKIP LOCKED`),
 * retries failures with its backoff, and fails attempts that outlive `expireSeconds` (its
 * maintenance, every two minutes). Jobs are queued through the caller's store transaction, so a
 * schedule slot is claimed and queued together or not at all.
 *
 * pg-boss's own cron (`schedule()`) is not used: slots come from job_schedules (runner), which
 * follow the server's clock. A one-off job's `runAt` is sent as a delay from now, so a clock skew
 * between this process and the database does not move it.
 */
import { CompiledQuery, type Kysely, sql } from 'kysely';
import PgBoss from 'pg-boss';
import { RegistreError } from '../../errors/registry.ts';
import type { Store } from '../../store/open-store.ts';
import type { StoreDb } from '../../store/schema/index.ts';
import type { JobQueue, TakenJob } from './job-queue.ts';

/** What pg-boss keeps in `data`. */
interface BossData {
  readonly payload: unknown;
  readonly slot: string | null;
}

/**
 * pg-boss's database interface over a Kysely instance. Some pg-boss commands are several
 * statements in one text with their own BEGIN/COMMIT: when one fails (two processes creating the
 * schema at once), the connection is rolled back before it returns to the store's pool.
 */
function adapter(db: Kysely<StoreDb>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const query = CompiledQuery.raw(text, values ?? []);
      if (db.isTransaction) return { rows: (await db.executeQuery(query)).rows as unknown[] };
      return db.connection().execute(async (connection) => {
        try {
          return { rows: (await connection.executeQuery(query)).rows as unknown[] };
        } catch (error) {
          await connection.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
          throw error;
        }
      });
    },
  };
}

/**
 * The schema pg-boss uses: `explicit` when given (REGISTRE_JOBS_PG_SCHEMA), else `registre_jobs`
 * for a store in `public`, `<store schema>_jobs` for a store in another schema (so that two
 * installations sharing a database in different schemas keep separate queues).
 */
export async function pgBossSchemaFor(store: Store, explicit: string | null): Promise<string> {
  if (explicit !== null) return explicit;
  const row = (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0];
  const schema = row?.schema ?? 'public';
  return schema === 'public' ? 'registre_jobs' : `${schema.slice(0, 45)}_jobs`;
}

export function createPgBossQueue(store: Store, options: { readonly schema: string }): JobQueue {
  let boss: PgBoss | null = null;
  const running = (): PgBoss => {
    if (boss === null) throw new RegistreError('REG_ERR_JOBS_QUEUE', 'the pg-boss queue is not started');
    return boss;
  };

  return {
    kind: 'pg-boss',

    async start(types) {
      const instance = new PgBoss({
        db: adapter(store.db),
        schema: options.schema,
        // Slots come from the runner's schedules, not from pg-boss's cron.
        schedule: false,
        supervise: true,
        migrate: true,
      });
      // Maintenance errors (e.g. the database restarting) are retried at the next interval.
      instance.on('error', () => undefined);
      try {
        // pg-boss's schema creation and `create_queue` deadlock when two processes start at once:
        // one process at a time sets them up, under an advisory lock held on its own connection.
        await store.db.connection().execute(async (locked) => {
          const key = `registre-jobs:${options.schema}`;
          await sql`select pg_advisory_lock(hashtext(${key}))`.execute(locked);
          try {
            await instance.start();
            for (const type of types) {
              const settings = {
                name: type.name,
                policy: 'standard' as const,
                retryLimit: type.retry.limit,
                retryDelay: type.retry.delaySeconds,
                retryBackoff: type.retry.backoff,
                expireInSeconds: type.expireSeconds,
              };
              await instance.createQueue(type.name, settings);
              await instance.updateQueue(type.name, settings);
            }
          } finally {
            await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(locked);
          }
        });
      } catch (error) {
        await instance.stop({ graceful: false }).catch(() => undefined);
        throw new RegistreError(
          'REG_ERR_JOBS_QUEUE',
          `pg-boss could not start in schema ${options.schema}: ${(error as Error).message}`,
          { cause: error },
        );
      }
      boss = instance;
    },

    async stop() {
      const instance = boss;
      boss = null;
      if (instance !== null) await instance.stop({ graceful: true, wait: true, timeout: 1000 });
    },

    async enqueue(db, job, now) {
      const data: BossData = { payload: job.payload ?? null, slot: job.slot };
      const delaySeconds = job.runAt === null ? 0 : Math.ceil((job.runAt.getTime() - now.getTime()) / 1000);
      const id = await running().send(job.job, data as object, {
        db: adapter(db),
        ...(delaySeconds > 0 ? { startAfter: delaySeconds } : {}),
        ...(job.slot === null ? {} : { singletonKey: `${job.job}@${job.slot}` }),
        retryLimit: job.retry.limit,
        retryDelay: job.retry.delaySeconds,
        retryBackoff: job.retry.backoff,
        expireInSeconds: job.expireSeconds,
      });
      if (id === null) {
        throw new RegistreError('REG_ERR_JOBS_QUEUE', `pg-boss did not queue a '${job.job}' job`);
      }
      return id;
    },

    async take(job, limit) {
      const jobs = await running().fetch<BossData>(job, { batchSize: limit, includeMetadata: true });
      return jobs.map(
        (j): TakenJob => ({
          id: j.id,
          job,
          payload: j.data?.payload ?? null,
          slot: j.data?.slot ?? null,
          attempt: Number(j.retryCount) + 1,
        }),
      );
    },

    async complete(taken) {
      await running().complete(taken.job, taken.id);
    },

    async fail(taken, errorCode) {
      const instance = running();
      await instance.fail(taken.job, taken.id, { code: errorCode });
      const after = await instance.getJobById(taken.job, taken.id);
      return {
        retryAt: after?.state === 'retry' ? new Date(after.startAfter).toISOString() : null,
      };
    },
  };
}
