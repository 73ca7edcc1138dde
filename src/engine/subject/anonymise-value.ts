/**
 * What each anonymisation method makes of one value. Pure functions, applied to the value read
 * from the row; the result never needs more room than the original (or than the column's declared
 * length), so it fits where the original was.
 *
 * - `null`: NULL.
 * - `hash`: HMAC-SHA-256 under the installation secret, hex, cut to the room available (64
 *   characters at most): equal values still join, the value itself is gone.
 * - `mask`: the shape stays, the content goes — "j***@e***.fr", "+33 6** ** ** 78", "D*****".
 * - `generalise`: dates to the 1st of January of their year; in a `postal-address` column, the
 *   postal code's first two digits followed by zeros ("69003" → "69000", "1050" → "1000"; the
 *   street and city of a full address go); numbers to their decade (37 → 40); any other value
 *   becomes NULL (nothing coarser can be said of it).
 * - `constant`: the value the data map gives.
 */
import { createHmac } from 'node:crypto';
import type { PlainValue } from './plain-value.ts';

export type AnonymiseMethod =
  | 'null'
  | 'hash'
  | 'mask'
  | 'generalise'
  | { readonly method: 'constant'; readonly value: string };

/** What the anonymiser knows of the column. */
export interface ColumnFacts {
  /** Declared type, lower case (`varchar(30)`, `character varying`, `date`, `integer`…). */
  readonly dataType: string;
  /** Data category from the data map, when annotated. */
  readonly category?: string | undefined;
}

/** A day to bind: `YYYY-MM-DD` (every dialect compares and stores it as a day). */
export interface DayValue {
  readonly day: string;
}

export type AnonymisedValue = PlainValue | DayValue;

/** Declared character length of a column, when its type states one (`varchar(30)` → 30). */
export function declaredLength(dataType: string): number | undefined {
  const match = /\((\d+)\)/.exec(dataType);
  return match === null ? undefined : Number(match[1]);
}

/** Keyed hash of a value, hex, cut to what the column can hold. */
export function hashValue(secret: string, value: string, facts: ColumnFacts): string {
  const hex = createHmac('sha256', secret).update(`anonymise\u0000${value}`).digest('hex');
  const declared = declaredLength(facts.dataType);
  // A character column of unknown length (PostgreSQL reports no length) holds at least the original.
  const unknownCharLength = declared === undefined && /char/.test(facts.dataType);
  const room = declared ?? (unknownCharLength ? value.length : 64);
  return hex.slice(0, Math.max(1, Math.min(64, room)));
}

function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot > 0 ? domain.slice(dot) : '';
  const masked = `${local.charAt(0)}***@${domain.charAt(0)}***${tld}`;
  return masked.length <= value.length ? masked : value.replace(/[^@.]/g, '*');
}

function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '').length;
  const keepHead = value.trimStart().startsWith('+') ? 3 : 2;
  let seen = 0;
  return value.replace(/\d/g, (digit) => {
    seen += 1;
    return seen <= keepHead || seen > digits - 2 ? digit : '*';
  });
}

/** Mask a text value, keeping its shape. */
export function maskValue(value: string): string {
  if (value.length <= 2) return '*'.repeat(value.length);
  if (/^[^@\s]+@[^@\s]+$/.test(value)) return maskEmail(value);
  const digits = value.replace(/\D/g, '').length;
  if (digits >= 6 && /^[+\d\s().\-/]+$/.test(value)) return maskPhone(value);
  return value.charAt(0) + value.slice(1).replace(/[^\s]/g, '*');
}

const ISO_DAY = /^(\d{4})-\d{2}-\d{2}/;

/** Generalise a value; `null` when nothing coarser can be said of it. */
export function generaliseValue(value: unknown, facts: ColumnFacts): AnonymisedValue {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : { day: `${value.getUTCFullYear()}-01-01` };
  }
  if (typeof value === 'number') return Math.round(value / 10) * 10;
  if (typeof value === 'bigint') return Math.round(Number(value) / 10) * 10;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const day = ISO_DAY.exec(text);
  if (day !== null) return { day: `${day[1]}-01-01` };
  if (facts.category === 'postal-address') {
    // A postal code alone, or the one inside an address: the street and city go.
    const code = /(?:^|\D)(\d{2})(\d{2,3})(?:\D|$)/.exec(text);
    return code === null ? null : `${code[1]}${'0'.repeat((code[2] ?? '').length)}`;
  }
  if (/^-?\d+(\.\d+)?$/.test(text)) return String(Math.round(Number(text) / 10) * 10);
  return null;
}

/** Apply one method to one value (null stays null whatever the method, except a constant). */
export function anonymiseValue(
  method: AnonymiseMethod,
  value: unknown,
  facts: ColumnFacts,
  secret: string,
): AnonymisedValue {
  if (typeof method === 'object') return method.value;
  if (method === 'null' || value === null || value === undefined) return null;
  switch (method) {
    case 'hash':
      return hashValue(secret, value instanceof Date ? value.toISOString() : String(value), facts);
    case 'mask':
      return typeof value === 'string' ? maskValue(value) : null;
    case 'generalise':
      return generaliseValue(value, facts);
  }
}
