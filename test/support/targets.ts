/**
 * Real databases for integration tests. Each test gets its own namespace: a temporary SQLite
 * file, a fresh PostgreSQL schema, a fresh MariaDB database — so test files can run in parallel.
 *
 * PostgreSQL and MariaDB tests run whenever the server is reachable. When it is not, they are
 * skipped with a printed reason, except under CI (`CI=true`), where the absence is a failure.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openTarget } from '../../src/engine/db/connect.ts';
import type { DialectName, TargetDb } from '../../src/engine/db/types.ts';

export const PG_URL = process.env.REGISTRE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const MYSQL_URL = process.env.REGISTRE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

const probes = new Map<DialectName, Promise<string | null>>();

/** Null when the dialect's server answers, else the reason it cannot be used. */
export function probe(dialect: DialectName): Promise<string | null> {
  let pending = probes.get(dialect);
  if (pending === undefined) {
    pending = (async () => {
      if (dialect === 'sqlite') return null;
      const target = openTarget(dialect === 'postgres' ? PG_URL : MYSQL_URL, { poolSize: 1 });
      try {
        await sql`select 1`.execute(target.db);
        return null;
      } catch (error) {
        return `${dialect} unreachable at ${dialect === 'postgres' ? PG_URL : MYSQL_URL}: ${(error as Error).message}`;
      } finally {
        await target.close().catch(() => undefined);
      }
    })();
    probes.set(dialect, pending);
  }
  return pending;
}

/**
 * The dialects to run a suite on. Unreachable servers are reported on stderr and left out;
 * under CI they make the suite fail instead.
 */
export async function availableDialects(wanted: readonly DialectName[] = ['sqlite', 'postgres', 'mysql']) {
  const out: DialectName[] = [];
  for (const dialect of wanted) {
    const reason = await probe(dialect);
    if (reason === null) out.push(dialect);
    else if (IN_CI) throw new Error(`CI=true but ${reason}`);
    else process.stderr.write(`[registre tests] skipping ${dialect}: ${reason}\n`);
  }
  return out;
}

export interface IsolatedTarget {
  readonly target: TargetDb;
  /** The URL of the isolated namespace (to hand to a child process). */
  readonly url: string;
  dispose(): Promise<void>;
}

/** A fresh, empty namespace on the given dialect. */
export async function isolatedTarget(dialect: DialectName): Promise<IsolatedTarget> {
  const name = `reg_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'registre-test-'));
    const url = `sqlite:${join(dir, 'target.db')}`;
    const target = openTarget(url);
    return {
      target,
      url,
      async dispose() {
        await target.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (dialect === 'postgres') {
    const admin = openTarget(PG_URL, { poolSize: 1 });
    await sql`create schema ${sql.id(name)}`.execute(admin.db);
    const sep = PG_URL.includes('?') ? '&' : '?';
    const url = `${PG_URL}${sep}options=${encodeURIComponent(`-c search_path=${name}`)}`;
    const target = openTarget(url);
    return {
      target,
      url,
      async dispose() {
        await target.close();
        await sql`drop schema ${sql.id(name)} cascade`.execute(admin.db);
        await admin.close();
      },
    };
  }
  const admin = openTarget(MYSQL_URL, { poolSize: 1 });
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = MYSQL_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const target = openTarget(url);
  return {
    target,
    url,
    async dispose() {
      await target.close();
      await sql`drop database ${sql.id(name)}`.execute(admin.db);
      await admin.close();
    },
  };
}
