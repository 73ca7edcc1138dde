/**
 * `registre audit verify --db <url>` checks the hash-chained trail (exit 0 when intact, 1 when an
 * entry was altered, removed or reordered); `registre audit log --db <url>` lists the last
 * entries. Entries hold pseudonymous subject references only, so they are printed as they are.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { AUDIT_TABLE, verifyAudit } from '../../audit/index.ts';
import type { TargetDb } from '../../engine/db/types.ts';
import { createOutput, type Output } from '../output.ts';
import { connectTarget, positiveInteger } from './datamap.ts';

/** One audit entry as `audit log` shows it. */
export interface AuditLogEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  readonly subjectRef: string | null;
  readonly tables: unknown;
  readonly rowCounts: unknown;
  readonly reason: string;
  readonly runId: string | null;
  readonly hash: string;
}

function parseJson(text: unknown): unknown {
  try {
    return JSON.parse(String(text));
  } catch {
    return String(text);
  }
}

/** Number of entries, or undefined when the database has no audit trail. */
async function countEntries(target: TargetDb): Promise<number | undefined> {
  try {
    const row = await target.db
      .selectFrom(AUDIT_TABLE)
      .select(sql<number | string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } catch {
    return undefined;
  }
}

/** Reports a database without a trail: a JSON result or a line, and exit 1. */
function noTrail(out: Output, target: TargetDb, setExit: (code: number) => void): void {
  const message = `this ${target.dialect} database has no audit trail (no table ${AUDIT_TABLE}); Registre creates it on its first operation`;
  out.result({ ok: false, message });
  if (!out.json) out.error(message);
  setExit(1);
}

/** The last `limit` entries, newest first. */
export async function lastAuditEntries(target: TargetDb, limit: number): Promise<AuditLogEntry[]> {
  const rows = await target.db
    .selectFrom(AUDIT_TABLE)
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row: Record<string, unknown>) => ({
    seq: Number(row.seq),
    at: String(row.at),
    actor: String(row.actor),
    operation: String(row.operation),
    subjectRef: row.subject_ref === null ? null : String(row.subject_ref),
    tables: parseJson(row.tables),
    rowCounts: parseJson(row.row_counts),
    reason: String(row.reason),
    runId: row.run_id === null ? null : String(row.run_id),
    hash: String(row.hash).trim(),
  }));
}

function formatEntry(entry: AuditLogEntry): string {
  const counts =
    entry.rowCounts !== null && typeof entry.rowCounts === 'object'
      ? Object.entries(entry.rowCounts as Record<string, unknown>)
          .map(([table, n]) => `${table}=${String(n)}`)
          .join(' ')
      : String(entry.rowCounts);
  const subject = entry.subjectRef === null ? '' : ` subject ${entry.subjectRef}`;
  return `#${entry.seq} ${entry.at} ${entry.actor} ${entry.operation}${subject} ${counts || '-'} — ${entry.reason}`;
}

interface DbOption {
  readonly db: string;
}

export function registerAuditCommand(program: Command, setExit: (code: number) => void): void {
  const audit = program.command('audit').description('the hash-chained audit trail kept in your database');
  const json = () => Boolean(program.opts<{ json?: boolean }>().json);

  audit
    .command('verify')
    .description('check every entry and link of the trail: exit 0 when intact, 1 otherwise')
    .requiredOption('--db <url>', 'database URL holding the trail')
    .action(async (options: DbOption) => {
      const out = createOutput(json());
      const target = await connectTarget(options.db);
      try {
        const total = await countEntries(target);
        if (total === undefined) {
          noTrail(out, target, setExit);
          return;
        }
        let bar: SingleBar | undefined;
        if (process.stderr.isTTY === true && !json()) {
          bar = new SingleBar({
            format: 'verifying {bar} {value}/{total} entries | {speed} entries/s',
            stream: process.stderr,
            hideCursor: true,
          });
          bar.start(total, 0, { speed: 0 });
        }
        const started = performance.now();
        const result = await verifyAudit(target.db, {
          onProgress: (entries) => {
            const seconds = (performance.now() - started) / 1000;
            bar?.update(entries, { speed: seconds > 0 ? Math.round(entries / seconds) : 0 });
          },
        });
        bar?.stop();
        out.result(result);
        for (const problem of result.problems)
          out.line(`entry ${problem.seq}: ${problem.kind}: ${problem.message}`);
        out.line(
          result.ok
            ? `audit trail intact: ${result.entries} entries, last #${result.lastSeq}, last hash ${result.lastHash}`
            : `audit trail NOT intact: ${result.problems.length} problem(s) in ${result.entries} entries; last hash ${result.lastHash}`,
        );
        setExit(result.ok ? 0 : 1);
      } finally {
        await target.close();
      }
    });

  audit
    .command('log')
    .description('list the last entries of the trail, newest first')
    .requiredOption('--db <url>', 'database URL holding the trail')
    .option('--limit <n>', 'number of entries', '20')
    .action(async (options: DbOption & { readonly limit: string }) => {
      const out = createOutput(json());
      const limit = positiveInteger('--limit', options.limit);
      const target = await connectTarget(options.db);
      try {
        const total = await countEntries(target);
        if (total === undefined) {
          noTrail(out, target, setExit);
          return;
        }
        const entries = await lastAuditEntries(target, limit);
        out.result({ ok: true, total, entries });
        for (const entry of entries) out.line(formatEntry(entry));
        out.line(`${entries.length} of ${total} entries shown`);
        setExit(0);
      } finally {
        await target.close();
      }
    });
}
