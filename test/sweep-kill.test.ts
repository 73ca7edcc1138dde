/**
 * A sweep killed with SIGKILL at random points resumes and finishes with the same data as an
 * uninterrupted run, no row processed twice and every effect audited. A real child process
 * (test/fixtures/sweep/kill-child.ts) is killed alternately right after an effect statement inside
 * a batch's transaction (`E`) and right after a commit (`C`), after a seeded random number of
 * batches, then restarted, until it reports the run finished.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_TABLE, verifyAudit } from '../src/audit/index.ts';
import type { AnyDb, DialectName } from '../src/engine/db/types.ts';
import { type EngineContext, loadEngineContext } from '../src/engine/load-context.ts';
import { executeSweep } from '../src/engine/sweep/execute-sweep.ts';
import { planSweep } from '../src/engine/sweep/plan-sweep.ts';
import { RUN_STEP_TABLE, RUN_TABLE } from '../src/engine/sweep/run-state.ts';
import { BOUNDARY_TODAY, insertBoundaryRows } from './fixtures/sweep/boundary-rows.ts';
import { createSweepSchema, seededRandom, seedSweepData } from './fixtures/sweep/schema.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const CHILD = fileURLToPath(new URL('./fixtures/sweep/kill-child.ts', import.meta.url));
const SECRET = 'k'.repeat(40);
const CLOCK = '2025-03-31T09:30:00.000Z';
const TODAY = '2025-03-31';
const BATCH = 50;
const KILLS = 10;
const TABLES = {
  customers: 'id',
  login_logs: 'id',
  invoices: 'id',
  invoice_lines: 'id',
  payments: 'id',
  prospects: 'code',
} as const;

/** Children still running (killed in `afterAll` if a test times out). */
const running = new Set<ReturnType<typeof spawn>>();

interface Round {
  readonly killedOn: 'E' | 'C' | null;
  readonly done: string | null;
  readonly stderr: string;
}

/** Runs the child; when `target` is given, SIGKILLs it on the `skip + 1`-th such marker. */
function round(url: string, target: 'E' | 'C' | null, skip: number, seed: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CHILD, url, TODAY, String(BATCH), CLOCK, String(seed)],
      { env: { ...process.env, REGISTRE_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    running.add(child);
    let buffer = '';
    let stderr = '';
    let seen = 0;
    let killedOn: Round['killedOn'] = null;
    let done: string | null = null;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        if (line.startsWith('DONE')) done = line;
        if (target !== null && killedOn === null && line === target) {
          seen += 1;
          if (seen > skip) {
            killedOn = target;
            child.kill('SIGKILL');
          }
        }
      }
    });
    child.on('error', reject);
    child.on('exit', () => {
      running.delete(child);
      resolve({ killedOn, done, stderr });
    });
  });
}

async function dump(db: AnyDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(TABLES)) {
    const rows = await db.selectFrom(table).selectAll().orderBy(key).execute();
    out[table] = rows.map((r) => JSON.parse(JSON.stringify(r)));
  }
  return out;
}

async function auditSums(db: AnyDb): Promise<{ sums: Record<string, number>; entries: number }> {
  const rows = await db.selectFrom(AUDIT_TABLE).select(['operation', 'row_counts']).execute();
  const sums: Record<string, number> = {};
  for (const row of rows) {
    for (const [table, n] of Object.entries(JSON.parse(String(row.row_counts)) as Record<string, number>)) {
      const key = `${row.operation} ${table}`;
      sums[key] = (sums[key] ?? 0) + n;
    }
  }
  return { sums, entries: rows.length };
}

async function prepare(dialect: DialectName): Promise<IsolatedTarget> {
  const iso = await isolatedTarget(dialect);
  await createSweepSchema(iso.target.db, dialect);
  await seedSweepData(iso.target.db, dialect, { customers: 700, seed: 3, today: BOUNDARY_TODAY });
  await insertBoundaryRows(iso.target.db, dialect);
  return iso;
}

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`retention sweep killed with SIGKILL on ${dialect}`, () => {
    let killed: IsolatedTarget;
    let reference: IsolatedTarget;
    let context: EngineContext;

    beforeAll(async () => {
      context = await loadEngineContext('test/fixtures/sweep/datamap.yaml');
      killed = await prepare(dialect);
      reference = await prepare(dialect);
    });
    afterAll(async () => {
      for (const child of running) child.kill('SIGKILL');
      await killed?.dispose();
      await reference?.dispose();
    });

    it('resumes and ends in the state of an uninterrupted run, each row processed once and audited', async () => {
      const db = killed.target.db;
      const plan = await planSweep(killed.target, context, { today: BOUNDARY_TODAY });
      expect(plan.errors).toEqual([]);
      expect(plan.totals.due).toBeGreaterThan(2000);
      const before = await dump(db);
      expect(await dump(reference.target.db)).toEqual(before);

      const uninterrupted = await executeSweep(reference.target, context, {
        today: BOUNDARY_TODAY,
        batchSize: BATCH,
        clock: () => new Date(CLOCK),
        secret: SECRET,
      });
      expect(uninterrupted).toMatchObject({ status: 'finished', rows: plan.totals.due });

      const random = seededRandom(dialect === 'sqlite' ? 20250331 : 31032025);
      const kills: Round[] = [];
      let last: Round | undefined;
      for (let i = 0; i < KILLS + 2 && last?.done == null; i += 1) {
        const target = i < KILLS ? (i % 2 === 0 ? 'E' : 'C') : null;
        last = await round(killed.url, target, Math.floor(random() * 5), i + 1);
        if (last.killedOn !== null) kills.push(last);
        else expect(last.stderr).toBe('');
      }
      expect(last?.done).toMatch(/^DONE finished \d+$/);
      expect(kills.filter((k) => k.killedOn === 'E').length).toBeGreaterThanOrEqual(3);
      expect(kills.filter((k) => k.killedOn === 'C').length).toBeGreaterThanOrEqual(3);

      // Same final data as the uninterrupted run.
      const after = await dump(db);
      expect(after).toEqual(await dump(reference.target.db));

      // Every effect has its audit entry, and no row was counted twice.
      const { sums, entries } = await auditSums(db);
      expect(sums).toEqual((await auditSums(reference.target.db)).sums);
      expect(Object.values(sums).reduce((a, b) => a + b, 0)).toBe(plan.totals.due);
      for (const table of ['login_logs', 'payments', 'invoices', 'prospects'] as const) {
        expect(sums[`retention.delete ${table}`], table).toBe(before[table]!.length - after[table]!.length);
      }
      const archived = (table: 'payments' | 'invoices') =>
        after[table]!.filter((r) => (r as { archived_at: unknown }).archived_at !== null).length;
      expect(sums['retention.archive payments']).toBe(archived('payments'));
      expect(sums['retention.archive invoices']).toBe(archived('invoices'));
      expect(sums['retention.anonymise customers']).toBe(
        after.customers!.filter((r) => (r as { anonymised_at: unknown }).anonymised_at !== null).length,
      );
      expect((await verifyAudit(db)).ok).toBe(true);

      // One run, resumed each time, finished; its progress rows agree with the trail.
      const runs = await db.selectFrom(RUN_TABLE).select(['status']).execute();
      expect(runs.map((r) => r.status)).toEqual(['finished']);
      const progress = await db.selectFrom(RUN_STEP_TABLE).select(['rows_done', 'batches_done']).execute();
      expect(progress.reduce((sum, p) => sum + Number(p.rows_done), 0)).toBe(plan.totals.due);
      expect(progress.reduce((sum, p) => sum + Number(p.batches_done), 0)).toBe(entries);
    }, 120_000);
  });
}
