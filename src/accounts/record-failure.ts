/**
 * Lockout: after {@link LOCKOUT_THRESHOLD} failed attempts in a row an account is locked for
 * {@link LOCKOUT_MINUTES} minutes. The counter is incremented in SQL so concurrent attempts all
 * count; a lock that has run out starts a fresh count.
 */
import { type AccountsDeps, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, MINUTE_MS } from './deps.ts';
import type { UserRow } from './user-view.ts';

/** True while `row` is locked at `now`. */
export function isLocked(row: Pick<UserRow, 'locked_until'>, now: Date): boolean {
  return row.locked_until !== null && row.locked_until > now.toISOString();
}

/** Count one failed attempt for `row`; returns true when the account is now locked. */
export async function recordFailure(deps: AccountsDeps, row: UserRow): Promise<boolean> {
  const now = deps.clock();
  if (row.locked_until !== null && !isLocked(row, now)) {
    await deps.db
      .updateTable('users')
      .set({ failed_attempts: 0, locked_until: null })
      .where('id', '=', row.id)
      .where('locked_until', '=', row.locked_until)
      .execute();
  }
  const updated = await deps.db
    .updateTable('users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', row.id)
    .returning('failed_attempts')
    .executeTakeFirst();
  if (updated === undefined || Number(updated.failed_attempts) < LOCKOUT_THRESHOLD) return false;
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE_MS).toISOString();
  await deps.db
    .updateTable('users')
    .set({ locked_until: until, updated_at: now.toISOString() })
    .where('id', '=', row.id)
    .execute();
  return true;
}

/** Clear the counter and any lock (successful sign-in, or an administrator's unlock). */
export async function clearFailures(deps: AccountsDeps, userId: string): Promise<void> {
  await deps.db
    .updateTable('users')
    .set({ failed_attempts: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}
