/**
 * Command-line options of `npm run bench`.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DialectName } from '../src/engine/db/types.ts';

export interface BenchOptions {
  readonly subjects: number;
  readonly dialects: readonly DialectName[];
  readonly pgUrl: string;
  readonly today: Date;
  readonly seed: number;
  readonly batchSize: number;
  readonly accessSubjects: number;
  readonly accessWarmup: number;
  readonly auditEntries: number;
  readonly scanValues: number;
  readonly scanPasses: number;
  /** Where RESULTS.md goes; null: print only. */
  readonly out: string | null;
  readonly workDir: string;
  readonly keep: boolean;
  /** A remark printed as it is near the top of RESULTS.md (e.g. that the machine was shared). */
  readonly note: string | null;
}

export const USAGE = `Usage: npm run bench -- [options]

Benchmarks of the engine on the demo organisation (examples/demo), each against a baseline measured
in the same run; writes bench/RESULTS.md.

Options:
  --subjects <n>         demo people to generate (default 1000000)
  --dialects <list>      sqlite,postgres (default both)
  --pg-url <url>         PostgreSQL database to create schemas in
                         (default $REGISTRE_BENCH_PG_URL or postgres://postgres@127.0.0.1:5432/test)
  --today <YYYY-MM-DD>   the day the data is generated and swept for (default 2025-06-15)
  --seed <n>             generator seed (default 1)
  --batch-size <n>       sweep batch size, engine and hand-written alike (default 1000)
  --access-subjects <n>  people timed in the access benchmark (default 2000, at least 200)
  --access-warmup <n>    untimed people before them (default 200)
  --audit-entries <n>    entries appended in the audit benchmark (default 200000)
  --scan-values <n>      demo values given to the scanner (default 1000000)
  --scan-passes <n>      timed passes over them (default 5)
  --out <file|->         results file (default bench/RESULTS.md; - prints only)
  --work-dir <dir>       where SQLite files go (default a new folder in the system temp dir)
  --note <text>          a remark printed near the top of RESULTS.md (e.g. other work on the machine)
  --keep                 keep the databases (SQLite files, PostgreSQL schemas) afterwards
  -h, --help             this text`;

export class UsageError extends Error {}

function whole(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    throw new UsageError(`--${name} expects a whole number ≥ ${min}, got '${value}'`);
  }
  return parsed;
}

function day(value: string | undefined): Date {
  const text = value ?? '2025-06-15';
  const date = new Date(`${text}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(text) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== text
  ) {
    throw new UsageError(`--today expects a calendar day as YYYY-MM-DD, got '${text}'`);
  }
  return date;
}

function dialects(value: string | undefined): DialectName[] {
  const list = (value ?? 'sqlite,postgres').split(',').map((d) => d.trim());
  for (const d of list) {
    if (d !== 'sqlite' && d !== 'postgres') {
      throw new UsageError(`--dialects accepts sqlite and postgres, got '${d}'`);
    }
  }
  return [...new Set(list)] as DialectName[];
}

function note(value: string | undefined): string | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (text === '' || text.length > 1000 || /[\r\n]/.test(text)) {
    throw new UsageError('--note expects one line of text, 1 to 1000 characters');
  }
  return text;
}

/** Parses the arguments after the script name; null when help was asked for. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        subjects: { type: 'string' },
        dialects: { type: 'string' },
        'pg-url': { type: 'string' },
        today: { type: 'string' },
        seed: { type: 'string' },
        'batch-size': { type: 'string' },
        'access-subjects': { type: 'string' },
        'access-warmup': { type: 'string' },
        'audit-entries': { type: 'string' },
        'scan-values': { type: 'string' },
        'scan-passes': { type: 'string' },
        out: { type: 'string' },
        'work-dir': { type: 'string' },
        keep: { type: 'boolean' },
        note: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help === true) return null;
  const text = (name: string) => values[name] as string | undefined;
  const out = text('out') ?? 'bench/RESULTS.md';
  return {
    subjects: whole('subjects', text('subjects'), 1_000_000, 3),
    dialects: dialects(text('dialects')),
    pgUrl: text('pg-url') ?? process.env.REGISTRE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    today: day(text('today')),
    seed: whole('seed', text('seed'), 1, 0),
    batchSize: whole('batch-size', text('batch-size'), 1000, 1),
    accessSubjects: whole('access-subjects', text('access-subjects'), 2000, 200),
    accessWarmup: whole('access-warmup', text('access-warmup'), 200, 0),
    auditEntries: whole('audit-entries', text('audit-entries'), 200_000, 1000),
    scanValues: whole('scan-values', text('scan-values'), 1_000_000, 1000),
    scanPasses: whole('scan-passes', text('scan-passes'), 5, 1),
    out: out === '-' ? null : out,
    workDir: text('work-dir') ?? join(tmpdir(), `registre-bench-${process.pid}`),
    keep: values.keep === true,
    note: note(text('note')),
  };
}
