/**
 * `return-and-delete` ("returned to the customer, then destroyed"): before a batch is deleted, its
 * rows are written to an export file, inside the batch's transaction and before it commits:
 *
 *   <export dir>/<run id>/<table>/<rule>-batch-000001.json
 *
 * The file is written to a temporary name, synced to disk and renamed, so it is either absent or
 * complete. Its name depends only on the run, the step and the batch number (the step's committed
 * batches + 1), and its content only on the rows, so a batch re-run after a crash rewrites the same
 * file — and a batch that never committed and is not re-run leaves a file that the step removes
 * when it finishes. The audit entry of the batch records the file and its SHA-256.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AnyDb, SchemaInfo } from '../db/types.ts';
import { isDayColumn, type PlainValue, toPlainValue } from '../subject/plain-value.ts';
import { dueCondition, type StepSpec } from './build-steps.ts';
import { rootScope } from './sql-conditions.ts';

/** Where returned rows go when no export directory is given (relative to the working directory). */
export const DEFAULT_EXPORT_DIR = join('.registre', 'returns');

/** One batch's export, as recorded in its audit entry. */
export interface ReturnedBatch {
  /** Path relative to the export directory: `<run id>/<table>/<rule>-batch-000001.json`. */
  readonly file: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  readonly rows: number;
}

/** What the export file says about where its rows come from. */
export interface ReturnOrigin {
  readonly runId: string;
  /** The run's day (YYYY-MM-DD). */
  readonly today: string;
  readonly batch: number;
}

/** The step's part of file names: its rule, with `@n` when the table names the rule twice. */
function ruleSlug(step: StepSpec): string {
  return step.id.split('/')[1] ?? step.ruleRef.rule.id;
}

/** The export file of one batch, relative to the export directory. */
export function returnFile(runId: string, step: StepSpec, batch: number): string {
  return join(runId, step.table, `${ruleSlug(step)}-batch-${String(batch).padStart(6, '0')}.json`);
}

/** Every column of the batch's rows still due, by key: the rows to return, then to delete. */
export function returnRowsQuery(db: AnyDb, step: StepSpec, keys: readonly unknown[]) {
  const key = `${step.table}.${step.key}`;
  return db
    .selectFrom(step.table)
    .selectAll(step.table)
    .where(key, 'in', [...keys])
    .where(dueCondition(step)(rootScope(step.table)))
    .orderBy(key);
}

/** The rows of a batch to return, as read in the batch's transaction, with their keys as bound. */
export async function readReturnRows(
  trx: AnyDb,
  step: StepSpec,
  keys: readonly unknown[],
  schema: SchemaInfo,
): Promise<{ keys: unknown[]; rows: Record<string, PlainValue>[] }> {
  const read = (await returnRowsQuery(trx, step, keys).execute()) as Record<string, unknown>[];
  const columns = schema.tables.get(step.table)?.columns.map((c) => c.name) ?? Object.keys(read[0] ?? {});
  const days = new Map(columns.map((c) => [c, isDayColumn(schema, step.table, c)]));
  return {
    keys: read.map((row) => row[step.key]),
    rows: read.map((row) => {
      const out: Record<string, PlainValue> = {};
      for (const column of columns) out[column] = toPlainValue(row[column], days.get(column) === true);
      return out;
    }),
  };
}

/**
 * Writes one batch's rows (complete, synced, then renamed into place) and returns the file's
 * relative path and SHA-256. Writing the same rows again gives the same bytes.
 */
export async function writeReturnFile(
  exportDir: string,
  step: StepSpec,
  origin: ReturnOrigin,
  rows: readonly Record<string, PlainValue>[],
): Promise<ReturnedBatch> {
  const file = returnFile(origin.runId, step, origin.batch);
  const path = join(exportDir, file);
  const document = {
    'registre-return': 1,
    run: origin.runId,
    day: origin.today,
    table: step.table,
    key: step.key,
    rule: step.ruleRef.rule.id,
    activity: step.ruleRef.activity.id,
    batch: origin.batch,
    rows,
  };
  const bytes = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), rows: rows.length };
}

/**
 * Removes the step's export files of batches after `lastBatch` (written, then not committed, and
 * not re-run) and temporary files left by a killed write. Call it when the step has finished.
 */
export async function removeUncommittedReturns(
  exportDir: string,
  runId: string,
  step: StepSpec,
  lastBatch: number,
): Promise<void> {
  const folder = join(exportDir, runId, step.table);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const prefix = `${ruleSlug(step)}-batch-`;
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)\.json(\.tmp-\d+)?$/.exec(name.slice(prefix.length));
    if (match === null) continue;
    if (match[2] !== undefined || Number(match[1]) > lastBatch) await rm(join(folder, name), { force: true });
  }
}
