/**
 * Benchmark 1: retention sweep throughput. The engine (`executeSweep`, audit trail and run state
 * included) and the hand-written SQL of hand-sweep.ts run on two identical copies of the demo
 * database, with the same day, cut-offs and batch size; the two copies must end identical.
 */
import { sql } from 'kysely';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import type { EngineContext } from '../src/engine/load-context.ts';
import { executeSweep } from '../src/engine/sweep/execute-sweep.ts';
import { planSweep } from '../src/engine/sweep/plan-sweep.ts';
import type { SweepPlan } from '../src/engine/sweep/types.ts';
import type { BenchDb, Workspace } from './demo-databases.ts';
import { handSteps, runHandSweep } from './hand-sweep.ts';
import { perSecond, since } from './stats.ts';

export interface SweepStepFigures {
  readonly id: string;
  readonly engineRows: number;
  /** Rows of the batches timed in `engineMs` (the run's first batch is in the start-up). */
  readonly engineTimedRows: number;
  readonly handRows: number;
  /**
   * Engine time of the step, between its progress callbacks (batches committed); the first batch
   * of the run is counted in `engineStartupMs` instead.
   */
  readonly engineMs: number;
  readonly handMs: number;
  /** The engine anonymises this step's rows one UPDATE per row (hash, mask or generalise). */
  readonly rowByRow: boolean;
}

export interface SweepFigures {
  /** Rows due according to the plan. */
  readonly due: number;
  /** `planSweep` alone on the source database (the engine plans again inside `executeSweep`). */
  readonly planMs: number;
  readonly engine: { readonly rows: number; readonly ms: number; readonly rowsPerSecond: number };
  /** From the call of `executeSweep` to its first committed batch: schemas, plan, run row, one batch. */
  readonly engineStartupMs: number;
  readonly hand: { readonly rows: number; readonly ms: number; readonly rowsPerSecond: number };
  /** Engine rows/s ÷ hand-written rows/s. */
  readonly ratio: number;
  readonly steps: readonly SweepStepFigures[];
  readonly auditEntries: number;
  readonly auditOk: boolean;
  /** Rows that differ between the two copies afterwards (must be 0). */
  readonly differences: number;
  readonly batchSize: number;
}

export interface SweepInputs {
  readonly workspace: Workspace;
  readonly source: BenchDb;
  /** Two identical copies of the source, made before anything else wrote to it. */
  readonly engineCopy: BenchDb;
  readonly handCopy: BenchDb;
  readonly context: EngineContext;
  readonly today: Date;
  readonly secret: string;
  readonly batchSize: number;
  readonly log: (line: string) => void;
}

/** Whether the data map anonymises `table` with a method computed per row in JavaScript. */
function anonymisedRowByRow(context: EngineContext, table: string, effect: string): boolean {
  const erasure = context.datamap.tables[table]?.erasure;
  if (effect !== 'anonymise' || erasure?.strategy !== 'anonymise') return false;
  return Object.values(erasure.columns).some((m) => m === 'hash' || m === 'mask' || m === 'generalise');
}

/** Writes pending pages out before a timed run, so that neither run pays for the other's writes. */
async function settle(db: BenchDb): Promise<void> {
  if (db.target.dialect === 'postgres') await sql`checkpoint`.execute(db.target.db);
  else await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db.target.db);
}

/** Runs both sweeps and compares them. Throws when the copies end different or rows counts differ. */
export async function benchSweep(inputs: SweepInputs): Promise<SweepFigures> {
  const { log, batchSize } = inputs;
  const planStart = performance.now();
  const plan: SweepPlan = await planSweep(inputs.source.target, inputs.context, { today: inputs.today });
  const planMs = since(planStart);
  if (plan.errors.length > 0) throw new Error(`the demo sweep plan has errors:\n${plan.errors.join('\n')}`);
  log(`  plan: ${plan.totals.due} rows due (${Math.round(planMs)} ms)`);

  await settle(inputs.engineCopy);
  const stepMs = new Map<string, number>();
  const engineStart = performance.now();
  let last = engineStart;
  let startupMs: number | undefined;
  let startup = { step: '', rows: 0 };
  const result = await executeSweep(inputs.engineCopy.target, inputs.context, {
    today: inputs.today,
    batchSize,
    secret: inputs.secret,
    actor: 'job:bench',
    onProgress: (p) => {
      const now = performance.now();
      if (startupMs === undefined) {
        startupMs = now - last;
        startup = { step: p.step, rows: p.stepRows };
      } else stepMs.set(p.step, (stepMs.get(p.step) ?? 0) + (now - last));
      last = now;
    },
  });
  const engineMs = since(engineStart);
  if (result.status !== 'finished') {
    const failed = result.steps.filter((s) => s.status === 'failed').map((s) => `${s.step}: ${s.error}`);
    throw new Error(`the engine's sweep did not finish (${result.status}):\n${failed.join('\n')}`);
  }
  log(`  engine: ${result.rows} rows in ${Math.round(engineMs)} ms`);

  await settle(inputs.handCopy);
  const steps = handSteps(plan, inputs.handCopy.target.dialect, inputs.secret);
  const hand = await runHandSweep(inputs.handCopy.target.db, steps, batchSize);
  log(`  hand-written SQL: ${hand.rows} rows in ${Math.round(hand.ms)} ms`);

  const diff = await inputs.workspace.differences(inputs.engineCopy, inputs.handCopy);
  const differences = Object.values(diff).reduce((sum, n) => sum + n, 0);
  const figures: SweepStepFigures[] = plan.steps
    .filter((s) => s.effect !== 'keep')
    .map((s) => {
      const engineRows = result.steps.find((r) => r.step === s.id)?.rows ?? 0;
      return {
        id: s.id,
        engineRows,
        engineTimedRows: engineRows - (startup.step === s.id ? startup.rows : 0),
        handRows: hand.steps.find((r) => r.id === s.id)?.rows ?? 0,
        engineMs: stepMs.get(s.id) ?? 0,
        handMs: hand.steps.find((r) => r.id === s.id)?.ms ?? 0,
        rowByRow: anonymisedRowByRow(inputs.context, s.table, s.effect),
      };
    });
  const mismatched = figures.filter((f) => f.engineRows !== f.handRows);
  if (differences > 0 || mismatched.length > 0 || result.rows !== plan.totals.due) {
    const tables = Object.entries(diff).filter(([, n]) => n > 0);
    throw new Error(
      `the engine and the hand-written sweep disagree: plan ${plan.totals.due} rows, engine ${result.rows}, hand ${hand.rows}; ` +
        `steps ${mismatched.map((f) => `${f.id} (${f.engineRows} vs ${f.handRows})`).join(', ') || 'agree'}; ` +
        `differing rows ${tables.map(([t, n]) => `${t}: ${n}`).join(', ') || 'none'}`,
    );
  }
  const audit = await verifyAudit(inputs.engineCopy.target.db);
  const engineRate = perSecond(result.rows, engineMs);
  const handRate = perSecond(hand.rows, hand.ms);
  return {
    due: plan.totals.due,
    planMs,
    engine: { rows: result.rows, ms: engineMs, rowsPerSecond: engineRate },
    engineStartupMs: startupMs ?? engineMs,
    hand: { rows: hand.rows, ms: hand.ms, rowsPerSecond: handRate },
    ratio: handRate > 0 ? engineRate / handRate : Number.NaN,
    steps: figures,
    auditEntries: audit.entries,
    auditOk: audit.ok,
    differences,
    batchSize,
  };
}
