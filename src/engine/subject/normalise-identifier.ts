/**
 * How a person's identifier is compared: e-mail addresses in lower case without surrounding
 * spaces, phone numbers as their digits only (an international `00` prefix counts as `+`).
 * The same normalisation is applied in SQL to stored values, so "Jeanne.Martin@Example.fr"
 * finds "jeanne.martin@example.fr" and "+33 6 12 34 56 78" finds "+33 (6) 12.34.56.78".
 */
import { type Expression, sql } from 'kysely';
import { RegistreError } from '../../errors/registry.ts';

export type IdentifierKind = 'email' | 'phone';

/** Lower-case, trimmed, Unicode NFC e-mail address; throws `REG_ERR_SUBJECT_QUERY` when it has no `@`. */
export function normaliseEmail(value: string): string {
  const out = value.normalize('NFC').trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(out)) {
    throw new RegistreError(
      'REG_ERR_SUBJECT_QUERY',
      'the e-mail address given is not of the form name@domain',
    );
  }
  return out;
}

/**
 * The digits of a phone number, `00` international prefix dropped ("+33 6 12 34 56 78" and
 * "0033 612345678" both give "33612345678"); throws `REG_ERR_SUBJECT_QUERY` when fewer than 6
 * digits remain or when characters other than digits, spaces and `+ ( ) . - /` appear.
 */
export function normalisePhone(value: string): string {
  const trimmed = value.trim();
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) {
    throw new RegistreError(
      'REG_ERR_SUBJECT_QUERY',
      'the phone number given may only hold digits, spaces and + ( ) . - /',
    );
  }
  let digits = trimmed.replace(/\D/g, '');
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.length < 6) {
    throw new RegistreError('REG_ERR_SUBJECT_QUERY', 'the phone number given has fewer than 6 digits');
  }
  return digits;
}

/** Normalise an identifier of the given kind. */
export function normaliseIdentifier(kind: IdentifierKind, value: string): string {
  return kind === 'email' ? normaliseEmail(value) : normalisePhone(value);
}

/** `lower(trim(column))`, portable across SQLite, PostgreSQL and MySQL. */
export function normalisedEmailSql(column: string): Expression<string> {
  return sql<string>`lower(trim(${sql.ref(column)}))`;
}

const PHONE_SEPARATORS = [' ', '.', '-', '(', ')', '/', '+'] as const;

/** The column with phone separators removed (nested `replace`, portable across the three dialects). */
export function normalisedPhoneSql(column: string): Expression<string> {
  let expression = sql<string>`${sql.ref(column)}`;
  for (const separator of PHONE_SEPARATORS) {
    expression = sql<string>`replace(${expression}, ${sql.lit(separator)}, '')`;
  }
  return expression;
}

/** Stored forms a normalised phone may take once separators are removed: with or without `00`. */
export function phoneCandidates(digits: string): string[] {
  return [digits, `00${digits}`];
}
