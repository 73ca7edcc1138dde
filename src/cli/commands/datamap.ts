/**
 * `registre datamap check <datamap> [--db url]`: validates a data map (and the policy it names),
 * then checks it against the live schema of its database. Exit 0 when there is no error.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { checkDataMap } from '../../datamap/check-datamap.ts';
import { loadDataMap } from '../../datamap/load-datamap.ts';
import { openTarget, parseDatabaseUrl } from '../../engine/db/connect.ts';
import type { TargetDb } from '../../engine/db/types.ts';
import { RegistreError } from '../../errors/registry.ts';
import { createOutput, formatIssue } from '../output.ts';

/**
 * The database URL written in a data map: a relative SQLite path is taken relative to the map
 * file (as the `policy` path is), so the map works from any working directory.
 */
export function databaseUrlOfMap(mapFile: string, url: string): string {
  const base = dirname(mapFile);
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === ':memory:' || path.startsWith('//') || isAbsolute(path)) return url;
    return `sqlite:${join(base, path)}`;
  }
  if (!url.includes('://') && /\.(db|sqlite|sqlite3)$/i.test(url) && !isAbsolute(url)) return join(base, url);
  return url;
}

/**
 * The database a command acts on: `--db`, else the map's `database` (relative to the map file);
 * a usage error when neither is given.
 */
export function targetUrlOf(
  mapFile: string,
  dbOption: string | undefined,
  mapDatabase: string | undefined,
): string {
  const url = dbOption ?? (mapDatabase === undefined ? undefined : databaseUrlOfMap(mapFile, mapDatabase));
  if (url === undefined) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `${mapFile}: no database: give --db <url> or set 'database' in the map`,
    );
  }
  return url;
}

/** Parses a positive whole number option, or throws a usage error naming the option. */
export function positiveInteger(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `${name} expects a whole number of at least 1, got '${value}'`,
    );
  }
  return parsed;
}

/**
 * Opens the database at `url` and makes sure it answers (an SQLite file must exist); throws `REG_ERR_DB_UNREACHABLE` (with
 * the driver's reason, never the URL, which may hold a password) when it does not.
 */
export async function connectTarget(url: string): Promise<TargetDb> {
  const parsed = parseDatabaseUrl(url);
  // Opening a missing SQLite file would create an empty database: refuse instead.
  if (parsed.dialect === 'sqlite' && parsed.location !== ':memory:' && !existsSync(parsed.location)) {
    throw new RegistreError('REG_ERR_DB_UNREACHABLE', `SQLite database file not found: ${parsed.location}`);
  }
  const target = openTarget(url, { poolSize: 1 });
  try {
    await sql`select 1`.execute(target.db);
    return target;
  } catch (error) {
    await target.close().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new RegistreError(
      'REG_ERR_DB_UNREACHABLE',
      `cannot reach the ${target.dialect} database: ${reason}`,
      {
        cause: error,
      },
    );
  }
}

interface CheckOptions {
  readonly db?: string;
  readonly sample: string;
}

export function registerDatamapCommand(program: Command, setExit: (code: number) => void): void {
  const datamap = program
    .command('datamap')
    .description('data maps: where personal data lives in your databases');
  datamap
    .command('check')
    .description(
      'validate a data map against its policy and the live schema: exit 0 when valid, 1 otherwise; errors and warnings listed',
    )
    .argument('<datamap>', 'path to the data-map YAML file')
    .option('--db <url>', "database URL (default: the map's 'database')")
    .option('--sample <n>', 'values sampled per column to spot personal data and check dates', '200')
    .action(async (file: string, options: CheckOptions) => {
      const out = createOutput(Boolean(program.opts<{ json?: boolean }>().json));
      const sampleSize = positiveInteger('--sample', options.sample);
      const loaded = await loadDataMap(file);
      if (!loaded.ok) {
        out.result({ ok: false, file, errors: loaded.errors, warnings: loaded.warnings });
        for (const issue of [...loaded.errors, ...loaded.warnings]) out.line(formatIssue(issue));
        out.line(`${file}: invalid — ${loaded.errors.length} error(s), ${loaded.warnings.length} warning(s)`);
        setExit(1);
        return;
      }
      const url =
        options.db ??
        (loaded.datamap.database === undefined ? undefined : databaseUrlOfMap(file, loaded.datamap.database));
      if (url === undefined) {
        throw new RegistreError(
          'REG_ERR_CLI_USAGE',
          `${file}: no database to check against: give --db <url> or set 'database' in the map`,
        );
      }
      const target = await connectTarget(url);
      try {
        const schema = await target.adapter.introspect(target.db);
        const result = await checkDataMap(loaded, schema, { target, sampleSize });
        out.result({
          ok: result.ok,
          file,
          dialect: target.dialect,
          tables: Object.keys(loaded.datamap.tables).length,
          errors: result.errors,
          warnings: result.warnings,
        });
        for (const issue of [...result.errors, ...result.warnings]) out.line(formatIssue(issue));
        const tables = Object.keys(loaded.datamap.tables).length;
        out.line(
          `${file}: ${result.ok ? 'valid' : 'invalid'} against the ${target.dialect} database (${tables} mapped tables) — ${result.errors.length} error(s), ${result.warnings.length} warning(s)`,
        );
        setExit(result.ok ? 0 : 1);
      } finally {
        await target.close();
      }
    });
}
