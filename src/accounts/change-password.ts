/**
 * A person changes their own password (required after a one-time password). A wrong current
 * password counts towards the lockout; the person's other sessions end.
 */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import type { AccountsDeps } from './deps.ts';
import { endUserSessions } from './end-session.ts';
import { findUser } from './find-user.ts';
import { hashPassword, verifyPassword, ZNewPassword, ZPasswordInput } from './password.ts';
import type { UserPrincipal } from './principal.ts';
import { isLocked, recordFailure } from './record-failure.ts';

export const ZChangePassword = z.strictObject({
  currentPassword: ZPasswordInput,
  newPassword: ZNewPassword,
});
export type TChangePassword = z.infer<typeof ZChangePassword>;

/** Check the current password, store the new one and clear the one-time flag. */
export async function changePassword(
  deps: AccountsDeps,
  who: UserPrincipal,
  input: TChangePassword,
): Promise<void> {
  const row = await findUser(deps, who.userId);
  if (isLocked(row, deps.clock())) {
    throw new RegistreError('REG_ERR_ACCOUNTS_LOCKED', 'password change refused: account locked');
  }
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    if (await recordFailure(deps, row)) {
      throw new RegistreError('REG_ERR_ACCOUNTS_LOCKED', 'password change refused: account now locked');
    }
    throw new RegistreError(
      'REG_ERR_ACCOUNTS_PASSWORD_MISMATCH',
      'password change refused: wrong current password',
    );
  }
  if (input.newPassword === input.currentPassword) {
    throw new RegistreError(
      'REG_ERR_ACCOUNTS_PASSWORD_REUSED',
      'password change refused: newPassword equals currentPassword',
    );
  }
  await deps.db
    .updateTable('users')
    .set({
      password_hash: await hashPassword(input.newPassword),
      must_change_password: 0,
      failed_attempts: 0,
      locked_until: null,
      updated_at: deps.clock().toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
  await endUserSessions(deps, row.id, who.sessionId);
}
