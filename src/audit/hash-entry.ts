import * as crypto from 'node:crypto';
import type { AuditRow } from './schema.ts';

/** The fields an entry's hash commits to, in a fixed order (the row minus its own hash). */
export function canonicalEntry(row: Omit<AuditRow, 'hash'>): string {
  // One JSON.stringify of an array measured faster than concatenating per-field stringify calls.
  return JSON.stringify([
    Number(row.seq),
    row.at,
    row.actor,
    row.operation,
    row.subject_ref,
    row.tables,
    row.row_counts,
    row.reason,
    row.run_id,
    row.details,
  ]);
}

type OneShotHash = (algorithm: string, data: string, outputEncoding: 'hex') => string;

// Node ≥ 20.12 hashes a string in one call, without a Hash object: about 0.8 µs less per entry
// than createHash().update().digest(). Older runtimes fall back to createHash (same bytes).
const oneShot: OneShotHash | undefined =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (crypto as { hash: OneShotHash }).hash
    : undefined;

/** SHA-256 over the previous entry's hash, a newline and this entry's canonical form (UTF-8). */
export function hashEntry(row: Omit<AuditRow, 'hash'>): string {
  const data = `${row.prev_hash}\n${canonicalEntry(row)}`;
  return oneShot !== undefined
    ? oneShot('sha256', data, 'hex')
    : crypto.createHash('sha256').update(data).digest('hex');
}
