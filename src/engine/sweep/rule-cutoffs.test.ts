import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TRetentionRule } from '../../policy/model.ts';
import {
  addDays,
  formatDuration,
  isEndActionDue,
  isPeriodOver,
  retentionSchedule,
} from '../../policy/retention/index.ts';
import { composedCutoff, isEndDueByCutoffs, ruleCutoffs } from './rule-cutoffs.ts';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const day = (d: Date | undefined): string | undefined => d?.toISOString().slice(0, 10);

type Shape = Pick<TRetentionRule, 'duration' | 'archive' | 'endAction'>;

const arbDuration = fc
  .record({
    years: fc.integer({ min: 0, max: 4 }),
    months: fc.integer({ min: 0, max: 15 }),
    weeks: fc.integer({ min: 0, max: 3 }),
    days: fc.integer({ min: 0, max: 40 }),
    hours: fc.constant(0),
  })
  .map(formatDuration);

const arbArchive = fc.option(
  fc.record({
    duration: arbDuration,
    from: fc.constantFrom('trigger' as const, 'active-end' as const),
    trigger: fc.option(fc.constant('debit-date'), { nil: undefined }),
    reason: fc.constant('accounting-obligation'),
  }),
  { nil: undefined },
);

const arbRule: fc.Arbitrary<Shape> = fc.record({
  duration: arbDuration,
  archive: arbArchive,
  endAction: fc.constant('delete' as const),
});

// Days from 2008 to 2031, with month ends over-represented (where clamping bites).
const arbDay = fc.oneof(
  fc
    .integer({ min: Date.UTC(2008, 0, 1) / 86_400_000, max: Date.UTC(2031, 11, 31) / 86_400_000 })
    .map((n) => new Date(n * 86_400_000)),
  fc
    .record({ y: fc.integer({ min: 2008, max: 2031 }), m: fc.integer({ min: 0, max: 11 }), back: fc.nat(3) })
    .map(({ y, m, back }) => new Date(Date.UTC(y, m + 1, 0 - back))),
);

/** Drop `trigger` from an archive when it is undefined (exactOptionalPropertyTypes). */
function clean(rule: Shape): Shape {
  if (rule.archive === undefined) return { duration: rule.duration, endAction: rule.endAction };
  const { trigger, ...rest } = rule.archive;
  return { ...rule, archive: trigger === undefined ? rest : { ...rest, trigger } };
}

describe('ruleCutoffs', () => {
  it('decides the end action exactly as isEndActionDue does (property)', () => {
    fc.assert(
      fc.property(
        arbRule,
        arbDay,
        fc.option(arbDay, { nil: null }),
        arbDay,
        fc.boolean(),
        (raw, trigger, archiveTrigger, today, column) => {
          const rule = clean(raw);
          const cutoffs = ruleCutoffs(rule, today, column);
          // Without an archive-trigger column the archive trigger is unknown to the engine.
          const known = column && rule.archive?.trigger !== undefined ? archiveTrigger : null;
          const expected = isEndActionDue(rule, trigger, today, known ?? undefined);
          expect(isEndDueByCutoffs(cutoffs, trigger, known)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('decides the end action exactly as isEndActionDue does on the days around the deadline (property)', () => {
    fc.assert(
      fc.property(
        arbRule,
        arbDay,
        fc.option(arbDay, { nil: null }),
        fc.integer({ min: -2, max: 2 }),
        fc.boolean(),
        (raw, trigger, archiveTrigger, offset, column) => {
          const rule = clean(raw);
          const known = column && rule.archive?.trigger !== undefined ? archiveTrigger : null;
          const due = retentionSchedule(rule, trigger, known ?? undefined).endActionDue;
          const today = addDays(due, offset);
          const cutoffs = ruleCutoffs(rule, today, column);
          expect(isEndDueByCutoffs(cutoffs, trigger, known)).toBe(
            isEndActionDue(rule, trigger, today, known ?? undefined),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('puts the end of the active phase where isPeriodOver does (property)', () => {
    fc.assert(
      fc.property(arbRule, arbDay, arbDay, (raw, trigger, today) => {
        const cutoffs = ruleCutoffs(clean(raw), today, false);
        const over = trigger.getTime() <= cutoffs.activeEnd.getTime();
        expect(over).toBe(isPeriodOver(trigger, raw.duration, today));
      }),
      { numRuns: 2000 },
    );
  });

  it('composes an archive after the active phase with month-end clamping', () => {
    // 31 January + 1 month = 29 February 2024; + 13 months = 29 March 2025, over on the 31st.
    expect(day(composedCutoff(utc('2025-03-31'), 'P1M', 'P13M'))).toBe('2024-01-31');
    // One day earlier, 29 March 2025 is not over yet: only starts up to 28 January qualify.
    expect(day(composedCutoff(utc('2025-03-29'), 'P1M', 'P13M'))).toBe('2024-01-28');
  });

  it('counts an archive from the trigger when the policy says so', () => {
    const c = ruleCutoffs(
      { duration: 'P3Y', archive: { duration: 'P10Y', from: 'trigger', reason: 'accounting-obligation' } },
      utc('2025-03-31'),
      false,
    );
    expect(day(c.activeEnd)).toBe('2022-03-30');
    expect(day(c.endTrigger)).toBe('2015-03-30');
    expect(c.archiveTrigger).toBeUndefined();
  });
});
