/** Turn the second factor off (password and a current code both required). */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import type { AccountsDeps } from './deps.ts';
import { ZTotpCode } from './fields.ts';
import { findUser } from './find-user.ts';
import { verifyPassword, ZPasswordInput } from './password.ts';
import { isLocked, recordFailure } from './record-failure.ts';
import { consumeTotpCode } from './totp.ts';

export const ZDisableTotp = z.strictObject({ password: ZPasswordInput, code: ZTotpCode });
export type TDisableTotp = z.infer<typeof ZDisableTotp>;

/** Remove the TOTP secret of `userId`. */
export async function disableTotp(deps: AccountsDeps, userId: string, input: TDisableTotp): Promise<void> {
  const row = await findUser(deps, userId);
  if (row.totp_enabled !== 1) throw new RegistreError('REG_ERR_ACCOUNTS_TOTP_STATE', 'TOTP is not enabled');
  if (isLocked(row, deps.clock()))
    throw new RegistreError('REG_ERR_ACCOUNTS_LOCKED', 'TOTP change refused: account locked');
  if (!(await verifyPassword(row.password_hash, input.password))) {
    await recordFailure(deps, row);
    throw new RegistreError('REG_ERR_ACCOUNTS_PASSWORD_MISMATCH', 'TOTP disabling refused: wrong password');
  }
  if (!(await consumeTotpCode(deps, row, input.code))) {
    throw new RegistreError('REG_ERR_ACCOUNTS_TOTP_CODE_INVALID', 'TOTP disabling refused: wrong code');
  }
  await deps.db
    .updateTable('users')
    .set({ totp_secret: null, totp_enabled: 0, totp_last_step: null, updated_at: deps.clock().toISOString() })
    .where('id', '=', row.id)
    .execute();
}
