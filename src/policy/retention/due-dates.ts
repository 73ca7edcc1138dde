/**
 * Deadlines of a retention rule, computed from its trigger date.
 */
import type { TRetentionRule } from '../model.ts';
import { dueDate, startOfUtcDay } from './duration.ts';

/** The days (midnight UTC) on which a rule's phases end for one record; each phase ends when its day is over. */
export interface RetentionSchedule {
  /** End of the active phase: from then on the data leaves the active base. */
  readonly activeEnd: Date;
  /** End of the intermediate archive phase, when the rule has one. */
  readonly archiveEnd?: Date;
  /** When the end action (delete, anonymise, return-and-delete) is due. */
  readonly endActionDue: Date;
  readonly endAction: TRetentionRule['endAction'];
}

/**
 * Compute a rule's schedule from its trigger date.
 *
 * @param rule the retention rule
 * @param triggerDate when the rule's trigger event happened (e.g. the end of the contract)
 * @param archiveTriggerDate when the archive phase has its own trigger (e.g. the debit date for bank data)
 */
export function retentionSchedule(
  rule: Pick<TRetentionRule, 'duration' | 'archive' | 'endAction'>,
  triggerDate: Date,
  archiveTriggerDate?: Date,
): RetentionSchedule {
  const activeEnd = dueDate(triggerDate, rule.duration);
  if (rule.archive === undefined) {
    return { activeEnd, endActionDue: activeEnd, endAction: rule.endAction };
  }
  const archiveStart =
    rule.archive.trigger !== undefined
      ? (archiveTriggerDate ?? activeEnd)
      : rule.archive.from === 'trigger'
        ? triggerDate
        : activeEnd;
  const computed = dueDate(archiveStart, rule.archive.duration);
  // An archive phase never ends before the active phase it follows.
  const archiveEnd = computed.getTime() < activeEnd.getTime() ? activeEnd : computed;
  return { activeEnd, archiveEnd, endActionDue: archiveEnd, endAction: rule.endAction };
}

/** True when the end action of a rule is due on the day of `today` (its last day of retention is over). */
export function isEndActionDue(
  rule: Pick<TRetentionRule, 'duration' | 'archive' | 'endAction'>,
  triggerDate: Date,
  today: Date,
  archiveTriggerDate?: Date,
): boolean {
  const due = retentionSchedule(rule, triggerDate, archiveTriggerDate).endActionDue;
  return due.getTime() < startOfUtcDay(today).getTime();
}
