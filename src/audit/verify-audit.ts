/**
 * Verify the trail: every entry's hash, every link to the previous entry, the sequence without
 * gaps, and the head row (which catches removal of the last entries).
 */
import type { AnyDb } from '../engine/db/types.ts';
import { hashEntry } from './hash-entry.ts';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, type AuditRow, GENESIS_HASH } from './schema.ts';

export type AuditProblemKind =
  | 'altered'
  | 'removed'
  | 'reordered'
  | 'chain-broken'
  | 'truncated'
  | 'head-mismatch';

export interface AuditProblem {
  /** Sequence number where the problem shows. */
  readonly seq: number;
  readonly kind: AuditProblemKind;
  readonly message: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  /** Entries read. */
  readonly entries: number;
  readonly lastSeq: number;
  /** Hash of the last entry: write it down elsewhere to anchor the trail in time. */
  readonly lastHash: string;
  /** The first problems found (at most 100). */
  readonly problems: readonly AuditProblem[];
}

const PAGE = 5000;
const MAX_PROBLEMS = 100;
/** How far to look for the position a moved entry was hashed at. */
const REORDER_WINDOW = 64;

function normalise(row: Record<string, unknown>): AuditRow {
  return {
    seq: Number(row.seq),
    at: String(row.at),
    actor: String(row.actor),
    operation: String(row.operation),
    subject_ref: row.subject_ref === null ? null : String(row.subject_ref),
    tables: String(row.tables),
    row_counts: String(row.row_counts),
    reason: String(row.reason),
    run_id: row.run_id === null ? null : String(row.run_id),
    details: String(row.details),
    prev_hash: String(row.prev_hash).trim(),
    hash: String(row.hash).trim(),
  };
}

function hashedAtAnotherPosition(row: AuditRow): number | undefined {
  for (let d = 1; d <= REORDER_WINDOW; d++) {
    for (const seq of [row.seq - d, row.seq + d]) {
      if (seq > 0 && hashEntry({ ...row, seq }) === row.hash) return seq;
    }
  }
  return undefined;
}

/** Read the whole trail in pages and check it. */
export async function verifyAudit(
  db: AnyDb,
  options: { readonly onProgress?: (entries: number) => void } = {},
): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  const report = (problem: AuditProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom(AUDIT_TABLE)
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const raw of page) {
      const row = normalise(raw);
      entries += 1;
      const gap = row.seq !== expectedSeq;
      if (gap) {
        report({
          seq: expectedSeq,
          kind: 'removed',
          message: `entries ${expectedSeq}${row.seq - 1 > expectedSeq ? `–${row.seq - 1}` : ''} are missing`,
        });
      }
      if (hashEntry(row) !== row.hash) {
        const original = hashedAtAnotherPosition(row);
        report(
          original === undefined
            ? {
                seq: row.seq,
                kind: 'altered',
                message: `entry ${row.seq} does not match its hash: it was altered`,
              }
            : {
                seq: row.seq,
                kind: 'reordered',
                message: `entry ${row.seq} was written as entry ${original}: the trail was reordered`,
              },
        );
      } else if (!gap && row.prev_hash !== prevHash) {
        report({
          seq: row.seq,
          kind: 'chain-broken',
          message: `entry ${row.seq} does not link to entry ${row.seq - 1}: an entry was replaced, inserted or removed`,
        });
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      after = row.seq;
    }
    options.onProgress?.(entries);
    if (page.length < PAGE) break;
  }
  const lastSeq = expectedSeq - 1;
  const head = await db
    .selectFrom(AUDIT_HEAD_TABLE)
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head !== undefined) {
    const headSeq = Number(head.seq);
    const headHash = String(head.hash).trim();
    if (headSeq > lastSeq) {
      report({
        seq: lastSeq + 1,
        kind: 'truncated',
        message: `the trail ends at entry ${lastSeq} but its head records ${headSeq}: the last entries were removed`,
      });
    } else if (headSeq !== lastSeq || headHash !== prevHash) {
      report({
        seq: lastSeq,
        kind: 'head-mismatch',
        message: `the head records entry ${headSeq} with another hash than the trail's last entry`,
      });
    }
  }
  return { ok: problems.length === 0, entries, lastSeq, lastHash: prevHash, problems };
}
