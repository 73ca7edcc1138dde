/**
 * The cut-off days of one retention rule on one day: which trigger days are past the active
 * phase, and which rows are due for the end action. Every day here comes from
 * `retentionCutoff` (src/policy/retention); nothing re-implements calendar arithmetic.
 *
 * A row is past a cut-off day `c` when the calendar day of its date column is on or before `c`
 * (in SQL: `column < c + 1 day`). The end action of a rule with an archive phase is due when
 * both phases are over (`retentionSchedule` takes the later of the two ends):
 *
 * - no archive: `trigger <= activeEnd`;
 * - archive counted from the trigger: `trigger <= min(activeEnd, cutoff(archive))`;
 * - archive counted from the end of the active phase: `trigger <= min(activeEnd, composed)`,
 *   where `composed` is the last trigger day whose active end plus the archive is over;
 * - archive with its own trigger column: `trigger <= activeEnd` and either
 *   `archiveTrigger <= cutoff(archive)` or, when the archive trigger is not known yet (null),
 *   `trigger <= min(activeEnd, composed)` (the archive then starts at the end of the active phase).
 */
import type { TRetentionRule } from '../../policy/model.ts';
import { addDays, retentionCutoff } from '../../policy/retention/index.ts';

type RuleShape = Pick<TRetentionRule, 'duration' | 'archive'>;

export interface RuleCutoffs {
  /** Last trigger day whose active phase is over. */
  readonly activeEnd: Date;
  /** Last trigger day whose end action is due (for rows without a known archive trigger). */
  readonly endTrigger: Date;
  /**
   * When the archive phase has its own trigger column: the last archive-trigger day whose archive
   * phase is over. Rows whose archive trigger is null fall back to `endTrigger`.
   */
  readonly archiveTrigger?: Date;
}

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/**
 * The last trigger day `t` such that `dueDate(dueDate(t, first), then)` is over on `today`:
 * the end of `then` counted from the end of `first`. Exact because `dueDate` never decreases
 * when its start moves later.
 */
export function composedCutoff(today: Date, first: string, then: string): Date {
  const lastStartOfThen = retentionCutoff(today, then);
  return retentionCutoff(addDays(lastStartOfThen, 1), first);
}

/**
 * Cut-offs of `rule` on `today`.
 * @param hasArchiveTriggerColumn the data map names a column for the archive phase's own trigger
 */
export function ruleCutoffs(rule: RuleShape, today: Date, hasArchiveTriggerColumn: boolean): RuleCutoffs {
  const activeEnd = retentionCutoff(today, rule.duration);
  const archive = rule.archive;
  if (archive === undefined) return { activeEnd, endTrigger: activeEnd };
  const afterActive = earlier(activeEnd, composedCutoff(today, rule.duration, archive.duration));
  if (archive.trigger !== undefined) {
    if (!hasArchiveTriggerColumn) return { activeEnd, endTrigger: afterActive };
    return { activeEnd, endTrigger: afterActive, archiveTrigger: retentionCutoff(today, archive.duration) };
  }
  if (archive.from === 'trigger') {
    return { activeEnd, endTrigger: earlier(activeEnd, retentionCutoff(today, archive.duration)) };
  }
  return { activeEnd, endTrigger: afterActive };
}

/** Midnight UTC of a day, compared at day granularity. */
function onOrBefore(date: Date, day: Date): boolean {
  const d = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return d <= day.getTime();
}

/**
 * The same decision as the SQL predicate, evaluated on one row's dates (null = unknown). Used by
 * tests to check the cut-offs against `isEndActionDue`, and by nothing that touches data.
 */
export function isEndDueByCutoffs(
  cutoffs: RuleCutoffs,
  trigger: Date | null,
  archiveTrigger: Date | null,
): boolean {
  if (trigger === null || !onOrBefore(trigger, cutoffs.activeEnd)) return false;
  if (cutoffs.archiveTrigger !== undefined && archiveTrigger !== null) {
    return onOrBefore(archiveTrigger, cutoffs.archiveTrigger);
  }
  return onOrBefore(trigger, cutoffs.endTrigger);
}
