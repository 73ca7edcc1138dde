/**
 * Benchmark 4: scanner value detection. Values are read from the generated demo database the way
 * `scanDatabase` samples them (every column but keys and foreign keys, as text, blanks left out),
 * then `detect` runs over all of them; baseline: one precompiled regular expression tested on
 * each of the same values. Several passes; the median pass counts.
 */
import { sql } from 'kysely';
import { DEMO_TABLES } from '../examples/demo/schema.ts';
import { detect } from '../src/datamap/scanner/detectors.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import { median, perSecond } from './stats.ts';

export interface ScannerFigures {
  readonly values: number;
  readonly passes: number;
  /** Share of values for which `detect` proposed at least one kind. */
  readonly matched: number;
  readonly detect: { readonly perSecond: number; readonly msPerPass: number };
  readonly regex: { readonly perSecond: number; readonly msPerPass: number };
  readonly ratio: number;
}

/** An e-mail address test, the kind of single regular expression a hand-written scanner starts with. */
const BASELINE = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** Up to `limit` values, spread evenly over the demo tables' sampled columns. */
export async function demoValues(db: AnyDb, limit: number): Promise<string[]> {
  const tables = DEMO_TABLES.map((t) => ({
    name: t.name,
    columns: t.columns.filter((c) => c.kind !== 'id' && c.references === undefined).map((c) => c.name),
  }));
  const totalColumns = tables.reduce((s, t) => s + t.columns.length, 0);
  const rowsPerTable = Math.max(1, Math.ceil(limit / totalColumns));
  const out: string[] = [];
  for (const table of tables) {
    const rows = await sql<Record<string, unknown>>`select ${sql.join(table.columns.map((c) => sql.ref(c)))}
      from ${sql.table(table.name)} order by id limit ${rowsPerTable}`.execute(db);
    for (const row of rows.rows) {
      for (const column of table.columns) {
        const text = asText(row[column]);
        if (text !== null && text.trim() !== '') out.push(text);
      }
    }
  }
  return out.slice(0, limit);
}

function timePasses(passes: number, pass: () => number): { ms: number[]; last: number } {
  const ms: number[] = [];
  let last = 0;
  pass(); // warm-up: let the JIT compile the detectors
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    last = pass();
    ms.push(performance.now() - start);
  }
  return { ms, last };
}

/** Times `detect` and the one-regex baseline over `values`, `passes` times each. */
export function benchScanner(values: readonly string[], passes: number): ScannerFigures {
  const detected = timePasses(passes, () => {
    let hits = 0;
    for (const value of values) if (detect(value).length > 0) hits += 1;
    return hits;
  });
  const regex = timePasses(passes, () => {
    let hits = 0;
    for (const value of values) if (BASELINE.test(value)) hits += 1;
    return hits;
  });
  const detectMs = median(detected.ms);
  const regexMs = median(regex.ms);
  return {
    values: values.length,
    passes,
    matched: detected.last / Math.max(1, values.length),
    detect: { perSecond: perSecond(values.length, detectMs), msPerPass: detectMs },
    regex: { perSecond: perSecond(values.length, regexMs), msPerPass: regexMs },
    ratio: perSecond(values.length, detectMs) / perSecond(values.length, regexMs),
  };
}
