/**
 * Second factor, step 1: the person (re-entering their password) receives a new TOTP secret and
 * its otpauth URL. The factor is active only once a code is confirmed (confirm-totp.ts).
 */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import type { AccountsDeps } from './deps.ts';
import { findUser } from './find-user.ts';
import { verifyPassword, ZPasswordInput } from './password.ts';
import { isLocked, recordFailure } from './record-failure.ts';
import { newTotpSecret, sealTotpSecret, totpUrl } from './totp.ts';

export const ZEnrolTotp = z.strictObject({ password: ZPasswordInput });
export type TEnrolTotp = z.infer<typeof ZEnrolTotp>;

export const ZTotpEnrolment = z.strictObject({
  /** Base32 secret, for typing into an authenticator app by hand. */
  secret: z.string(),
  /** `otpauth://totp/…` URL, for a QR code. */
  otpauthUrl: z.string(),
});
export type TTotpEnrolment = z.infer<typeof ZTotpEnrolment>;

/** Check the password, then store a pending secret (replacing any unconfirmed one). */
export async function enrolTotp(
  deps: AccountsDeps,
  userId: string,
  input: TEnrolTotp,
): Promise<TTotpEnrolment> {
  const row = await findUser(deps, userId);
  if (isLocked(row, deps.clock()))
    throw new RegistreError('REG_ERR_ACCOUNTS_LOCKED', 'TOTP enrolment refused: account locked');
  if (!(await verifyPassword(row.password_hash, input.password))) {
    await recordFailure(deps, row);
    throw new RegistreError('REG_ERR_ACCOUNTS_PASSWORD_MISMATCH', 'TOTP enrolment refused: wrong password');
  }
  if (row.totp_enabled === 1) {
    throw new RegistreError(
      'REG_ERR_ACCOUNTS_TOTP_STATE',
      'TOTP is already enabled: disable it before enrolling again',
    );
  }
  const secret = newTotpSecret();
  await deps.db
    .updateTable('users')
    .set({
      totp_secret: sealTotpSecret(deps, row.id, secret),
      totp_last_step: null,
      updated_at: deps.clock().toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
  return { secret, otpauthUrl: totpUrl(secret, row.email, deps.totpIssuer ?? 'Registre') };
}
