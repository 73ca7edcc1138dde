/**
 * Five-field cron expressions in UTC (`minute hour day-of-month month day-of-week`): the job
 * runner computes every schedule slot with it, on both queues (pg-boss's own cron is not used).
 *
 * Each field is `*`, a number, a range `a-b`, a step `*\/n`, `a-b/n` or `a/n`, or a comma list of
 * those; day of week 0–7 (0 and 7 are Sunday), without steps. When both day fields are
 * restricted, a day matches either (Vixie cron). A day field counts as unrestricted when pg-boss's
 * parser (cron-parser 4) says so — day of month: as many values as the month has days (February:
 * 29); day of week: all of 0–7, or 1–7 — so expressions read as they do in pg-boss's docs
 * (cron.test.ts checks the next minute against cron-parser, except for lists naming a value twice,
 * which cron-parser miscounts). Names (`MON`), `L`, `W`,
 * `#`, steps in the day of week (cron-parser reads some of them oddly) and six-field expressions
 * are refused.
 */
import { RegistreError } from '../errors/registry.ts';

export interface CronSchedule {
  readonly expression: string;
  /** True when the minute of `date` (UTC) is one the expression names. */
  matches(date: Date): boolean;
  /** The first matching minute strictly after `after`. */
  next(after: Date): Date;
}

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
}

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
];

/** Days per month as cron-parser counts them to tell a wildcard day of month (February: 29). */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const MINUTE_MS = 60_000;
/** Long enough to contain every calendar day pattern, including 29 February. */
const SEARCH_YEARS = 8;

function invalid(expression: string, why: string): RegistreError {
  return new RegistreError(
    'REG_ERR_JOBS_CRON',
    `cron expression '${expression}': ${why} (expected 5 fields in UTC: minute hour day-of-month month day-of-week, e.g. '0 2 * * *')`,
  );
}

function parseNumber(expression: string, spec: FieldSpec, text: string): number {
  if (!/^\d{1,2}$/.test(text)) throw invalid(expression, `${spec.name}: '${text}' is not a number`);
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw invalid(expression, `${spec.name}: ${value} is outside ${spec.min}–${spec.max}`);
  }
  return value;
}

/** The values one field names. */
function parseField(expression: string, spec: FieldSpec, field: string): Set<number> {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [range = '', stepText, extra] = part.split('/');
    if (extra !== undefined || range === '')
      throw invalid(expression, `${spec.name}: '${part}' is malformed`);
    let step = 1;
    if (stepText !== undefined) {
      if (spec.name === 'day of week') throw invalid(expression, `${spec.name}: steps are not accepted`);
      if (!/^\d{1,2}$/.test(stepText) || Number(stepText) === 0) {
        throw invalid(expression, `${spec.name}: step '${stepText}' must be a number from 1`);
      }
      step = Number(stepText);
    }
    let low: number;
    let high: number;
    if (range === '*') {
      low = spec.min;
      high = spec.max;
    } else if (range.includes('-')) {
      const [a = '', b = '', more] = range.split('-');
      if (more !== undefined) throw invalid(expression, `${spec.name}: '${range}' is malformed`);
      low = parseNumber(expression, spec, a);
      high = parseNumber(expression, spec, b);
      if (low > high) throw invalid(expression, `${spec.name}: range '${range}' goes backwards`);
    } else {
      low = parseNumber(expression, spec, range);
      high = stepText === undefined ? low : spec.max;
    }
    for (let value = low; value <= high; value += step) values.add(value);
  }
  return values;
}

/**
 * Parse `expression`. Throws REG_ERR_JOBS_CRON naming the field and what it accepts, or when the
 * expression names no minute that exists (e.g. 31 February).
 */
export function parseCron(expression: string): CronSchedule {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 || fields[0] === '') {
    throw invalid(expression, `${fields[0] === '' ? 0 : fields.length} field(s)`);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = FIELDS.map((spec, i) =>
    parseField(expression, spec, fields[i] ?? ''),
  ) as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (daysOfWeek.has(7)) daysOfWeek.add(0);
  // As cron-parser counts: unrestricted only when every value 0–7 is named (`*`, `0-7`, `1-7`);
  // `0-6` names every day yet counts as restricted.
  const weekdayWildcard = daysOfWeek.size === 8;
  const weekdays = new Set([...daysOfWeek].map((d) => d % 7));

  if (months.size === 1) {
    // One month named: days it never has are an error when they are all there is, else dropped.
    const [month = 1] = months;
    const days = DAYS_IN_MONTH[month - 1] ?? 31;
    if (Math.min(...daysOfMonth) > days) {
      throw invalid(expression, `day of month ${Math.min(...daysOfMonth)} does not exist in month ${month}`);
    }
    for (const day of daysOfMonth) if (day > days) daysOfMonth.delete(day);
  }

  const dayMatches = (date: Date): boolean => {
    const byMonthDay = daysOfMonth.has(date.getUTCDate());
    const byWeekday = weekdays.has(date.getUTCDay());
    const monthDayWildcard = daysOfMonth.size >= (DAYS_IN_MONTH[date.getUTCMonth()] ?? 31);
    if (!byMonthDay && (!byWeekday || weekdayWildcard)) return false;
    return !(monthDayWildcard && !weekdayWildcard && !byWeekday);
  };

  const matches = (date: Date): boolean =>
    minutes.has(date.getUTCMinutes()) &&
    hours.has(date.getUTCHours()) &&
    months.has(date.getUTCMonth() + 1) &&
    dayMatches(date);

  const search = (after: Date): Date | null => {
    let t = Math.floor(after.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    const limit = Date.UTC(after.getUTCFullYear() + SEARCH_YEARS, 0, 1);
    while (t < limit) {
      const d = new Date(t);
      const [y, mo, day, h] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours()];
      if (!months.has(mo + 1)) t = Date.UTC(y, mo + 1, 1);
      else if (!dayMatches(d)) t = Date.UTC(y, mo, day + 1);
      else if (!hours.has(h)) t = Date.UTC(y, mo, day, h + 1);
      else if (!minutes.has(d.getUTCMinutes())) t += MINUTE_MS;
      else return d;
    }
    return null;
  };

  if (search(new Date(Date.UTC(2000, 0, 1))) === null) {
    throw invalid(expression, 'it names no day that exists');
  }
  return {
    expression: fields.join(' '),
    matches,
    next(after) {
      const found = search(after);
      // Unreachable for a parsed expression (checked above over a whole leap-year cycle).
      if (found === null) throw invalid(expression, `no time after ${after.toISOString()}`);
      return found;
    },
  };
}
