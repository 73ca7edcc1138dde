/** Second factor, step 2: a first valid code turns the pending secret on. */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import type { AccountsDeps } from './deps.ts';
import { ZTotpCode } from './fields.ts';
import { findUser } from './find-user.ts';
import { consumeTotpCode } from './totp.ts';

export const ZConfirmTotp = z.strictObject({ code: ZTotpCode });
export type TConfirmTotp = z.infer<typeof ZConfirmTotp>;

/** Enable TOTP for `userId` when `code` matches the pending secret. */
export async function confirmTotp(deps: AccountsDeps, userId: string, input: TConfirmTotp): Promise<void> {
  const row = await findUser(deps, userId);
  if (row.totp_enabled === 1 || row.totp_secret === null) {
    throw new RegistreError(
      'REG_ERR_ACCOUNTS_TOTP_STATE',
      row.totp_enabled === 1 ? 'TOTP is already enabled' : 'no pending TOTP enrolment: enrol first',
    );
  }
  if (!(await consumeTotpCode(deps, row, input.code))) {
    throw new RegistreError('REG_ERR_ACCOUNTS_TOTP_CODE_INVALID', 'TOTP confirmation refused: wrong code');
  }
  await deps.db
    .updateTable('users')
    .set({ totp_enabled: 1, updated_at: deps.clock().toISOString() })
    .where('id', '=', row.id)
    .execute();
}
