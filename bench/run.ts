/**
 * `npm run bench`: the four benchmarks of the engine on the demo organisation, on SQLite and
 * PostgreSQL, each against a baseline measured in the same run, written to bench/RESULTS.md.
 * See README.md beside this file.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DialectName } from '../src/engine/db/types.ts';
import { type EngineContext, loadEngineContext } from '../src/engine/load-context.ts';
import { createSubjectContext } from '../src/engine/subject/context.ts';
import { benchAccess } from './access-bench.ts';
import { benchAudit } from './audit-bench.ts';
import {
  type BenchDb,
  generateSource,
  postgresWorkspace,
  sqliteWorkspace,
  type Workspace,
} from './demo-databases.ts';
import { databaseVersion, machineInfo } from './machine.ts';
import { type BenchOptions, parseBenchOptions, USAGE, UsageError } from './options.ts';
import { type BenchResults, type DialectResults, renderResults, targetsMet } from './report.ts';
import { benchScanner, demoValues, type ScannerFigures } from './scanner-bench.ts';
import { formatCount, since } from './stats.ts';
import { benchSweep } from './sweep-bench.ts';

const DEMO_DATAMAP = fileURLToPath(new URL('../examples/demo/datamap.yaml', import.meta.url));
const PROFILE_NOTES = fileURLToPath(new URL('./PROFILE.md', import.meta.url));
/** A fixed installation secret: the benchmark's hashes need one, its value does not matter. */
const SECRET = 'registre-benchmark-secret-0123456789abcdef';

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** An argument as a shell would need it quoted, for the command line shown in RESULTS.md. */
function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `fn`, logging its time; an error is recorded for the report instead of ending the run. */
/** Load averages when each phase started: other work on a shared machine shows here. */
const phases: { label: string; load: number[] }[] = [];

async function attempt<T>(label: string, errors: string[], fn: () => Promise<T>): Promise<T | undefined> {
  const start = performance.now();
  phases.push({ label, load: loadavg() });
  log(`${label}…`);
  try {
    const value = await fn();
    log(`${label}: done in ${(since(start) / 1000).toFixed(1)} s`);
    return value;
  } catch (error) {
    errors.push(`${label}: ${message(error)}`);
    log(`${label}: FAILED — ${message(error)}`);
    return undefined;
  }
}

function workspaceFor(dialect: DialectName, options: BenchOptions): Workspace {
  return dialect === 'sqlite'
    ? sqliteWorkspace(options.workDir, options.keep)
    : postgresWorkspace(options.pgUrl, options.keep);
}

interface DialectRun {
  readonly results: DialectResults;
  readonly scanner?: ScannerFigures;
  readonly version?: string;
}

async function runDialect(
  dialect: DialectName,
  options: BenchOptions,
  context: EngineContext,
  scan: boolean,
): Promise<DialectRun> {
  const errors: string[] = [];
  const workspace = workspaceFor(dialect, options);
  const owned: BenchDb[] = [];
  const results: { -readonly [K in keyof DialectResults]: DialectResults[K] } = { dialect, errors };
  let scanner: ScannerFigures | undefined;
  let version: string | undefined;
  try {
    let lastLog = 0;
    const source = await attempt(
      `${dialect}: generate ${formatCount(options.subjects)} subjects`,
      errors,
      () =>
        generateSource(workspace, options, (rows) => {
          if (performance.now() - lastLog > 5000) {
            lastLog = performance.now();
            log(`  ${formatCount(rows)} rows`);
          }
        }),
    );
    if (source === undefined) return { results };
    owned.push(source.db);
    version = await databaseVersion(source.db.target);
    results.generation = { rows: source.rows, ms: source.ms, tables: { ...source.tables } };

    const analyzeStart = performance.now();
    await workspace.analyze(source.db);
    const analyzeMs = since(analyzeStart);
    const copies = await attempt(`${dialect}: copy the database twice`, errors, async () => {
      const start = performance.now();
      const engineCopy = await workspace.copy(source.db, 'sweep_engine');
      owned.push(engineCopy);
      const handCopy = await workspace.copy(source.db, 'sweep_hand');
      owned.push(handCopy);
      if (dialect === 'postgres') {
        await workspace.analyze(engineCopy);
        await workspace.analyze(handCopy);
      }
      return { engineCopy, handCopy, ms: since(start) };
    });
    results.preparation = { analyzeMs, copyMs: copies?.ms ?? 0 };

    results.access = await attempt(`${dialect}: subject access`, errors, async () => {
      const ctx = await createSubjectContext({
        target: source.db.target,
        datamap: context.datamap,
        policy: context.policy,
        secret: SECRET,
        actor: 'cli:bench',
      });
      return benchAccess(ctx, {
        subjects: options.accessSubjects,
        warmup: options.accessWarmup,
        seed: options.seed,
      });
    });

    if (copies !== undefined) {
      results.sweep = await attempt(`${dialect}: retention sweep`, errors, () =>
        benchSweep({
          workspace,
          source: source.db,
          engineCopy: copies.engineCopy,
          handCopy: copies.handCopy,
          context,
          today: options.today,
          secret: SECRET,
          batchSize: options.batchSize,
          log,
        }),
      );
    }

    results.audit = await attempt(`${dialect}: audit trail`, errors, async () => {
      const trail = await workspace.fresh('audit_trail');
      owned.push(trail);
      const plain = await workspace.fresh('audit_plain');
      owned.push(plain);
      return benchAudit(trail, plain, { entries: options.auditEntries, secret: SECRET });
    });

    if (scan) {
      scanner = await attempt('scanner', errors, async () => {
        const values = await demoValues(source.db.target.db, options.scanValues);
        return benchScanner(values, options.scanPasses);
      });
    }
  } finally {
    for (const db of owned.reverse()) await db.dispose().catch((e) => log(`cleanup: ${message(e)}`));
    await workspace.dispose().catch((e) => log(`cleanup: ${message(e)}`));
  }
  return { results, ...(scanner ? { scanner } : {}), ...(version ? { version } : {}) };
}

/** Checks that PostgreSQL answers before spending time on SQLite. */
async function checkPostgres(url: string): Promise<void> {
  const ws = postgresWorkspace(url, false);
  try {
    const probe = await ws.fresh('probe');
    await sql`select 1`.execute(probe.target.db);
    await probe.dispose();
  } finally {
    await ws.dispose();
  }
}

/** Entry point: runs the benchmarks and writes the report; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === null) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const start = performance.now();
  const machine = machineInfo();
  if (options.dialects.includes('postgres')) {
    try {
      await checkPostgres(options.pgUrl);
    } catch (error) {
      process.stderr.write(`PostgreSQL does not answer at the --pg-url given: ${message(error)}\n`);
      return 1;
    }
  }
  const context = await loadEngineContext(DEMO_DATAMAP);
  const runs: DialectRun[] = [];
  for (const [index, dialect] of options.dialects.entries()) {
    runs.push(await runDialect(dialect, options, context, index === 0));
  }
  const scannerRun = runs.find((r) => r.scanner !== undefined);
  const results: BenchResults = {
    machine: {
      ...machine,
      databases: Object.fromEntries(runs.flatMap((r) => (r.version ? [[r.results.dialect, r.version]] : []))),
    },
    startedAt,
    totalMs: since(start),
    load: { start: loadAtStart, end: loadavg(), phases: [...phases] },
    ...(options.note !== null ? { note: options.note } : {}),
    command: `npm run bench -- ${argv.map(shellWord).join(' ')}`.trim().replace(/ --$/, ''),
    subjects: options.subjects,
    seed: options.seed,
    today: options.today.toISOString().slice(0, 10),
    dialects: runs.map((r) => r.results),
    ...(scannerRun?.scanner
      ? { scanner: { ...scannerRun.scanner, source: scannerRun.results.dialect } }
      : {}),
    errors: runs.flatMap((r) => r.results.errors.map((e) => `${r.results.dialect}: ${e}`)),
    profileNotes: existsSync(PROFILE_NOTES),
  };
  const markdown = renderResults(results);
  if (options.out !== null) {
    writeFileSync(options.out, markdown);
    log(`results written to ${options.out}`);
  }
  process.stdout.write(markdown);
  const missed = targetsMet(results).filter((t) => !t.ok);
  if (missed.length > 0) log(`targets missed: ${missed.map((t) => t.name).join(', ')}`);
  return results.errors.length > 0 ? 1 : 0;
}
