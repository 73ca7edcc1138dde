/**
 * The benchmark's databases: one generated demo database per dialect (the source), identical
 * copies of it for the destructive benchmarks (an SQLite file copy; on PostgreSQL a fresh schema
 * filled with `insert … select` from the source schema), fresh empty namespaces for the audit
 * benchmark, and an exact comparison of two copies after a sweep.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { generateDemo } from '../examples/demo/generate.ts';
import { createDemoSchema, DEMO_TABLES, type DemoTable } from '../examples/demo/schema.ts';
import { openTarget } from '../src/engine/db/connect.ts';
import type { DialectName, TargetDb } from '../src/engine/db/types.ts';

/** One database (an SQLite file or a PostgreSQL schema) owned by the benchmark. */
export interface BenchDb {
  readonly name: string;
  readonly target: TargetDb;
  dispose(): Promise<void>;
}

export interface Workspace {
  readonly dialect: DialectName;
  /** A fresh, empty database. */
  fresh(name: string): Promise<BenchDb>;
  /** An identical copy of `source` (which must not be written to while it is copied). */
  copy(source: BenchDb, name: string): Promise<BenchDb>;
  /**
   * Rows that differ between the demo tables of `a` and `b`, per table (0 everywhere means the
   * same rows). Marker columns (`archived_at`, `anonymised_at`) hold the time of the run, so
   * only whether they are set is compared.
   */
  differences(a: BenchDb, b: BenchDb): Promise<Record<string, number>>;
  /** Collect statistics for the query planner. */
  analyze(db: BenchDb): Promise<void>;
  /** Drop everything the workspace created (unless asked to keep it). */
  dispose(): Promise<void>;
}

const MARKERS = new Set(['archived_at', 'anonymised_at']);

function comparedColumns(table: DemoTable) {
  return table.columns.map((c) =>
    MARKERS.has(c.name) ? sql`(${sql.ref(c.name)} is null)` : sql.ref(c.name),
  );
}

/** SQLite files under `dir`. */
export function sqliteWorkspace(dir: string, keep: boolean): Workspace {
  mkdirSync(dir, { recursive: true });
  const open = (name: string): BenchDb => {
    const file = join(dir, `${name}.db`);
    const target = openTarget(`sqlite:${file}`);
    return {
      name,
      target,
      async dispose() {
        await target.close();
        if (!keep) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  };
  return {
    dialect: 'sqlite',
    async fresh(name) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `${name}.db${suffix}`), { force: true });
      return open(name);
    },
    async copy(source, name) {
      // Everything committed goes into the main file, which is then copied as it is.
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(source.target.db);
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, `${name}.db${suffix}`), { force: true });
      copyFileSync(join(dir, `${source.name}.db`), join(dir, `${name}.db`));
      return open(name);
    },
    async differences(a, b) {
      const db = a.target.db;
      await sql`attach database ${join(dir, `${b.name}.db`)} as other`.execute(db);
      try {
        const out: Record<string, number> = {};
        for (const table of DEMO_TABLES) {
          const cols = sql.join(comparedColumns(table));
          const mine = sql`select ${cols} from main.${sql.id(table.name)}`;
          const theirs = sql`select ${cols} from other.${sql.id(table.name)}`;
          const result = await sql<{ n: number }>`select
              (select count(*) from (${mine} except ${theirs}) as x) +
              (select count(*) from (${theirs} except ${mine}) as y) as n`.execute(db);
          out[table.name] = Number(result.rows[0]?.n ?? 0);
        }
        return out;
      } finally {
        await sql`detach database other`.execute(db);
      }
    },
    async analyze(db) {
      await sql`analyze`.execute(db.target.db);
    },
    async dispose() {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** PostgreSQL schemas `<prefix>_<name>` in the database at `url`. */
export function postgresWorkspace(url: string, keep: boolean): Workspace {
  const prefix = `registre_bench_${randomBytes(3).toString('hex')}`;
  const admin = openTarget(url, { poolSize: 1 });
  const created: string[] = [];
  const schemaOf = (name: string) => `${prefix}_${name}`;
  const open = async (name: string): Promise<BenchDb> => {
    const schema = schemaOf(name);
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
    await sql`create schema ${sql.id(schema)}`.execute(admin.db);
    created.push(schema);
    const target = openTarget(withSearchPath(url, schema));
    return {
      name,
      target,
      async dispose() {
        await target.close();
        if (!keep) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
      },
    };
  };
  return {
    dialect: 'postgres',
    fresh: open,
    async copy(source, name) {
      const copy = await open(name);
      await createDemoSchema(copy.target.db, 'postgres');
      for (const table of DEMO_TABLES) {
        await sql`insert into ${sql.id(table.name)} select * from ${sql.id(schemaOf(source.name), table.name)}`.execute(
          copy.target.db,
        );
      }
      return copy;
    },
    async differences(a, b) {
      const out: Record<string, number> = {};
      for (const table of DEMO_TABLES) {
        const cols = sql.join(comparedColumns(table));
        const mine = sql`select ${cols} from ${sql.id(schemaOf(a.name), table.name)}`;
        const theirs = sql`select ${cols} from ${sql.id(schemaOf(b.name), table.name)}`;
        const result = await sql<{ n: string }>`select
            (select count(*) from (${mine} except ${theirs}) as x) +
            (select count(*) from (${theirs} except ${mine}) as y) as n`.execute(admin.db);
        out[table.name] = Number(result.rows[0]?.n ?? 0);
      }
      return out;
    },
    async analyze(db) {
      await sql`analyze`.execute(db.target.db);
    },
    async dispose() {
      if (!keep) {
        for (const schema of created) {
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin.db);
        }
      }
      await admin.close();
    },
  };
}

export interface GeneratedSource {
  readonly db: BenchDb;
  readonly rows: number;
  readonly tables: Readonly<Record<string, number>>;
  readonly ms: number;
}

/** Create the demo schema in a fresh database and fill it with `subjects` people. */
export async function generateSource(
  workspace: Workspace,
  options: { readonly subjects: number; readonly seed: number; readonly today: Date },
  onProgress: (rows: number) => void,
): Promise<GeneratedSource> {
  const db = await workspace.fresh('source');
  const start = performance.now();
  await createDemoSchema(db.target.db, workspace.dialect);
  const stats = await generateDemo(db.target, {
    subjects: options.subjects,
    seed: options.seed,
    today: options.today,
    onProgress: (p) => onProgress(p.totalRows),
  });
  return { db, rows: stats.totalRows, tables: stats.tables, ms: performance.now() - start };
}
