/**
 * Retention (Art 5(1)(e)): each activity says how long data is kept, and its rules make sense.
 */
import type { TPolicy, TRetentionRule } from '../../model.ts';
import { compareDurations, isZeroDuration, parseDuration } from '../../retention/duration.ts';
import { formatPath, type PathSegment } from '../issue-path.ts';
import type { Finding } from '../policy-issue.ts';
import type { PolicyCheck } from './policy-check.ts';

/** Triggers at which the data has only just been collected: "zero time after" means never kept. */
const COLLECTION_TRIGGERS: readonly string[] = ['collection', 'record-creation'];

function eachRule(policy: TPolicy): { rule: TRetentionRule; path: PathSegment[] }[] {
  return policy.activities.flatMap((activity, a) =>
    activity.retention.map((rule, r) => ({ rule, path: ['activities', a, 'retention', r] })),
  );
}

export const activityWithoutRetention: PolicyCheck = {
  code: 'activity-without-retention',
  severity: 'warning',
  description:
    'An activity has no retention rule, so neither the notice nor the engine knows when its data goes.',
  run: (policy) =>
    policy.activities.flatMap((activity, a): Finding[] =>
      activity.retention.length === 0
        ? [
            {
              severity: 'warning',
              code: 'activity-without-retention',
              path: ['activities', a, 'retention'],
              message: `activities[${a}] ('${activity.id}') has no retention rule (Art 13(2)(a)); add one under 'retention'`,
            },
          ]
        : [],
    ),
};

export const retentionZeroWithoutEvent: PolicyCheck = {
  code: 'retention-zero-without-event',
  severity: 'error',
  description:
    "A retention rule keeps data for P0D after 'collection' or 'record-creation': the data would be deleted as soon as it is collected.",
  run: (policy) =>
    eachRule(policy).flatMap(({ rule, path }): Finding[] =>
      COLLECTION_TRIGGERS.includes(rule.trigger) && isZeroDuration(parseDuration(rule.duration))
        ? [
            {
              severity: 'error',
              code: 'retention-zero-without-event',
              path: [...path, 'duration'],
              message: `${formatPath(path)}: a duration of ${rule.duration} from '${rule.trigger}' deletes the data as soon as it is collected; give the real duration, or make the event the data is kept until the trigger (e.g. 'end-of-contract')`,
            },
          ]
        : [],
    ),
};

export const archiveShorterThanActive: PolicyCheck = {
  code: 'archive-shorter-than-active',
  severity: 'error',
  description:
    'An archive phase counted from the same trigger as the active phase (from: trigger) is not longer than it, so it would end before it starts.',
  run: (policy) =>
    eachRule(policy).flatMap(({ rule, path }): Finding[] => {
      const archive = rule.archive;
      if (archive?.from !== 'trigger') return [];
      const ownTrigger = archive.trigger !== undefined && archive.trigger !== rule.trigger;
      if (ownTrigger || compareDurations(archive.duration, rule.duration) > 0) return [];
      return [
        {
          severity: 'error',
          code: 'archive-shorter-than-active',
          path: [...path, 'archive', 'duration'],
          message: `${formatPath(path)}: the archive phase lasts ${archive.duration} from the trigger, which is not longer than the active phase (${rule.duration}), so it would end before it starts; lengthen it, or count it from the end of the active phase ('from: active-end')`,
        },
      ];
    }),
};
