/**
 * Calendar durations and their arithmetic.
 *
 * Periods follow EU Regulation 1182/71 (the rule the EDPB applies to the Art 12(3) month): a
 * period in months or years ends on the same day of the month as it started, or on the last
 * day of the month when that day does not exist (31 January + 1 month = 28 or 29 February).
 * Weeks, days and hours are exact. All arithmetic is in UTC; the time of day is kept.
 */
import { RegistreError } from '../../errors/registry.ts';

/** A duration in calendar units, all non-negative integers. */
export interface Duration {
  readonly years: number;
  readonly months: number;
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
}

const ISO_DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?)?$/;

/** Parse an ISO 8601 duration restricted to Y, M, W, D and H (`P3Y`, `P13M`, `P4W`, `P1Y6M`, `PT72H`). */
export function parseDuration(iso: string): Duration {
  const match = ISO_DURATION.exec(iso);
  if (match === null) {
    throw new RegistreError(
      'REG_ERR_RETENTION_DURATION',
      `"${iso}" is not an ISO 8601 duration such as "P3Y", "P13M", "P4W", "P30D" or "PT72H"`,
    );
  }
  const n = (group: string | undefined): number => (group === undefined ? 0 : Number(group));
  return {
    years: n(match[1]),
    months: n(match[2]),
    weeks: n(match[3]),
    days: n(match[4]),
    hours: n(match[5]),
  };
}

/** Write a duration back as ISO 8601 (the canonical form: zero parts omitted, `P0D` for zero). */
export function formatDuration(d: Duration): string {
  let out = 'P';
  if (d.years) out += `${d.years}Y`;
  if (d.months) out += `${d.months}M`;
  if (d.weeks) out += `${d.weeks}W`;
  if (d.days) out += `${d.days}D`;
  if (d.hours) out += `T${d.hours}H`;
  return out === 'P' ? 'P0D' : out;
}

export function isZeroDuration(d: Duration): boolean {
  return d.years === 0 && d.months === 0 && d.weeks === 0 && d.days === 0 && d.hours === 0;
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * Add calendar months: same day of the month, clamped to the month's last day.
 * Negative counts go back in time with the same clamping.
 */
export function addMonths(date: Date, months: number): Date {
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const monthIndex = total - year * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, monthIndex));
  const out = new Date(date.getTime());
  out.setUTCFullYear(year, monthIndex, day);
  return out;
}

/** Add exact days (24-hour days in UTC). */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/**
 * The end of a period of `duration` starting at `start`: years and months first (calendar
 * arithmetic with end-of-month clamping), then weeks and days, then hours.
 */
export function addDuration(start: Date, duration: Duration | string): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  const afterMonths = addMonths(start, d.years * 12 + d.months);
  const afterDays = addDays(afterMonths, d.weeks * 7 + d.days);
  return new Date(afterDays.getTime() + d.hours * 3_600_000);
}

/** Midnight UTC of the calendar day `date` falls on. */
export function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function isLastDayOfMonth(day: Date): boolean {
  return day.getUTCDate() === daysInMonth(day.getUTCFullYear(), day.getUTCMonth());
}

function assertCalendarOnly(d: Duration, what: string): void {
  if (d.hours !== 0) {
    throw new RegistreError(
      'REG_ERR_RETENTION_DURATION',
      `${what} counts in calendar days, weeks, months and years; "${formatDuration(d)}" has hours`,
    );
  }
}

/**
 * The due date of a period at day granularity: the calendar day (midnight UTC) on which a
 * period of `duration` that started on the day of `start` ends. The data must be gone once that
 * day is over (Regulation 1182/71: a period ends with the expiry of its last day).
 */
export function dueDate(start: Date, duration: Duration | string): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  assertCalendarOnly(d, 'A retention period');
  return addDuration(startOfUtcDay(start), d);
}

/** True when a period of `duration` started on the day of `start` is over on the day of `today`. */
export function isPeriodOver(start: Date, duration: Duration | string, today: Date): boolean {
  return dueDate(start, duration).getTime() < startOfUtcDay(today).getTime();
}

/**
 * The latest start day whose period is over on `today`: a record is past its deadline exactly
 * when the calendar day of its trigger is on or before this day. This is what a sweep puts in
 * SQL (`trigger < cutoff + 1 day`), and it is exact with end-of-month clamping: on 30 April, a
 * one-month period is over for every start up to 31 March (31 March + 1 month = 30 April).
 */
export function retentionCutoff(today: Date, duration: Duration | string): Date {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  assertCalendarOnly(d, 'A retention period');
  // Over on `today` means due on `yesterday` at the latest.
  const yesterday = addDays(startOfUtcDay(today), -1);
  const lastDueDay = addDays(yesterday, -(d.weeks * 7 + d.days));
  const months = d.years * 12 + d.months;
  if (months === 0) return lastDueDay;
  if (isLastDayOfMonth(lastDueDay)) {
    // Every start day in the month `months` earlier, up to its last day, is due by then.
    const total = lastDueDay.getUTCFullYear() * 12 + lastDueDay.getUTCMonth() - months;
    const year = Math.floor(total / 12);
    const monthIndex = total - year * 12;
    return new Date(Date.UTC(year, monthIndex, daysInMonth(year, monthIndex)));
  }
  return addMonths(lastDueDay, -months);
}

/**
 * Approximate length in days (year = 365.25, month = 30.44), only for ordering durations of
 * different units ("is 13 months longer than 1 year?"), never for deadlines.
 */
export function approximateDays(duration: Duration | string): number {
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  return d.years * 365.25 + d.months * 30.436875 + d.weeks * 7 + d.days + d.hours / 24;
}

/**
 * Compare two durations: negative when `a` is shorter, 0 when they are the same length
 * (P1Y and P12M are equal), positive when `a` is longer.
 */
export function compareDurations(a: Duration | string, b: Duration | string): number {
  const da = typeof a === 'string' ? parseDuration(a) : a;
  const db = typeof b === 'string' ? parseDuration(b) : b;
  const monthsA = da.years * 12 + da.months;
  const monthsB = db.years * 12 + db.months;
  const hoursA = (da.weeks * 7 + da.days) * 24 + da.hours;
  const hoursB = (db.weeks * 7 + db.days) * 24 + db.hours;
  if (monthsA === monthsB) return hoursA - hoursB;
  if (hoursA === hoursB) return monthsA - monthsB;
  return approximateDays(da) - approximateDays(db);
}
