import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RegistreError } from '../../errors/registry.ts';
import {
  addDuration,
  addMonths,
  compareDurations,
  dueDate,
  formatDuration,
  isPeriodOver,
  parseDuration,
  retentionCutoff,
  startOfUtcDay,
} from './duration.ts';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const day = (d: Date): string => d.toISOString().slice(0, 10);

/** Dates between 1990 and 2060 at a random time of day. */
const arbDate = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 11, 31) })
  .map((ms) => new Date(ms));
const arbCalendarDuration = fc.record({
  years: fc.integer({ min: 0, max: 12 }),
  months: fc.integer({ min: 0, max: 30 }),
  weeks: fc.integer({ min: 0, max: 8 }),
  days: fc.integer({ min: 0, max: 60 }),
  hours: fc.constant(0),
});

describe('parseDuration / formatDuration', () => {
  it('reads every calendar unit', () => {
    expect(parseDuration('P1Y6M2W3DT72H')).toEqual({ years: 1, months: 6, weeks: 2, days: 3, hours: 72 });
    expect(parseDuration('P13M')).toEqual({ years: 0, months: 13, weeks: 0, days: 0, hours: 0 });
    expect(formatDuration(parseDuration('P0D'))).toBe('P0D');
  });

  it.each(['', 'P', '3Y', 'P3.5Y', 'P-1D', 'PT', 'P1S', 'P1H', 'p3y'])('rejects %j with a code', (bad) => {
    expect(() => parseDuration(bad)).toThrowError(RegistreError);
    try {
      parseDuration(bad);
    } catch (error) {
      expect((error as RegistreError).code).toBe('REG_ERR_RETENTION_DURATION');
      expect((error as RegistreError).message).toContain(JSON.stringify(bad));
    }
  });

  it('round-trips any duration', () => {
    fc.assert(
      fc.property(arbCalendarDuration, (d) => {
        expect(parseDuration(formatDuration(d))).toEqual(d);
      }),
    );
  });
});

describe('calendar arithmetic', () => {
  it('31 January + 1 month is the last day of February', () => {
    expect(day(addDuration(utc('2025-01-31'), 'P1M'))).toBe('2025-02-28');
    expect(day(addDuration(utc('2024-01-31'), 'P1M'))).toBe('2024-02-29');
    expect(day(addDuration(utc('2024-02-29'), 'P1Y'))).toBe('2025-02-28');
    expect(day(addDuration(utc('2025-03-31'), 'P1M'))).toBe('2025-04-30');
    expect(day(addDuration(utc('2025-08-31'), 'P13M'))).toBe('2026-09-30');
    expect(day(addDuration(utc('2025-01-01'), 'P4W'))).toBe('2025-01-29');
  });

  it('keeps the day of the month when it exists, else clamps to the last day', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -400, max: 400 }), (date, n) => {
        const out = addMonths(date, n);
        const monthsApart =
          (out.getUTCFullYear() - date.getUTCFullYear()) * 12 + (out.getUTCMonth() - date.getUTCMonth());
        expect(monthsApart).toBe(n);
        const lastDay = new Date(Date.UTC(out.getUTCFullYear(), out.getUTCMonth() + 1, 0)).getUTCDate();
        expect(out.getUTCDate()).toBe(Math.min(date.getUTCDate(), lastDay));
        expect(out.getUTCHours()).toBe(date.getUTCHours());
        expect(out.getUTCMinutes()).toBe(date.getUTCMinutes());
      }),
    );
  });

  it('a year is twelve months and weeks are seven days', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 50 }), (date, y, w) => {
        expect(addDuration(date, { years: y, months: 0, weeks: 0, days: 0, hours: 0 })).toEqual(
          addMonths(date, 12 * y),
        );
        expect(addDuration(date, { years: 0, months: 0, weeks: w, days: 0, hours: 0 }).getTime()).toBe(
          date.getTime() + w * 7 * 86_400_000,
        );
      }),
    );
  });

  it('is monotonic: a later start never ends earlier, a longer period never ends earlier', () => {
    fc.assert(
      fc.property(arbDate, arbDate, arbCalendarDuration, (a, b, d) => {
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        expect(addDuration(early, d).getTime()).toBeLessThanOrEqual(addDuration(late, d).getTime());
        expect(addDuration(early, d).getTime()).toBeGreaterThanOrEqual(early.getTime());
      }),
    );
  });
});

describe('retentionCutoff', () => {
  it('matches the deadline of every start day, including month ends (the SQL cut-off is exact)', () => {
    fc.assert(
      fc.property(arbDate, arbDate, arbCalendarDuration, (trigger, today, d) => {
        const cutoff = retentionCutoff(today, d);
        const byCutoff = startOfUtcDay(trigger).getTime() <= cutoff.getTime();
        expect(byCutoff).toBe(isPeriodOver(trigger, d, today));
      }),
      { numRuns: 3000 },
    );
  });

  it('includes every start of the earlier month when today follows a month end', () => {
    // Over on 1 May: due on 30 April at the latest; 31 March + 1 month = 30 April.
    expect(day(retentionCutoff(utc('2025-05-01'), 'P1M'))).toBe('2025-03-31');
    expect(isPeriodOver(utc('2025-03-31'), 'P1M', utc('2025-05-01'))).toBe(true);
    expect(isPeriodOver(utc('2025-04-01'), 'P1M', utc('2025-05-01'))).toBe(false);
    // 3 years from the last contact: 10 Jan 2022 → due 10 Jan 2025, gone from 11 Jan 2025.
    expect(isPeriodOver(utc('2022-01-10'), 'P3Y', utc('2025-01-10'))).toBe(false);
    expect(isPeriodOver(utc('2022-01-10'), 'P3Y', utc('2025-01-11'))).toBe(true);
    expect(day(dueDate(utc('2022-01-10'), 'P3Y'))).toBe('2025-01-10');
  });

  it('refuses hour-based durations for retention', () => {
    expect(() => retentionCutoff(utc('2025-01-01'), 'PT72H')).toThrowError(/hours/);
  });
});

describe('compareDurations', () => {
  it('orders durations across units', () => {
    expect(compareDurations('P1Y', 'P12M')).toBe(0);
    expect(compareDurations('P13M', 'P1Y')).toBeGreaterThan(0);
    expect(compareDurations('P4W', 'P1M')).toBeLessThan(0);
    expect(compareDurations('P14D', 'P2W')).toBe(0);
    expect(compareDurations('P3Y', 'P36M')).toBe(0);
  });

  it('is antisymmetric, and a duration equals itself', () => {
    fc.assert(
      fc.property(arbCalendarDuration, arbCalendarDuration, (a, b) => {
        expect(compareDurations(a, a) === 0).toBe(true);
        // `===` on purpose: equal durations give 0 both ways, and -0 === 0.
        expect(Math.sign(compareDurations(a, b)) === -Math.sign(compareDurations(b, a))).toBe(true);
      }),
    );
  });
});
