/**
 * A sweep plan (and a dry run) as text a person reads: one line per step, the rows kept and
 * why, then a summary line such as "12 430 rows in 3 tables past retention, 3 200 kept under
 * legal hold".
 */
import type { DryRun, PlannedStep, SweepPlan } from './types.ts';

/** Digits grouped by three with spaces: 12430 → "12 430". */
export function groupDigits(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function plural(n: number, one: string, many: string): string {
  return `${groupDigits(n)} ${n === 1 ? one : many}`;
}

const HEADERS = ['step', 'effect', 'cut-off', 'past', 'due', 'held', 'blocked', 'restricted'] as const;

function cutoffOf(step: PlannedStep): string {
  if (step.phase === 'archive') return `≤ ${step.cutoffs.activeEnd}`;
  const archive = step.cutoffs.archiveTrigger;
  return archive === undefined ? `≤ ${step.cutoffs.endTrigger}` : `≤ ${step.cutoffs.activeEnd} & ${archive}`;
}

function cells(step: PlannedStep): string[] {
  return [
    step.id,
    step.effect,
    cutoffOf(step),
    groupDigits(step.rows.pastDeadline),
    step.effect === 'keep' ? '—' : groupDigits(step.rows.due),
    groupDigits(step.rows.held),
    groupDigits(step.rows.blocked),
    groupDigits(step.rows.restricted),
  ];
}

function table(rows: readonly string[][]): string[] {
  const widths = HEADERS.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

/** The summary line of a plan. */
export function summarisePlan(plan: SweepPlan): string {
  const t = plan.totals;
  const parts = [
    `${plural(t.due, 'row', 'rows')} in ${plural(t.tables, 'table', 'tables')} past retention`,
    `${groupDigits(t.held)} kept under legal hold`,
  ];
  if (t.blocked > 0) parts.push(`${groupDigits(t.blocked)} kept because other rows still reference them`);
  if (t.restricted > 0) parts.push(`${groupDigits(t.restricted)} restricted (Art 18)`);
  if (t.kept > 0) parts.push(`${groupDigits(t.kept)} kept by the data map's erasure strategy`);
  const effects = (['archive', 'delete', 'anonymise'] as const)
    .filter((e) => t.byEffect[e] > 0)
    .map((e) => `${e} ${groupDigits(t.byEffect[e])}`);
  return `${parts.join(', ')}${effects.length > 0 ? ` (${effects.join(', ')})` : ''}`;
}

function details(step: PlannedStep): string[] {
  const out: string[] = [];
  for (const hold of step.holds) {
    if (hold.rows > 0) {
      out.push(
        `  ${step.id}: ${groupDigits(hold.rows)} held — ${hold.reason} (${hold.source}: ${hold.condition})`,
      );
    }
  }
  for (const blocker of step.blockers) {
    if (blocker.rows > 0) {
      out.push(
        `  ${step.id}: ${groupDigits(blocker.rows)} still referenced by ${blocker.table}.${blocker.column}`,
      );
    }
  }
  if (step.renewalRequests !== undefined && step.renewalRequests > 0) {
    out.push(
      `  ${step.id}: ${groupDigits(step.renewalRequests)} may be asked once more before the end (renewal request: sweep --renewals lists them)`,
    );
  }
  if (step.keptReason !== undefined && step.rows.pastDeadline > 0) {
    out.push(`  ${step.id}: ${groupDigits(step.rows.pastDeadline)} kept — ${step.keptReason} (data map)`);
  }
  for (const note of step.notes) out.push(`  ${step.id}: ${note}`);
  return out;
}

/** The plan as a readable table with its kept rows, warnings, errors and summary. */
export function renderPlan(plan: SweepPlan): string {
  const lines = [`Retention sweep for ${plan.today} (${plan.dialect}, ${plan.datamapFile})`, ''];
  lines.push(...table([[...HEADERS], ...plan.steps.map(cells)]));
  const kept = plan.steps.flatMap(details);
  if (kept.length > 0) lines.push('', 'Kept and notes:', ...kept);
  if (plan.warnings.length > 0) lines.push('', 'Warnings:', ...plan.warnings.map((w) => `  ${w}`));
  if (plan.errors.length > 0) {
    lines.push('', 'Errors (nothing will be executed):', ...plan.errors.map((e) => `  ${e}`));
  }
  lines.push('', summarisePlan(plan));
  return `${lines.join('\n')}\n`;
}

function parameterText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** The plan followed by the statements each step would run. */
export function renderDryRun(dryRun: DryRun): string {
  const lines = [renderPlan(dryRun.plan).trimEnd(), '', 'Statements (dry run: nothing is written):'];
  for (const { step, statements } of dryRun.statements) {
    lines.push('', `-- ${step}`);
    for (const statement of statements) {
      lines.push(`-- ${statement.purpose}`, `${statement.sql};`);
      if (statement.parameters.length > 0) {
        lines.push(`--   parameters: ${statement.parameters.map(parameterText).join(', ')}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
