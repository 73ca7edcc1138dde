/**
 * Session purge: sessions past their absolute lifetime or idle for longer than the time-out are
 * deleted (src/accounts/purge-sessions.ts); a refused session is deleted when presented, this
 * removes the ones never presented again.
 */
import { z } from 'zod';
import { defineJob, type JobType } from '../job-type.ts';

export const SESSION_PURGE_JOB = 'session-purge';

export const ZNoPayload = z.strictObject({});

export function sessionPurgeJob(deps: {
  /** `createAccounts(…).purgeSessions` over the runner's clock. */
  readonly purgeSessions: () => Promise<number>;
}): JobType<Record<string, never>> {
  return defineJob({
    name: SESSION_PURGE_JOB,
    payload: ZNoPayload,
    retry: { limit: 2, delaySeconds: 60, backoff: true },
    async run() {
      return { deleted: await deps.purgeSessions() };
    },
  });
}
