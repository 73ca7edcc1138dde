/**
 * `registre sweep <datamap>`: the retention sweep of the map's database. Prints the plan by
 * default; `--dry-run` adds the statements that would run; `--execute` runs it (resuming an
 * unfinished run), with a progress bar in rows/s on stderr when it is a terminal.
 */
import { userInfo } from 'node:os';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadSecret } from '../../config/secret.ts';
import type { TargetDb } from '../../engine/db/types.ts';
import { type EngineContext, loadEngineContext } from '../../engine/load-context.ts';
import { dryRunSweep } from '../../engine/sweep/dry-run-sweep.ts';
import { executeSweep, type SweepResult } from '../../engine/sweep/execute-sweep.ts';
import { planSweep } from '../../engine/sweep/plan-sweep.ts';
import { groupDigits, renderDryRun, renderPlan, summarisePlan } from '../../engine/sweep/render-plan.ts';
import { RegistreError } from '../../errors/registry.ts';
import { createOutput, type Output } from '../output.ts';
import { connectTarget, positiveInteger, targetUrlOf } from './datamap.ts';

interface SweepCommandOptions {
  readonly db?: string;
  readonly today?: string;
  readonly execute?: boolean;
  readonly dryRun?: boolean;
  readonly batchSize: string;
}

/** Parses `--today` (a real calendar day, YYYY-MM-DD) or throws a usage error. */
export function parseToday(value: string | undefined, now: Date = new Date()): Date {
  if (value === undefined)
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== value
  ) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `--today expects a calendar day as YYYY-MM-DD, got '${value}'`,
    );
  }
  return day;
}

function printResult(out: Output, result: SweepResult): void {
  if (result.superseded !== undefined) {
    out.line(
      `Unfinished run ${result.superseded} no longer matches the data map or policy: closed as superseded.`,
    );
  }
  if (result.status === 'nothing-due') {
    out.line(`Nothing due on ${result.today}: no run recorded, nothing written.`);
    return;
  }
  out.line(`${result.resumed ? 'Resumed' : 'Ran'} ${result.runId} for ${result.today}:`);
  for (const step of result.steps) {
    if (step.status === 'skipped') continue;
    const extra = step.runRows !== step.rows ? ` (${groupDigits(step.runRows)} in the whole run)` : '';
    const failure = step.status === 'failed' ? ` — FAILED: ${step.error ?? 'unknown error'}` : '';
    out.line(
      `  ${step.step}: ${step.effect} ${groupDigits(step.rows)} rows in ${step.batches} batch${step.batches === 1 ? '' : 'es'}${extra}${failure}`,
    );
  }
  out.line(
    `${groupDigits(result.rows)} rows in ${groupDigits(result.batches)} batch${result.batches === 1 ? '' : 'es'}, ${(result.durationMs / 1000).toFixed(1)} s, ${groupDigits(result.rowsPerSecond)} rows/s — run ${result.status}`,
  );
}

async function execute(
  out: Output,
  target: TargetDb,
  context: EngineContext,
  today: Date,
  batchSize: number,
): Promise<SweepResult> {
  let bar: SingleBar | undefined;
  const showBar = process.stderr.isTTY === true && !out.json;
  try {
    return await executeSweep(target, context, {
      today,
      batchSize,
      actor: `cli:${userInfo().username}`,
      secret: loadSecret(),
      onProgress: (p) => {
        if (!showBar) return;
        if (bar === undefined) {
          bar = new SingleBar({
            format: 'sweeping {bar} {value}/{total} rows | {speed} rows/s | {step}',
            stream: process.stderr,
            hideCursor: true,
          });
          bar.start(p.expected, 0, { speed: '0', step: '' });
        }
        bar.update(p.rows, { speed: groupDigits(p.rowsPerSecond), step: p.step });
      },
    });
  } finally {
    bar?.stop();
  }
}

export function registerSweepCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('sweep')
    .description(
      "retention sweep of the map's database: print the plan, the statements (--dry-run), or run it (--execute)",
    )
    .argument('<datamap>', 'path to the data-map YAML file')
    .option('--db <url>', "database URL (default: the map's 'database')")
    .option('--today <YYYY-MM-DD>', 'the day to compute deadlines for (default: today, UTC)')
    .option('--execute', 'run the sweep: batches in transactions, audited, resumable')
    .option('--dry-run', 'print the plan and the exact statements, write nothing')
    .option('--batch-size <n>', 'rows per batch (one transaction each)', '1000')
    .action(async (file: string, options: SweepCommandOptions) => {
      const out = createOutput(Boolean(program.opts<{ json?: boolean }>().json));
      if (options.execute === true && options.dryRun === true) {
        throw new RegistreError('REG_ERR_CLI_USAGE', 'give either --execute or --dry-run, not both');
      }
      const today = parseToday(options.today);
      const batchSize = positiveInteger('--batch-size', options.batchSize);
      const context = await loadEngineContext(file);
      const target = await connectTarget(targetUrlOf(file, options.db, context.datamap.database));
      try {
        if (options.execute === true) {
          const result = await execute(out, target, context, today, batchSize);
          out.result({ ok: result.status !== 'failed', result });
          printResult(out, result);
          setExit(result.status === 'failed' ? 1 : 0);
          return;
        }
        if (options.dryRun === true) {
          const dryRun = await dryRunSweep(target, context, { today, batchSize });
          out.result({ ok: dryRun.plan.errors.length === 0, ...dryRun });
          if (!out.json) out.raw(renderDryRun(dryRun));
          setExit(dryRun.plan.errors.length === 0 ? 0 : 1);
          return;
        }
        const plan = await planSweep(target, context, { today });
        out.result({ ok: plan.errors.length === 0, plan, summary: summarisePlan(plan) });
        if (!out.json) out.raw(renderPlan(plan));
        setExit(plan.errors.length === 0 ? 0 : 1);
      } finally {
        await target.close();
      }
    });
}
