/**
 * How the ledger names a subject, never in clear:
 * - `{ id }`: a pseudonymous id the application already uses (its user id, a UUID, the privacy
 *   center's random cookie id), kept as given;
 * - `{ email }`: keyed hash of the normalised address (`subj_…`), the address itself is not kept;
 * - `{ table, key }`: the row that identifies the subject in the organisation's database: the
 *   engine's own pseudonym (`subjectRef`), so the engine's Art 18 restriction records apply.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { subjectRef } from '../audit/subject-ref.ts';
import { RegistreError } from '../errors/registry.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export const ZSubjectInput = z.union([
  z.strictObject({
    id: z.string().regex(ID, 'expected 1 to 100 characters: letters, digits, ".", "_", ":" or "-"'),
  }),
  z.strictObject({ email: z.email().max(254) }),
  z.strictObject({
    table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_$.]{0,127}$/, 'expected a table name'),
    key: z.string().min(1).max(191),
  }),
]);
export type TSubjectInput = z.infer<typeof ZSubjectInput>;

/** Prefix of the privacy center's random subject ids. */
export const PRIVACY_CENTER_PREFIX = 'pc_';

/**
 * The ledger key of a subject.
 * @param secret the installation secret (`loadSecret()`), used for e-mail and row pseudonyms
 */
export function ledgerSubjectKey(secret: string, input: TSubjectInput): string {
  if ('email' in input) return subjectRef(secret, 'email', input.email.trim().toLowerCase());
  if ('table' in input) return subjectRef(secret, input.table, input.key);
  if (!ID.test(input.id)) {
    throw new RegistreError(
      'REG_ERR_CONSENT_SUBJECT_INVALID',
      'subject.id must be 1 to 100 characters: letters, digits, ".", "_", ":" or "-"',
    );
  }
  return input.id;
}

/**
 * The pseudonym written in the audit trail for a ledger key: keys that are already keyed hashes
 * stay as they are; application ids are hashed too, so the trail never carries them in clear.
 */
export function auditSubjectRef(secret: string, key: string): string {
  return key.startsWith('subj_') ? key : subjectRef(secret, 'consent-subject', key);
}

/** A new random subject id for a privacy-center visitor (128 bits, url-safe). */
export function newPrivacyCenterSubjectId(): string {
  return `${PRIVACY_CENTER_PREFIX}${randomBytes(16).toString('base64url')}`;
}
