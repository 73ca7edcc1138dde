/**
 * The Art 33 clock: the authority is notified without undue delay and, where feasible, within
 * 72 hours of the organisation becoming aware of the breach. The deadline is the awareness time
 * plus 72 hours exactly (hours, not calendar days: no time-zone or month arithmetic involved).
 */
import type { TBreachClock } from './breach-types.ts';

export const NOTIFICATION_WINDOW_HOURS = 72;
const HOUR_MS = 3_600_000;

/** Awareness + 72 h. */
export function notificationDeadline(awareAt: string | Date): Date {
  const aware = typeof awareAt === 'string' ? Date.parse(awareAt) : awareAt.getTime();
  return new Date(aware + NOTIFICATION_WINDOW_HOURS * HOUR_MS);
}

/** Hours left until the deadline at `now` (fractional; negative once the deadline has passed). */
export function hoursLeft(breach: { readonly awareAt: string }, now: Date): number {
  return (notificationDeadline(breach.awareAt).getTime() - now.getTime()) / HOUR_MS;
}

/** True when a notification sent at `at` is after the deadline. */
export function isLate(awareAt: string, at: string | Date): boolean {
  const time = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return time > notificationDeadline(awareAt).getTime();
}

/**
 * Where the clock stands at `now`, for the dashboard: still running, overdue, stopped by the
 * first notification to the authority (on time or late), or not needed (risk unlikely).
 */
export function breachClock(
  breach: {
    readonly awareAt: string;
    readonly authorityDecision: string | null;
    readonly authorityNotifiedAt: string | null;
  },
  now: Date,
): TBreachClock {
  const deadline = notificationDeadline(breach.awareAt);
  const left = hoursLeft(breach, now);
  const notified = breach.authorityNotifiedAt;
  let state: TBreachClock['state'];
  if (notified !== null) state = isLate(breach.awareAt, notified) ? 'notified-late' : 'notified';
  else if (breach.authorityDecision === 'not-required') state = 'not-required';
  else state = left >= 0 ? 'running' : 'overdue';
  return { deadline: deadline.toISOString(), hoursLeft: left, state, authorityNotifiedAt: notified };
}
