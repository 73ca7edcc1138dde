/**
 * Schedules, for both queues: `job_schedules` holds each scheduled job's next slot. A process
 * queues a due slot by moving `next_run_at` forward with an update conditioned on the value it
 * read, in the transaction that queues the job: of several processes sharing the store, one
 * wins each slot. Slots missed while no process ran (or several passed between two ticks) are
 * queued once, for the earliest of them; the next slot is then the first one after now.
 */
import type { Kysely } from 'kysely';
import type { StoreDb } from '../store/schema/index.ts';
import type { CronSchedule } from './cron.ts';
import type { JobType } from './job-type.ts';
import type { JobQueue } from './queues/job-queue.ts';

export interface ActiveSchedule {
  readonly type: JobType<unknown>;
  readonly cron: CronSchedule;
  readonly payload: unknown;
}

/** The slot queued by this process for `schedule`, or null (not due, or another process won). */
export async function claimDueSlot(
  db: Kysely<StoreDb>,
  queue: JobQueue,
  schedule: ActiveSchedule,
  now: Date,
): Promise<string | null> {
  const name = schedule.type.name;
  const stamp = now.toISOString();
  const next = schedule.cron.next(now).toISOString();
  const row = await db.selectFrom('job_schedules').selectAll().where('name', '=', name).executeTakeFirst();
  if (row === undefined) {
    // First sight of this schedule: its first slot is the next one (nothing is owed for the past).
    await db
      .insertInto('job_schedules')
      .values({ name, cron: schedule.cron.expression, next_run_at: next, last_slot: null, updated_at: stamp })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    return null;
  }
  if (row.cron !== schedule.cron.expression) {
    // A new expression restarts the schedule from now.
    await db
      .updateTable('job_schedules')
      .set({ cron: schedule.cron.expression, next_run_at: next, updated_at: stamp })
      .where('name', '=', name)
      .where('cron', '=', row.cron)
      .execute();
    return null;
  }
  if (row.next_run_at > stamp) return null;
  const slot = row.next_run_at;
  return db.transaction().execute(async (trx) => {
    const won = await trx
      .updateTable('job_schedules')
      .set({ next_run_at: next, last_slot: slot, updated_at: stamp })
      .where('name', '=', name)
      .where('next_run_at', '=', slot)
      .where('cron', '=', row.cron)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1) return null;
    await queue.enqueue(
      trx,
      {
        job: name,
        payload: schedule.payload,
        slot,
        runAt: null,
        retry: schedule.type.retry,
        expireSeconds: schedule.type.expireSeconds,
      },
      now,
    );
    return slot;
  });
}
