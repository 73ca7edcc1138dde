/**
 * The five seed policies enforced end to end, on every available dialect: each seed's database
 * (examples/seeds/<slug>/schema.ts) is generated for the seed's fixed day, its data map checks
 * clean against the live schema, the sweep's plan equals hand-written SQL with literal dates rule
 * by rule, executing it deletes, anonymises or archives exactly those rows (held and blocked rows
 * stay), a second run has nothing to do, one subject request per seed respects the policy's
 * limits, and the audit trail verifies.
 *
 * Every retention rule of a policy is either bound to a trigger column in the seed's data map or
 * listed, with its reason, in the seed's `outsideDatabase` (test/seeds-enforced/<slug>.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedTable } from '../examples/seeds/shared/schema-kit.ts';
import type { SeedStats } from '../examples/seeds/shared/seed-module.ts';
import { at } from '../examples/seeds/shared/timeline.ts';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import { checkDataMap } from '../src/datamap/check-datamap.ts';
import { type LoadedDataMap, loadDataMapOrThrow } from '../src/datamap/load-datamap.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import { buildEngineContext } from '../src/engine/load-context.ts';
import { createSubjectContext } from '../src/engine/subject/context.ts';
import { executeSweep } from '../src/engine/sweep/execute-sweep.ts';
import { planSweep } from '../src/engine/sweep/plan-sweep.ts';
import { seed000 } from './seeds-enforced/000-e-invoicing.ts';
import { seed001 } from './seeds-enforced/001-wimi.ts';
import { seed002 } from './seeds-enforced/002-invoice-managers.ts';
import { seed003 } from './seeds-enforced/003-clearnox.ts';
import { seed004 } from './seeds-enforced/004-certilience.ts';
import { byNumber, keysOf, type SeedCase } from './seeds-enforced/seed-case.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const SEEDS: readonly SeedCase[] = [seed000, seed001, seed002, seed003, seed004];
const SECRET = 'seeds-enforced-test-secret-0123456789abcdef';
const RETENTION_OPERATIONS = ['retention.archive', 'retention.delete', 'retention.anonymise'];

type Rows = Map<string, Record<string, unknown>>;

/** Every row of every seed table, by key (as text). */
async function snapshot(db: AnyDb, tables: readonly SeedTable[]): Promise<Map<string, Rows>> {
  const out = new Map<string, Rows>();
  for (const table of tables) {
    const rows = await db.selectFrom(table.name).selectAll().execute();
    out.set(table.name, new Map(rows.map((row) => [String(row.id), row as Record<string, unknown>])));
  }
  return out;
}

function without(
  row: Record<string, unknown> | undefined,
  columns: readonly string[],
): Record<string, unknown> {
  const out = { ...row };
  for (const column of columns) delete out[column];
  return out;
}

describe('seed policies: every retention rule is bound to a column or listed with its reason', () => {
  for (const seed of SEEDS) {
    it(seed.slug, async () => {
      const loaded = await loadDataMapOrThrow(seed.datamapFile);
      const rules = loaded.policy.policy.activities.flatMap((a) => a.retention.map((r) => r.id)).sort();
      const bound = [
        ...new Set(Object.values(loaded.datamap.tables).flatMap((t) => t.retention.map((r) => r.rule))),
      ];
      const listed = Object.keys(seed.outsideDatabase);
      expect(listed.filter((rule) => bound.includes(rule))).toEqual([]);
      expect([...bound, ...listed].sort()).toEqual(rules);
      for (const reason of Object.values(seed.outsideDatabase)) expect(reason.length).toBeGreaterThan(40);
      // Each bound (table, rule) is checked by an end step of the expected sweep.
      const boundSteps = Object.entries(loaded.datamap.tables).flatMap(([table, t]) =>
        t.retention.map((r) => `${table}/${r.rule}/end`),
      );
      expect(
        seed.steps
          .filter((s) => s.step.endsWith('/end'))
          .map((s) => s.step)
          .sort(),
      ).toEqual(boundSteps.sort());
    });
  }

  for (const seed of SEEDS) {
    it(`${seed.slug}: every clause beyond a plain period is listed with how it is carried out`, async () => {
      const loaded = await loadDataMapOrThrow(seed.datamapFile);
      const special = loaded.policy.policy.activities
        .flatMap((a) => a.retention)
        .filter(
          (r) =>
            (r.endsEarlierOn?.length ?? 0) > 0 ||
            r.longerWithConsent === true ||
            r.renewalRequest === true ||
            r.endAction === 'return-and-delete',
        )
        .map((r) => r.id);
      expect(Object.keys(seed.beyondTheSweep).sort()).toEqual(special.sort());
    });
  }

  it('seed 002 states no retention period at all: nothing to bind, nothing to list', async () => {
    const loaded = await loadDataMapOrThrow(seed002.datamapFile);
    expect(loaded.policy.policy.activities.flatMap((a) => a.retention)).toEqual([]);
  });
});

for (const dialect of await availableDialects()) {
  describe(`seed databases on ${dialect}`, () => {
    for (const seed of SEEDS) {
      describe(seed.slug, () => {
        let iso: IsolatedTarget | undefined;
        let loaded: LoadedDataMap;
        let stats: SeedStats;
        const today = seed.example.today;
        const db = () => (iso as IsolatedTarget).target.db;

        beforeAll(async () => {
          iso = await isolatedTarget(dialect);
          loaded = await loadDataMapOrThrow(seed.datamapFile);
          await seed.example.createSchema(iso.target.db, dialect);
          stats = await seed.example.generate(iso.target);
        });
        afterAll(async () => {
          await iso?.dispose();
        });

        it('the data map checks clean against the live schema and sampled values', async () => {
          const target = (iso as IsolatedTarget).target;
          const check = await checkDataMap(loaded, await target.adapter.introspect(target.db), { target });
          expect(check.errors.map((e) => e.message)).toEqual([]);
          expect(check.warnings.map((w) => w.message)).toEqual([]);
          expect(check.ok).toBe(true);
        });

        it('plans exactly the hand-counted rows, executes exactly them, and then has nothing left', async () => {
          const target = (iso as IsolatedTarget).target;
          const context = buildEngineContext(loaded);
          expect(stats.today).toBe(today.toISOString().slice(0, 10));

          const expected = new Map<
            string,
            { due: string[]; held: string[]; blocked: string[]; done: string[] }
          >();
          for (const step of seed.steps) {
            const keys = async (query: string | undefined) =>
              query === undefined ? [] : keysOf(db(), query);
            expected.set(step.step, {
              due: await keys(step.due),
              held: await keys(step.held),
              blocked: await keys(step.blocked),
              done: await keys(step.done),
            });
          }
          // The generator's own count (isPeriodOver) agrees with the hand-written SQL, and every
          // rule has rows on both sides of its deadline.
          const tallied = seed.steps.filter((s) => s.tally !== undefined).map((s) => s.tally);
          expect(tallied.sort()).toEqual(Object.keys(stats.deadlines).sort());
          for (const step of seed.steps) {
            if (step.tally === undefined) continue;
            const e = expected.get(step.step);
            const count = stats.deadlines[step.tally];
            expect(count?.past, step.step).toBe(
              (e?.due.length ?? 0) + (e?.held.length ?? 0) + (e?.blocked.length ?? 0) + (e?.done.length ?? 0),
            );
            expect(count?.past, step.step).toBeGreaterThan(0);
            expect(count?.notPast, step.step).toBeGreaterThan(0);
          }

          // Clauses bound in the data map change the rows: some rows are due only because an
          // event ended their period early, some past their deadline stay with consent.
          for (const step of seed.steps) {
            const e = expected.get(step.step);
            if (step.dueByClause !== undefined) {
              const early = await keysOf(db(), step.dueByClause);
              expect(early.length, `${step.step} dueByClause`).toBeGreaterThan(0);
              expect(
                early.filter((k) => !e?.due.includes(k)),
                step.step,
              ).toEqual([]);
            }
            if (step.keptByClause !== undefined) {
              const kept = await keysOf(db(), step.keptByClause);
              expect(kept.length, `${step.step} keptByClause`).toBeGreaterThan(0);
              const processed = [...(e?.due ?? []), ...(e?.held ?? []), ...(e?.blocked ?? [])];
              expect(
                kept.filter((k) => processed.includes(k)),
                step.step,
              ).toEqual([]);
            }
          }

          const plan = await planSweep(target, context, { today });
          expect(plan.errors).toEqual([]);
          expect(plan.warnings).toEqual([]);
          expect(plan.steps.map((s) => s.id).sort()).toEqual(seed.steps.map((s) => s.step).sort());
          for (const step of plan.steps) {
            const want = seed.steps.find((s) => s.step === step.id);
            const e = expected.get(step.id);
            expect(step.effect, step.id).toBe(want?.effect);
            expect(step.rows, step.id).toEqual({
              pastDeadline: (e?.due.length ?? 0) + (e?.held.length ?? 0) + (e?.blocked.length ?? 0),
              due: e?.due.length,
              held: e?.held.length,
              blocked: e?.blocked.length,
              restricted: 0,
            });
          }
          const totalDue = [...expected.values()].reduce((n, e) => n + e.due.length, 0);
          expect(plan.totals.due).toBe(totalDue);

          const before = await snapshot(db(), seed.example.tables);
          const result = await executeSweep(target, context, {
            today,
            secret: SECRET,
            batchSize: 4,
            clock: () => at(today, 3),
          });
          expect(result.status).toBe(totalDue === 0 ? 'nothing-due' : 'finished');
          expect(result.rows).toBe(totalDue);
          expect(result.steps.filter((s) => s.status === 'failed')).toEqual([]);
          const after = await snapshot(db(), seed.example.tables);

          for (const table of seed.example.tables) {
            const mapping = loaded.datamap.tables[table.name];
            const steps = seed.steps.filter((s) => s.step.startsWith(`${table.name}/`));
            const dueOf = (effect: string) =>
              new Set(
                steps.filter((s) => s.effect === effect).flatMap((s) => expected.get(s.step)?.due ?? []),
              );
            const deleted = dueOf('delete');
            const anonymised = dueOf('anonymise');
            const archived = dueOf('archive');
            // Foreign keys ON DELETE SET NULL lose their parent when it is deleted.
            const setNull = table.columns.filter((c) => c.onDelete === 'set null').map((c) => c.name);
            const rowsBefore = before.get(table.name) as Rows;
            const rowsAfter = after.get(table.name) as Rows;
            expect([...rowsAfter.keys()].sort(byNumber), table.name).toEqual(
              [...rowsBefore.keys()].filter((k) => !deleted.has(k)).sort(byNumber),
            );
            const erasure = mapping?.erasure;
            const marker = erasure?.strategy === 'anonymise' ? erasure.marker : undefined;
            const archivedAt = mapping?.retention.find((r) => r.archivedAt !== undefined)?.archivedAt;
            for (const [key, row] of rowsAfter) {
              const old = rowsBefore.get(key);
              if (anonymised.has(key) && erasure?.strategy === 'anonymise' && marker !== undefined) {
                expect(row[marker], `${table.name} ${key}`).not.toBeNull();
                for (const [column, method] of Object.entries(erasure.columns)) {
                  if (method === 'null') expect(row[column]).toBeNull();
                  else if (typeof method === 'object') expect(row[column]).toBe(method.value);
                  else if (old?.[column] !== null) expect(row[column]).not.toEqual(old?.[column]);
                }
                const untouched = [...Object.keys(erasure.columns), marker, ...setNull];
                expect(without(row, untouched)).toEqual(without(old, untouched));
              } else if (archived.has(key) && archivedAt !== undefined) {
                expect(old?.[archivedAt]).toBeNull();
                expect(row[archivedAt], `${table.name} ${key}`).not.toBeNull();
                expect(without(row, [archivedAt, ...setNull])).toEqual(
                  without(old, [archivedAt, ...setNull]),
                );
              } else {
                // Not due (held, blocked, not past, already processed): exactly as it was.
                expect(without(row, setNull), `${table.name} ${key}`).toEqual(without(old, setNull));
              }
            }
          }

          // One audit entry per batch, whose row counts add up to the rows processed per table.
          const entries = await db()
            .selectFrom('registre_audit')
            .select(['operation', 'row_counts'])
            .where('operation', 'in', RETENTION_OPERATIONS)
            .execute();
          const audited: Record<string, number> = {};
          for (const entry of entries) {
            for (const [table, n] of Object.entries(
              JSON.parse(String(entry.row_counts)) as Record<string, number>,
            )) {
              audited[table] = (audited[table] ?? 0) + n;
            }
          }
          const processed: Record<string, number> = {};
          for (const [id, e] of expected) {
            const table = id.split('/')[0] as string;
            if (e.due.length > 0) processed[table] = (processed[table] ?? 0) + e.due.length;
          }
          expect(audited).toEqual(processed);

          const again = await planSweep(target, context, { today });
          expect(again.totals.due).toBe(0);
          const rerun = await executeSweep(target, context, {
            today,
            secret: SECRET,
            clock: () => at(today, 4),
          });
          expect(rerun.status).toBe('nothing-due');
        });

        it('answers one subject request within the policy’s limits', async () => {
          const target = (iso as IsolatedTarget).target;
          const ctx = await createSubjectContext({
            target,
            datamap: loaded.datamap,
            policy: loaded.policy,
            secret: SECRET,
            actor: 'cli:seed-test',
            clock: () => at(today, 12),
          });
          await seed.subjectRequest({ target, loaded, ctx });
        });

        it('leaves an audit trail that verifies', async () => {
          const verification = await verifyAudit(db());
          expect(verification.problems).toEqual([]);
          expect(verification.ok).toBe(true);
          expect(verification.entries).toBeGreaterThan(0);
        });
      });
    }
  });
}
