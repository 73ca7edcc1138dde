/**
 * Reading and writing the suppression list (see `suppression-schema.ts`). Applications call
 * {@link isSuppressed} before any marketing message; nothing in the list can be read back as an
 * address.
 */
import { createHmac } from 'node:crypto';
import type { AnyDb } from '../db/types.ts';
import { type IdentifierKind, normaliseIdentifier } from './normalise-identifier.ts';
import { SUPPRESSION_TABLE } from './suppression-schema.ts';

/** The purpose recorded when nothing more specific is given: Art 21(2) direct marketing. */
export const DIRECT_MARKETING = 'direct-marketing';

/** Keyed hash of an already-normalised identifier; the kind is part of the input. */
export function suppressionHash(secret: string, kind: IdentifierKind, normalised: string): string {
  return createHmac('sha256', secret).update(`suppression\u0000${kind}\u0000${normalised}`).digest('hex');
}

/** `email` when the identifier holds an `@`, else `phone`. */
export function identifierKind(identifier: string): IdentifierKind {
  return identifier.includes('@') ? 'email' : 'phone';
}

/**
 * Whether `identifier` (an e-mail address or a phone number, in any spelling) objected to
 * `purpose` (default: direct marketing). Throws `REG_ERR_SUBJECT_QUERY` for an identifier that is
 * neither an e-mail address nor a phone number.
 */
export async function isSuppressed(
  db: AnyDb,
  secret: string,
  identifier: string,
  purpose: string = DIRECT_MARKETING,
): Promise<boolean> {
  const kind = identifierKind(identifier);
  const hash = suppressionHash(secret, kind, normaliseIdentifier(kind, identifier));
  const row = await db
    .selectFrom(SUPPRESSION_TABLE)
    .select('hash')
    .where('hash', '=', hash)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Record hashes in the list inside the caller's transaction; hashes already listed for the
 * purpose are left as they are (the first day is kept). Returns how many were added.
 */
export async function addSuppressions(
  trx: AnyDb,
  hashes: readonly string[],
  purpose: string,
  day: string,
): Promise<number> {
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return 0;
  const present = await trx
    .selectFrom(SUPPRESSION_TABLE)
    .select('hash')
    .where('purpose', '=', purpose)
    .where('hash', 'in', unique)
    .execute();
  const known = new Set(present.map((row) => String(row.hash)));
  const fresh = unique.filter((hash) => !known.has(hash));
  if (fresh.length > 0) {
    await trx
      .insertInto(SUPPRESSION_TABLE)
      .values(fresh.map((hash) => ({ hash, purpose, since: day })))
      .execute();
  }
  return fresh.length;
}
