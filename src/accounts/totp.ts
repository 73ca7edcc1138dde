/**
 * TOTP second factor (RFC 6238 via `otpauth`: SHA-1, 6 digits, 30 s). Codes are accepted one
 * step either side of now; the last accepted step is stored so a code cannot be replayed.
 * Secrets are stored encrypted with AES-256-GCM under a key derived from REGISTRE_SECRET and
 * bound to the user id.
 */
import { Secret, TOTP } from 'otpauth';
import { decryptText, deriveKey, encryptText } from '../crypto/aes-gcm.ts';
import type { AccountsDeps } from './deps.ts';

const PERIOD_SECONDS = 30;
const KEY_PURPOSE = 'registre/totp-secret/v1';

function totp(secretBase32: string, label: string, issuer: string): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh 160-bit secret in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` URL an authenticator app scans. */
export function totpUrl(secretBase32: string, label: string, issuer: string): string {
  return totp(secretBase32, label, issuer).toString();
}

/** The code for `at` (tests and enrolment checks). */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32, 'x', 'x').generate({ timestamp: at.getTime() });
}

/** The time step `code` belongs to (±1 step around `now`), or null when it matches none. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const delta = totp(secretBase32, 'x', 'x').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

function associatedData(userId: string): string {
  return `users.totp_secret:${userId}`;
}

/** Seal a TOTP secret for the `users.totp_secret` column of `userId`. */
export function sealTotpSecret(
  deps: Pick<AccountsDeps, 'secret'>,
  userId: string,
  secretBase32: string,
): string {
  return encryptText(deriveKey(deps.secret, KEY_PURPOSE), secretBase32, associatedData(userId));
}

/** Open what {@link sealTotpSecret} sealed. */
export function openTotpSecret(deps: Pick<AccountsDeps, 'secret'>, userId: string, sealed: string): string {
  return decryptText(deriveKey(deps.secret, KEY_PURPOSE), sealed, associatedData(userId));
}

/**
 * Check `code` for `userId` and consume its step (a replayed or older code is refused).
 * Returns true when accepted.
 */
export async function consumeTotpCode(
  deps: AccountsDeps,
  user: { id: string; totp_secret: string | null; totp_last_step: number | null },
  code: string,
): Promise<boolean> {
  if (user.totp_secret === null) return false;
  const step = matchTotpStep(openTotpSecret(deps, user.id, user.totp_secret), code, deps.clock());
  if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) return false;
  // Conditional update: of two concurrent uses of one code, only one wins.
  const result = await deps.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
