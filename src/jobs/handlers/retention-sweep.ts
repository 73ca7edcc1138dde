/**
 * Scheduled retention sweep (REGISTRE_SWEEP_CRON, off by default): starts a run of the retention
 * service (src/retention/) as `job:retention-sweep` and waits for it. The run is recorded in the
 * store with its progress like a sweep started from the console; its effects and audit entries
 * are the engine's, in the organisation's database. When another execution already holds the
 * database (one started from the console), the slot counts as done by it. A failed run fails the
 * job (REG_ERR_JOBS_SWEEP_FAILED), which is retried: the engine resumes an unfinished run.
 */
import { z } from 'zod';
import { isRegistreError, RegistreError } from '../../errors/registry.ts';
import type { RetentionService } from '../../retention/create-retention.ts';
import { DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE, ZSweepMode } from '../../retention/types.ts';
import { defineJob, type JobType } from '../job-type.ts';

export const RETENTION_SWEEP_JOB = 'retention-sweep';

export const ZRetentionSweepPayload = z.strictObject({
  mode: ZSweepMode.default('execute'),
  batchSize: z.number().int().min(1).max(MAX_BATCH_SIZE).default(DEFAULT_BATCH_SIZE),
});
export type TRetentionSweepPayload = z.infer<typeof ZRetentionSweepPayload>;

export function retentionSweepJob(deps: {
  readonly retention: Pick<RetentionService, 'startRun'>;
}): JobType<TRetentionSweepPayload> {
  return defineJob({
    name: RETENTION_SWEEP_JOB,
    payload: ZRetentionSweepPayload,
    retry: { limit: 3, delaySeconds: 600, backoff: true },
    // A sweep of a large database takes long; the service keeps its own lease on the database.
    expireSeconds: 6 * 3600,
    async run(payload) {
      let started: Awaited<ReturnType<RetentionService['startRun']>>;
      try {
        started = await deps.retention.startRun({
          mode: payload.mode,
          startedBy: `job:${RETENTION_SWEEP_JOB}`,
          batchSize: payload.batchSize,
        });
      } catch (error) {
        if (isRegistreError(error) && error.code === 'REG_ERR_RETENTION_SWEEP_RUNNING') {
          return { alreadyRunning: 1 };
        }
        throw error;
      }
      const run = await started.completion;
      if (run.status !== 'completed') {
        throw new RegistreError(
          'REG_ERR_JOBS_SWEEP_FAILED',
          `retention sweep run ${run.id} ended ${run.status}${run.error?.code ? ` (${run.error.code})` : ''}`,
        );
      }
      return { ...run.counts, rows: run.rows.done };
    },
  });
}
