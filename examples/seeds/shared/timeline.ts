/**
 * Dates of the seed generators. Every date is placed relative to a fixed `today` around the
 * deadlines of the policy's retention rules: on the last day past the deadline, on the first day
 * before it, on month ends (where calendar months clamp: 31 January + 1 month = 28 February) and
 * further away on both sides. Whether a trigger day is past its deadline is decided by
 * `isPeriodOver` (src/policy/retention), never by arithmetic of our own.
 */
import {
  addDays,
  isPeriodOver,
  retentionCutoff,
  startOfUtcDay,
} from '../../../src/policy/retention/index.ts';

/** Midnight UTC of an ISO day (`YYYY-MM-DD`); throws on anything else (a programming error). */
export function isoDay(text: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) throw new Error(`not an ISO day: ${text}`);
  return new Date(`${text}T00:00:00Z`);
}

/** `day` shifted by `days` (negative: earlier). */
export function shiftDays(day: Date, days: number): Date {
  return addDays(startOfUtcDay(day), days);
}

/** A point in time on `day`, at `hours`:`minutes` UTC. */
export function at(day: Date, hours: number, minutes = 0): Date {
  return new Date(startOfUtcDay(day).getTime() + (hours * 60 + minutes) * 60_000);
}

function lastDayOfMonth(day: Date): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0));
}

/**
 * Trigger days on both sides of the deadline of a period of `duration` on `today`, none after
 * `today`, sorted and distinct: the last day past the deadline and the days around it, the last
 * days of its month and of the month before (month-end clamping), and days well before and after.
 */
export function boundaryDays(today: Date, duration: string): Date[] {
  const cutoff = retentionCutoff(today, duration);
  const monthEnd = lastDayOfMonth(cutoff);
  const previousMonthEnd = shiftDays(
    new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth(), 1)),
    -1,
  );
  const candidates = [
    shiftDays(cutoff, -400),
    shiftDays(cutoff, -45),
    shiftDays(cutoff, -2),
    shiftDays(cutoff, -1),
    cutoff,
    shiftDays(cutoff, 1),
    shiftDays(cutoff, 2),
    shiftDays(cutoff, 20),
    shiftDays(monthEnd, -3),
    shiftDays(monthEnd, -2),
    shiftDays(monthEnd, -1),
    monthEnd,
    shiftDays(monthEnd, 1),
    shiftDays(previousMonthEnd, -1),
    previousMonthEnd,
    startOfUtcDay(today),
  ];
  const limit = startOfUtcDay(today).getTime();
  const unique = new Map<number, Date>();
  for (const candidate of candidates) {
    if (candidate.getTime() <= limit) unique.set(candidate.getTime(), candidate);
  }
  return [...unique.values()].sort((a, b) => a.getTime() - b.getTime());
}

/** True when a period of `duration` that started on `trigger` is over on `today` (null: not started). */
export function pastDeadline(trigger: Date | null, duration: string, today: Date): boolean {
  return trigger !== null && isPeriodOver(trigger, duration, today);
}

/** Past / not past counts of one `table/rule`. */
export interface DeadlineCount {
  past: number;
  notPast: number;
}

/**
 * Counts kept by a generator: per `table/rule`, the rows whose period is over (`past`) and not
 * over (`notPast`) on the generator's day, as the generator decided with {@link pastDeadline}.
 * The tests compare them with hand-written SQL and with the sweep's plan.
 */
export interface DeadlineTally {
  /** Records one row of `table` under `rule`; returns `past`. */
  record(table: string, rule: string, past: boolean): boolean;
  /** The counts so far, keyed `table/rule`, keys sorted. */
  counts(): Record<string, DeadlineCount>;
}

/** An empty tally. */
export function createDeadlineTally(): DeadlineTally {
  const counts = new Map<string, DeadlineCount>();
  return {
    record(table, rule, past) {
      const key = `${table}/${rule}`;
      const entry = counts.get(key) ?? { past: 0, notPast: 0 };
      if (past) entry.past += 1;
      else entry.notPast += 1;
      counts.set(key, entry);
      return past;
    },
    counts() {
      return Object.fromEntries(
        [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { ...v }]),
      );
    },
  };
}
