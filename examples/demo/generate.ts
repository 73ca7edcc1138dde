/**
 * The demo database generator: fills the Facturo SAS schema ({@link createDemoSchema}) with
 * realistic French and Belgian people, invoices, payments and traces spread over the twelve years
 * before `today`, so that every retention rule of the demo policy has rows past their deadline,
 * rows not yet due, and rows exactly on the boundary.
 *
 * Deterministic: each table draws from its own seeded generator (mulberry32), so the same seed and
 * day give the same rows on every dialect, whatever the batch size.
 */

import type { TargetDb } from '../../src/engine/db/types.ts';
import { RegistreError } from '../../src/errors/registry.ts';
import { createWorld, type DemoRow, dateOfDay, dateOfInstant, type World } from './rows/context.ts';
import { rowSources } from './rows/index.ts';
import { DEMO_TABLES, type DemoTable } from './schema.ts';

/** Default number of people (contacts + debtors + prospects). */
export const DEFAULT_DEMO_SUBJECTS = 2000;
/** Default seed. */
export const DEFAULT_DEMO_SEED = 1;
/** Upper bound on `subjects` (the typed arrays of one run stay well under a gigabyte). */
export const MAX_DEMO_SUBJECTS = 10_000_000;
/** Rows per INSERT statement at most, whatever the dialect's parameter limit allows. */
const MAX_ROWS_PER_STATEMENT = 2000;
/** Rows the generator makes per subject, on average (measured; used for progress bars only). */
const ROWS_PER_SUBJECT = 5.1;

export interface DemoOptions {
  /** Number of people: contacts, debtors and prospects (default {@link DEFAULT_DEMO_SUBJECTS}). */
  readonly subjects?: number;
  /** Seed of the generator (default {@link DEFAULT_DEMO_SEED}); any 32-bit integer. */
  readonly seed?: number;
  /** The day the data is generated for: history runs over the 12 years before it (UTC day). */
  readonly today: Date;
  /** Called after each inserted batch. */
  readonly onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  /** Table being filled. */
  readonly table: string;
  /** Rows inserted into that table so far. */
  readonly tableRows: number;
  /** Rows inserted into all tables so far. */
  readonly totalRows: number;
}

export interface DemoStats {
  readonly subjects: number;
  readonly seed: number;
  /** The `today` used, as YYYY-MM-DD. */
  readonly today: string;
  /** Rows inserted per table, in insertion (foreign-key) order. */
  readonly tables: Readonly<Record<string, number>>;
  readonly totalRows: number;
}

/** Approximate number of rows a run with `subjects` people inserts (for progress bars). */
export function estimateDemoRows(subjects: number): number {
  return Math.round(subjects * ROWS_PER_SUBJECT);
}

function validate(options: DemoOptions): { subjects: number; seed: number; today: Date } {
  const subjects = options.subjects ?? DEFAULT_DEMO_SUBJECTS;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(subjects) || subjects < 3 || subjects > MAX_DEMO_SUBJECTS) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `demo subjects must be a whole number from 3 to ${MAX_DEMO_SUBJECTS}, got ${String(subjects)}`,
    );
  }
  if (!Number.isInteger(seed) || seed < -2_147_483_648 || seed > 4_294_967_295) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `demo seed must be a 32-bit whole number, got ${String(seed)}`,
    );
  }
  if (Number.isNaN(options.today.getTime())) {
    throw new RegistreError('REG_ERR_CLI_USAGE', 'demo today is not a valid date (expected YYYY-MM-DD)');
  }
  return { subjects, seed, today: options.today };
}

/** Insert rows in multi-row statements sized by the dialect's parameter limit, one transaction each. */
async function insertRows(
  target: TargetDb,
  table: DemoTable,
  rows: Iterable<DemoRow>,
  progress: (tableRows: number, batch: number) => void,
): Promise<number> {
  const { adapter } = target;
  const perStatement = Math.max(
    1,
    Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(adapter.maxParameters / table.columns.length)),
  );
  const days = table.columns.filter((c) => c.kind === 'day').map((c) => c.name);
  const instants = table.columns.filter((c) => c.kind === 'instant').map((c) => c.name);
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  const flush = async () => {
    const values = batch;
    batch = [];
    await target.db.transaction().execute((trx) => trx.insertInto(table.name).values(values).execute());
    count += values.length;
    progress(count, values.length);
  };
  for (const row of rows) {
    const out: Record<string, unknown> = { ...row };
    for (const name of days) {
      const v = row[name];
      if (typeof v === 'number') out[name] = adapter.dayParam(dateOfDay(v));
    }
    for (const name of instants) {
      const v = row[name];
      if (typeof v === 'number') out[name] = adapter.timeParam(dateOfInstant(v));
    }
    batch.push(out);
    if (batch.length >= perStatement) await flush();
  }
  if (batch.length > 0) await flush();
  return count;
}

/**
 * Fill the demo schema (created beforehand with `createDemoSchema`, and empty) with `subjects`
 * people and everything that hangs off them, in foreign-key order.
 *
 * @param target the organisation database to fill
 * @param options subjects, seed and the day the data is generated for
 * @returns the number of rows inserted per table
 */
export async function generateDemo(target: TargetDb, options: DemoOptions): Promise<DemoStats> {
  const { subjects, seed, today } = validate(options);
  const world: World = createWorld(seed, today, subjects);
  const sources = rowSources(world, subjects);
  const tables: Record<string, number> = {};
  let totalRows = 0;
  for (const table of DEMO_TABLES) {
    const rows = sources[table.name];
    if (rows === undefined) throw new Error(`no row source for demo table ${table.name}`);
    tables[table.name] = await insertRows(target, table, rows(), (tableRows, batch) => {
      totalRows += batch;
      options.onProgress?.({ table: table.name, tableRows, totalRows });
    });
  }
  return { subjects, seed, today: dateOfDay(world.today).toISOString().slice(0, 10), tables, totalRows };
}
