import { createHash } from 'node:crypto';
import type { AuditRow } from './schema.ts';

/** The fields an entry's hash commits to, in a fixed order (the row minus its own hash). */
export function canonicalEntry(row: Omit<AuditRow, 'hash'>): string {
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

/** SHA-256 over the previous entry's hash and this entry's canonical form. */
export function hashEntry(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256').update(row.prev_hash).update('\n').update(canonicalEntry(row)).digest('hex');
}
