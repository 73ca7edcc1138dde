/** Create an account (admin action, or the bootstrap of the first administrator). */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import type { AccountsDeps } from './deps.ts';
import { ZDisplayName, ZEmail } from './fields.ts';
import { findUserByEmail } from './find-user.ts';
import { generateOneTimePassword, hashPassword } from './password.ts';
import { ZRole } from './roles.ts';
import { type TUserView, toUserView } from './user-view.ts';

export const ZCreateUser = z.strictObject({
  email: ZEmail,
  displayName: ZDisplayName,
  role: ZRole,
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export interface CreatedUser {
  readonly user: TUserView;
  /** Shown once to whoever creates the account; must be changed at first sign-in. */
  readonly oneTimePassword: string;
}

/**
 * Create an account with a one-time password. Throws REG_ERR_ACCOUNTS_EMAIL_TAKEN when the
 * e-mail already has an account.
 */
export async function createUser(deps: AccountsDeps, input: TCreateUser): Promise<CreatedUser> {
  const email = input.email.trim().toLowerCase();
  if ((await findUserByEmail(deps, email)) !== undefined) {
    throw new RegistreError('REG_ERR_ACCOUNTS_EMAIL_TAKEN', 'an account already uses this e-mail');
  }
  const oneTimePassword = generateOneTimePassword();
  const now = deps.clock().toISOString();
  const row = {
    id: randomUUID(),
    email,
    display_name: input.displayName.trim(),
    role: input.role,
    password_hash: await hashPassword(oneTimePassword),
    must_change_password: 1,
    disabled: 0,
    failed_attempts: 0,
    locked_until: null,
    totp_secret: null,
    totp_enabled: 0,
    totp_last_step: null,
    last_sign_in_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.db.insertInto('users').values(row).execute();
  } catch (error) {
    // Lost a race with another creation of the same e-mail: the unique index refused it.
    if ((await findUserByEmail(deps, email)) !== undefined) {
      throw new RegistreError('REG_ERR_ACCOUNTS_EMAIL_TAKEN', 'an account already uses this e-mail', {
        cause: error,
      });
    }
    throw error;
  }
  return { user: toUserView(row, deps.clock()), oneTimePassword };
}
