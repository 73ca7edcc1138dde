/**
 * An administrator gives a person a new one-time password (lost password, suspected
 * compromise): the old password and every session stop working, the lock is lifted.
 */
import type { AccountsDeps } from './deps.ts';
import { endUserSessions } from './end-session.ts';
import { findUser } from './find-user.ts';
import { generateOneTimePassword, hashPassword } from './password.ts';

/** Set a fresh one-time password for user `id` and return it (shown once). */
export async function resetPassword(deps: AccountsDeps, id: string): Promise<{ oneTimePassword: string }> {
  await findUser(deps, id);
  const oneTimePassword = generateOneTimePassword();
  await deps.db
    .updateTable('users')
    .set({
      password_hash: await hashPassword(oneTimePassword),
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      updated_at: deps.clock().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  await endUserSessions(deps, id);
  return { oneTimePassword };
}
