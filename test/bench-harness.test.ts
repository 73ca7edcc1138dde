/**
 * The benchmark harness's own safety net (bench/sweep-bench.ts, bench/demo-databases.ts): the
 * sweep benchmark must fail when the engine's copy and the hand-written baseline's copy do not
 * end with the same rows, whether the difference shows in a step's row count or only in a value.
 * Tiny demo on SQLite only; no timing is asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchDb, generateSource, sqliteWorkspace, type Workspace } from '../bench/demo-databases.ts';
import { benchSweep } from '../bench/sweep-bench.ts';
import { type EngineContext, loadEngineContext } from '../src/engine/load-context.ts';

const DEMO_DATAMAP = fileURLToPath(new URL('../examples/demo/datamap.yaml', import.meta.url));
const TODAY = new Date('2025-06-15T00:00:00Z');
const SECRET = 'registre-benchmark-test-secret-0123456789';

describe('benchmark harness: the sweep baseline must end identical to the engine', () => {
  let dir: string;
  let workspace: Workspace;
  let context: EngineContext;
  let source: BenchDb;
  const owned: BenchDb[] = [];
  let copies = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'registre-bench-test-'));
    workspace = sqliteWorkspace(dir, false);
    context = await loadEngineContext(DEMO_DATAMAP);
    source = (await generateSource(workspace, { subjects: 300, seed: 1, today: TODAY }, () => {})).db;
    owned.push(source);
  });

  afterAll(async () => {
    for (const db of owned.reverse()) await db.dispose();
    await workspace?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function twoCopies() {
    copies += 1;
    const engineCopy = await workspace.copy(source, `engine_${copies}`);
    owned.push(engineCopy);
    const handCopy = await workspace.copy(source, `hand_${copies}`);
    owned.push(handCopy);
    return { engineCopy, handCopy };
  }

  const sweep = (copy: { engineCopy: BenchDb; handCopy: BenchDb }) =>
    benchSweep({
      workspace,
      source,
      ...copy,
      context,
      today: TODAY,
      secret: SECRET,
      batchSize: 50,
      log: () => {},
    });

  it('passes on identical copies: same rows deleted and updated, audit trail verified', async () => {
    const copy = await twoCopies();
    const figures = await sweep(copy);
    expect(figures.due).toBeGreaterThan(0);
    expect(figures.engine.rows).toBe(figures.due);
    expect(figures.hand.rows).toBe(figures.due);
    expect(figures.differences).toBe(0);
    for (const step of figures.steps) expect(step.handRows, step.id).toBe(step.engineRows);
    expect(figures.auditOk).toBe(true);
    expect(figures.auditEntries).toBeGreaterThan(0);
  });

  it('compares every column: one changed value in a row the sweep keeps is a difference', async () => {
    const copy = await twoCopies();
    expect(
      Object.values(await workspace.differences(copy.engineCopy, copy.handCopy)).every((n) => n === 0),
    ).toBe(true);
    await sql`update invoices set amount_cents = amount_cents + 1
      where id = (select min(id) from invoices)`.execute(copy.handCopy.target.db);
    const diff = await workspace.differences(copy.engineCopy, copy.handCopy);
    // The row as it is in each copy: one on each side of the comparison.
    expect(diff.invoices).toBe(2);
    await expect(sweep(copy)).rejects.toThrow(/disagree.*invoices: 2/s);
  });

  it('fails when the baseline processes a different number of rows in a step', async () => {
    const copy = await twoCopies();
    // The oldest login event is due for deletion; made recent in the baseline's copy only, the
    // hand-written step deletes one row fewer than the engine.
    await sql`update login_events set at = ${'2025-06-14T12:00:00.000Z'}
      where id = (select id from login_events order by at limit 1)`.execute(copy.handCopy.target.db);
    await expect(sweep(copy)).rejects.toThrow(/disagree.*login_events\/security-logs\/end/s);
  });
});
