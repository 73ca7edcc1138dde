/**
 * Identity verification by a 6-digit code e-mailed to the subject. Only a keyed hash of the code
 * is stored (HMAC-SHA-256 under the installation secret, bound to the request id), so a copy of
 * the store alone does not reveal it and a code cannot be replayed on another request. A code
 * lives 30 minutes and allows 5 attempts; at most 5 codes are sent per request, which bounds a
 * guesser to 25 tries in a million.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_DIGITS = 6;
export const CODE_TTL_MINUTES = 30;
export const MAX_CODE_ATTEMPTS = 5;
export const MAX_CODES_PER_REQUEST = 5;

/** What is stored about the code currently out. */
export interface StoredCode {
  readonly codeHash: string | null;
  /** ISO-8601 end of validity. */
  readonly expiresAt: string | null;
  /** Wrong attempts made on this code. */
  readonly attempts: number;
}

export type CodeCheck =
  /** The code matches and is valid. */
  | 'ok'
  /** The code does not match; attempts left. */
  | 'wrong'
  /** No code was sent, or it is past its 30 minutes. */
  | 'expired'
  /** Five wrong attempts were made on this code. */
  | 'exhausted';

/** A fresh random code, `000000`–`999999` (uniform, from the CSPRNG). */
export function newVerificationCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/** The keyed hash stored for `code` on request `requestId`. */
export function hashVerificationCode(secret: string, requestId: string, code: string): string {
  return createHmac('sha256', secret)
    .update(`registre/request-code/v1\u0000${requestId}\u0000${code}`)
    .digest('hex');
}

/** End of validity of a code sent at `sentAt`. */
export function codeExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CODE_TTL_MINUTES * 60_000);
}

/**
 * Check `code` against the stored hash at time `now` (constant-time comparison). Exhaustion is
 * checked before expiry and before the comparison, so a sixth try is refused even when right.
 */
export function checkVerificationCode(
  secret: string,
  requestId: string,
  stored: StoredCode,
  code: string,
  now: Date,
): CodeCheck {
  if (stored.codeHash === null || stored.expiresAt === null) return 'expired';
  if (stored.attempts >= MAX_CODE_ATTEMPTS) return 'exhausted';
  if (Date.parse(stored.expiresAt) <= now.getTime()) return 'expired';
  const expected = Buffer.from(stored.codeHash, 'hex');
  const given = Buffer.from(hashVerificationCode(secret, requestId, code.trim()), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'wrong';
}
