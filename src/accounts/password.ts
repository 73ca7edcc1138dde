/**
 * Password hashing with argon2id (@node-rs/argon2; its defaults: argon2id, 19 MiB, t=2, p=1 —
 * the OWASP baseline), password rules, and one-time passwords.
 */
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/** Rules for a password a person chooses. The upper bound keeps hashing cheap to refuse. */
export const ZNewPassword = z
  .string()
  .min(12, 'a password needs at least 12 characters')
  .max(256, 'a password has at most 256 characters');

/** A password as typed at sign-in (not checked against the rules, only bounded). */
export const ZPasswordInput = z.string().min(1).max(256);

/** The argon2id PHC string of `password`. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when `password` matches `passwordHash` (false on a malformed hash). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the time of one verification when there is no account to check, so the answer time
 * does not tell whether an e-mail has an account.
 */
export async function verifyNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword('registre-no-such-account');
  await verifyPassword(await dummyHash, password);
}

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random one-time password: 4 groups of 5 unambiguous characters (~117 bits). */
export function generateOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g += 1) {
    let group = '';
    for (let i = 0; i < 5; i += 1) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
