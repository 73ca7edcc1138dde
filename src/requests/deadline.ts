/**
 * The Art 12(3) clock. A request must be answered within one month of receipt (or the shorter
 * time the policy promises, e.g. 30 days in seed 002); the period may be extended by two further
 * months, with the reasons told to the subject within the first period.
 *
 * Periods follow Regulation 1182/71 through src/policy/retention: the day of receipt does not
 * count, and a month ends on the same day of the month, or on the last day of a shorter month
 * (received 31 January → due 28 February, or 29 February in a leap year). A deadline is a
 * calendar day (UTC): the answer is on time until that day is over.
 */
import { RegistreError } from '../errors/registry.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import {
  addDays,
  addDuration,
  compareDurations,
  type Duration,
  parseDuration,
  startOfUtcDay,
} from '../policy/retention/index.ts';

/** Art 12(3): one month, when the policy states no response time. */
export const DEFAULT_RESPONSE_TIME = 'P1M';
/** Art 12(3): "may be extended by two further months". */
export const MAX_EXTENSION = 'P2M';

export interface DeadlineRules {
  /** Time to answer (ISO 8601 duration). */
  readonly responseTime: string;
  /** Extension available (ISO 8601 duration), at most two months. */
  readonly extension: string;
}

/** `YYYY-MM-DD` of a day. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function dayOf(text: string): Date {
  return new Date(`${text}T00:00:00.000Z`);
}

/**
 * The deadline rules of a policy: its `rights.responseTime` (one month when omitted) and its
 * `rights.extension` (two months when omitted; a longer one is capped at two months, the most
 * Art 12(3) allows).
 */
export function deadlineRules(policy: LoadedPolicy): DeadlineRules {
  const rights = policy.policy.rights;
  const extension = rights.extension ?? MAX_EXTENSION;
  return {
    responseTime: rights.responseTime ?? DEFAULT_RESPONSE_TIME,
    extension: compareDurations(extension, MAX_EXTENSION) > 0 ? MAX_EXTENSION : extension,
  };
}

function sum(a: Duration, b: Duration): Duration {
  return {
    years: a.years + b.years,
    months: a.months + b.months,
    weeks: a.weeks + b.weeks,
    days: a.days + b.days,
    hours: a.hours + b.hours,
  };
}

/**
 * The day by which a request received at `receivedAt` must be answered: the day of receipt plus
 * the response time (`addDuration`, calendar months clamped to the month's last day).
 */
export function responseDueOn(receivedAt: Date, rules: DeadlineRules): string {
  return isoDay(addDuration(startOfUtcDay(receivedAt), rules.responseTime));
}

/**
 * The extended deadline: the whole period (response time plus extension) counted from the day of
 * receipt, as Regulation 1182/71 counts one period — received 31 January, one month plus two:
 * due 30 April (not 29 February + 2 months).
 */
export function extendedDueOn(receivedAt: Date, rules: DeadlineRules): string {
  const whole = sum(parseDuration(rules.responseTime), parseDuration(rules.extension));
  return isoDay(addDuration(startOfUtcDay(receivedAt), whole));
}

/** True while `now` is on or before the day `dueOn` (the whole day counts). */
export function isWithin(dueOn: string, now: Date): boolean {
  return startOfUtcDay(now).getTime() <= dayOf(dueOn).getTime();
}

/**
 * Throws REG_ERR_REQUESTS_EXTENSION_LATE unless `now` is within the first period (Art 12(3): the
 * subject must be told of the extension "within one month of receipt").
 */
export function assertCanExtend(firstDueOn: string, now: Date): void {
  if (isWithin(firstDueOn, now)) return;
  throw new RegistreError(
    'REG_ERR_REQUESTS_EXTENSION_LATE',
    `the first period ended on ${firstDueOn}; an extension must be decided and told to the subject before then (today is ${isoDay(now)})`,
    {
      publicMessage: `The deadline can only be extended until ${firstDueOn}, the end of the first period to answer.`,
    },
  );
}

/**
 * Whole days left until the end of `dueOn` counted from the day of `now`: 0 on the due day,
 * negative once it is over.
 */
export function daysLeft(dueOn: string, now: Date): number {
  return Math.round((dayOf(dueOn).getTime() - startOfUtcDay(now).getTime()) / 86_400_000);
}

/** The instant the due day is over (midnight UTC after it), for protocols that want a timestamp. */
export function endOfDueDay(dueOn: string): Date {
  return addDays(dayOf(dueOn), 1);
}
