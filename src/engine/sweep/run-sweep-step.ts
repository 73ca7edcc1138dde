/**
 * One step of a sweep, run to completion batch after batch. Each batch is one transaction:
 * select the next keys still due (after the cursor), leave out restricted keys, apply the effect,
 * append the batch's audit entry and count it in the run's progress row — all committed together
 * or not at all. A `return-and-delete` step first writes the batch's rows to an export file
 * (return-rows.ts), before the transaction commits. A failing batch ends the step with a result,
 * not an exception.
 */
import { appendAudit } from '../../audit/append-audit.ts';
import type { TargetDb } from '../db/types.ts';
import type { EngineContext } from '../load-context.ts';
import { safeMessage } from '../subject/execute-erasure.ts';
import type { StepSpec } from './build-steps.ts';
import type { PreparedSweep } from './plan-sweep.ts';
import { keyText, restrictedKeysOf } from './restriction-filter.ts';
import {
  type ReturnedBatch,
  readReturnRows,
  removeUncommittedReturns,
  writeReturnFile,
} from './return-rows.ts';
import { recordBatch, type StepProgress } from './run-state.ts';
import { applyEffect, selectBatchQuery } from './sweep-statements.ts';

export interface SweepProgress {
  readonly runId: string;
  readonly step: string;
  readonly table: string;
  /** Rows processed by the step so far, earlier attempts of the run included. */
  readonly stepRows: number;
  /** Rows processed by the whole run so far, earlier attempts included. */
  readonly rows: number;
  /** Rows the run has to process in all (done before this attempt + due now). */
  readonly expected: number;
  /** Rows per second in this attempt. */
  readonly rowsPerSecond: number;
}

export interface StepResult {
  readonly step: string;
  readonly table: string;
  readonly rule: string;
  readonly phase: StepSpec['phase'];
  readonly effect: StepSpec['effect'];
  /** `skipped`: nothing to execute (a `keep` step). */
  readonly status: 'done' | 'failed' | 'skipped';
  /** Rows processed in this attempt. */
  readonly rows: number;
  readonly batches: number;
  /** Rows processed by the run, earlier attempts included. */
  readonly runRows: number;
  /** Why the step failed (database message without quoted values). */
  readonly error?: string;
  /** `return-and-delete`: the export files written by the batches committed in this attempt. */
  readonly returned?: readonly ReturnedBatch[];
}

export interface RunnerSettings {
  readonly batchSize: number;
  /** When the execution started (Date.now()), for rows per second. */
  readonly started: number;
  readonly clock: () => Date;
  /** Rows the whole run has to process. */
  readonly expected: number;
  readonly actor: string;
  readonly statementTimeoutMs: number;
  readonly secret: string | undefined;
  /** Directory under which `return-and-delete` batches are written (one folder per run). */
  readonly exportDir: string;
  readonly onProgress: ((progress: SweepProgress) => void | Promise<void>) | undefined;
}

/** A function running one step to completion, batch after batch, sharing the run's counters. */
export function createStepRunner(
  target: TargetDb,
  context: EngineContext,
  prepared: PreparedSweep,
  runId: string,
  progress: Map<string, StepProgress>,
  settings: RunnerSettings,
): (step: StepSpec) => Promise<StepResult> {
  const { batchSize, clock, actor } = settings;
  let runRows = [...progress.values()].reduce((sum, p) => sum + p.rows, 0);
  let attemptRows = 0;

  return async (step) => {
    const describe = {
      step: step.id,
      table: step.table,
      rule: step.ruleRef.rule.id,
      phase: step.phase,
      effect: step.effect,
    };
    const done = progress.get(step.id) ?? { rows: 0, batches: 0 };
    if (step.effect === 'keep' || step.operation === null) {
      return { ...describe, status: 'skipped', rows: 0, batches: 0, runRows: done.rows };
    }
    const operation = step.operation;
    let rows = 0;
    let batches = 0;
    let cursor: unknown;
    const returned: ReturnedBatch[] = [];
    const withReturns = step.returnRows ? { returned } : {};
    try {
      const restricted = await restrictedKeysOf(target.db, prepared.schema, step.table);
      for (;;) {
        const at = clock();
        const outcome = await target.db.transaction().execute(async (trx) => {
          await target.adapter.setStatementTimeout(trx, settings.statementTimeoutMs);
          const selected = await selectBatchQuery(trx, step, cursor, batchSize).execute();
          const keys = selected.map((r) => (r as Record<string, unknown>).registre_key);
          let wanted = keys.filter((k) => !restricted.has(keyText(k)));
          const batch = done.batches + batches + 1;
          let written: ReturnedBatch | undefined;
          if (step.returnRows && wanted.length > 0) {
            // The rows go to their file before the delete, and the file is complete on disk
            // before the transaction commits: a crash loses no returned row.
            const read = await readReturnRows(trx, step, wanted, prepared.schema);
            wanted = read.keys;
            if (wanted.length > 0) {
              const origin = { runId, today: prepared.plan.today, batch };
              written = await writeReturnFile(settings.exportDir, step, origin, read.rows);
            }
          }
          const changed =
            wanted.length === 0
              ? 0
              : await applyEffect(trx, step, wanted, {
                  adapter: target.adapter,
                  schema: prepared.schema,
                  datamap: context.datamap,
                  secret: settings.secret,
                  at,
                });
          if (changed > 0) {
            await appendAudit(
              trx,
              [
                {
                  actor,
                  operation,
                  tables: [step.table],
                  rowCounts: { [step.table]: changed },
                  reason: step.ruleRef.rule.id,
                  runId,
                  details: {
                    batch,
                    rule: step.ruleRef.rule.id,
                    step: step.id,
                    phase: step.phase,
                    ...(written === undefined ? {} : { returned: written }),
                  },
                },
              ],
              { clock: () => at, maxParameters: target.adapter.maxParameters },
            );
            await recordBatch(trx, runId, step.id, changed);
          }
          return { selected: keys.length, last: keys[keys.length - 1], changed, written };
        });
        if (outcome.changed > 0) {
          if (outcome.written !== undefined) returned.push(outcome.written);
          rows += outcome.changed;
          batches += 1;
          runRows += outcome.changed;
          attemptRows += outcome.changed;
          const seconds = Math.max(0.001, (Date.now() - settings.started) / 1000);
          await settings.onProgress?.({
            runId,
            step: step.id,
            table: step.table,
            stepRows: done.rows + rows,
            rows: runRows,
            expected: settings.expected,
            rowsPerSecond: Math.round(attemptRows / seconds),
          });
        }
        if (outcome.selected < batchSize) break;
        cursor = outcome.last;
      }
      progress.set(step.id, { rows: done.rows + rows, batches: done.batches + batches });
      if (step.returnRows) {
        await removeUncommittedReturns(settings.exportDir, runId, step, done.batches + batches);
      }
      return { ...describe, status: 'done', rows, batches, runRows: done.rows + rows, ...withReturns };
    } catch (error) {
      progress.set(step.id, { rows: done.rows + rows, batches: done.batches + batches });
      return {
        ...describe,
        status: 'failed',
        rows,
        batches,
        runRows: done.rows + rows,
        error: safeMessage(error),
        ...withReturns,
      };
    }
  };
}
