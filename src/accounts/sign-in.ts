/**
 * Sign in with e-mail, password and (when enrolled) a TOTP code. Five failures in a row lock
 * the account for 15 minutes; while locked even the right password is refused. An unknown
 * e-mail costs the same time as a wrong password.
 */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import { createSession, type NewSession } from './create-session.ts';
import type { AccountsDeps } from './deps.ts';
import { ZTotpCode } from './fields.ts';
import { findUserByEmail } from './find-user.ts';
import { verifyNothing, verifyPassword, ZPasswordInput } from './password.ts';
import { clearFailures, isLocked, recordFailure } from './record-failure.ts';
import { consumeTotpCode } from './totp.ts';
import { type TUserView, toUserView } from './user-view.ts';

export const ZSignIn = z.strictObject({
  email: z.string().min(1).max(320),
  password: ZPasswordInput,
  totpCode: ZTotpCode.optional(),
});
export type TSignIn = z.infer<typeof ZSignIn>;

export interface SignedIn {
  readonly user: TUserView;
  readonly session: NewSession;
}

const invalid = () =>
  new RegistreError('REG_ERR_ACCOUNTS_INVALID_CREDENTIALS', 'sign-in refused: wrong e-mail or password');
const locked = () => new RegistreError('REG_ERR_ACCOUNTS_LOCKED', 'sign-in refused: account locked');

/** Check the credentials and open a session. */
export async function signIn(deps: AccountsDeps, input: TSignIn): Promise<SignedIn> {
  const row = await findUserByEmail(deps, input.email);
  if (row === undefined || row.disabled === 1) {
    await verifyNothing(input.password);
    throw invalid();
  }
  if (isLocked(row, deps.clock())) throw locked();
  if (!(await verifyPassword(row.password_hash, input.password))) {
    throw (await recordFailure(deps, row)) ? locked() : invalid();
  }
  if (row.totp_enabled === 1) {
    if (input.totpCode === undefined) {
      throw new RegistreError('REG_ERR_ACCOUNTS_TOTP_REQUIRED', 'sign-in needs the TOTP code');
    }
    if (!(await consumeTotpCode(deps, row, input.totpCode))) {
      if (await recordFailure(deps, row)) throw locked();
      throw new RegistreError(
        'REG_ERR_ACCOUNTS_TOTP_CODE_INVALID',
        'sign-in refused: wrong or reused TOTP code',
      );
    }
  }
  await clearFailures(deps, row.id);
  const now = deps.clock().toISOString();
  await deps.db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', row.id).execute();
  const session = await createSession(deps, row.id);
  return {
    user: toUserView({ ...row, failed_attempts: 0, locked_until: null, last_sign_in_at: now }, deps.clock()),
    session,
  };
}
