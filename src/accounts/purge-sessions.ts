/**
 * Housekeeping: delete sessions that can no longer be used (absolute lifetime reached, or idle
 * for longer than the time-out). A refused session is already deleted when presented; this
 * removes the ones never presented again. Meant for the scheduler.
 */
import { type AccountsDeps, MINUTE_MS } from './deps.ts';

/** Delete dead sessions; returns how many were removed. */
export async function purgeSessions(deps: AccountsDeps): Promise<number> {
  const now = deps.clock();
  const idleLimit = new Date(now.getTime() - deps.sessionIdleMinutes * MINUTE_MS).toISOString();
  const result = await deps.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleLimit)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
