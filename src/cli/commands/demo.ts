/**
 * `registre demo generate`: creates the database of Facturo SAS, the demo organisation
 * (examples/demo), and fills it with realistic, deterministic data for the retention sweeps,
 * subject requests, the scanner and the benchmarks to work on.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { sql } from 'kysely';
import {
  DEFAULT_DEMO_SEED,
  DEFAULT_DEMO_SUBJECTS,
  type DemoStats,
  estimateDemoRows,
} from '../../../examples/demo/generate.ts';
import { setupDemoDatabase } from '../../../examples/demo/setup-demo-database.ts';
import { openTarget, parseDatabaseUrl } from '../../engine/db/connect.ts';
import type { TargetDb } from '../../engine/db/types.ts';
import { RegistreError } from '../../errors/registry.ts';
import { createOutput } from '../output.ts';

interface GenerateOptions {
  readonly db: string;
  readonly subjects: string;
  readonly seed: string;
  readonly today?: string;
  readonly reset?: boolean;
}

/** Parses `--today YYYY-MM-DD` (a real calendar day) to midnight UTC. */
export function parseDemoDay(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match === null ? new Date(Number.NaN) : new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `--today expects a calendar day as YYYY-MM-DD, got '${value}'`,
    );
  }
  return date;
}

function wholeNumber(name: string, value: string, min: number, max: number): number {
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `${name} expects a whole number from ${min} to ${max}, got '${value}'`,
    );
  }
  return parsed;
}

/** Opens the database (creating an SQLite file and its folder when missing) and checks it answers. */
async function openDemoTarget(url: string): Promise<TargetDb> {
  const parsed = parseDatabaseUrl(url);
  if (parsed.dialect === 'sqlite' && parsed.location !== ':memory:') {
    mkdirSync(dirname(parsed.location), { recursive: true });
  }
  const target = openTarget(url, { poolSize: 1 });
  try {
    await sql`select 1`.execute(target.db);
    return target;
  } catch (error) {
    await target.close().catch(() => undefined);
    throw new RegistreError(
      'REG_ERR_DB_UNREACHABLE',
      `cannot reach the ${target.dialect} database: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

/** Table counts as aligned lines. */
export function formatDemoStats(stats: DemoStats): string[] {
  const names = Object.keys(stats.tables);
  const width = Math.max(...names.map((n) => n.length), 'total'.length);
  return [
    ...names.map((name) => `  ${name.padEnd(width)}  ${String(stats.tables[name] ?? 0).padStart(10)}`),
    `  ${'total'.padEnd(width)}  ${String(stats.totalRows).padStart(10)}`,
  ];
}

/**
 * Registers `demo generate` under the `demo` command (created when absent, reused when the lead's
 * `demo` command already exists); returns the `demo` command. Failures are thrown as
 * RegistreError (usage, unreachable database), so `setExit` is not needed by this command.
 */
export function registerDemoCommand(program: Command, _setExit: (code: number) => void): Command {
  const demo =
    program.commands.find((c) => c.name() === 'demo') ??
    program.command('demo').description('the Facturo SAS demo organisation');
  demo
    .command('generate')
    .description('create the demo database schema and fill it with realistic, deterministic data')
    .requiredOption('--db <url>', 'database URL: sqlite:path.db, postgres://…, mysql://…')
    .option(
      '--subjects <n>',
      'number of people (contacts, debtors, prospects)',
      String(DEFAULT_DEMO_SUBJECTS),
    )
    .option('--seed <n>', 'seed of the generator (same seed, same rows)', String(DEFAULT_DEMO_SEED))
    .option('--today <YYYY-MM-DD>', 'the day the history ends (default: today, UTC)')
    .option('--reset', 'drop the demo tables first when they exist')
    .action(async (options: GenerateOptions) => {
      const json = Boolean(program.opts<{ json?: boolean }>().json);
      const out = createOutput(json);
      const subjects = wholeNumber('--subjects', options.subjects, 3, 10_000_000);
      const seed = wholeNumber('--seed', options.seed, 0, 4_294_967_295);
      const today = options.today === undefined ? new Date() : parseDemoDay(options.today);
      const target = await openDemoTarget(options.db);
      let bar: SingleBar | undefined;
      try {
        if (process.stderr.isTTY === true && !json) {
          bar = new SingleBar({
            format: 'generating {bar} {value}/{total} rows | {rate} rows/s | {table}',
            stream: process.stderr,
            hideCursor: true,
          });
          bar.start(estimateDemoRows(subjects), 0, { rate: 0, table: '' });
        }
        const started = performance.now();
        const stats = await setupDemoDatabase(target, {
          subjects,
          seed,
          today,
          reset: options.reset === true,
          onProgress: ({ table, totalRows }) => {
            const seconds = (performance.now() - started) / 1000;
            if (bar !== undefined && totalRows > bar.getTotal()) bar.setTotal(totalRows);
            bar?.update(totalRows, { table, rate: seconds > 0 ? Math.round(totalRows / seconds) : 0 });
          },
        });
        bar?.setTotal(stats.totalRows);
        bar?.update(stats.totalRows, { table: '' });
        bar?.stop();
        bar = undefined;
        const seconds = (performance.now() - started) / 1000;
        out.result({ ok: true, dialect: target.dialect, ...stats, seconds: Number(seconds.toFixed(2)) });
        out.line(
          `Facturo demo database created (${target.dialect}): ${stats.subjects} subjects, seed ${stats.seed}, today ${stats.today}, ${stats.totalRows} rows in ${seconds.toFixed(1)} s`,
        );
        for (const line of formatDemoStats(stats)) out.line(line);
      } finally {
        bar?.stop();
        await target.close();
      }
    });
  return demo;
}
