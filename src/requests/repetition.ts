/**
 * Repeated requests (Art 12(5): "in particular because of their repetitive character"). A request
 * for the same right by the same subject within the repeat window is flagged as possibly
 * repetitive for the person who handles it. It is never refused automatically: the controller
 * must show that a request is excessive, and only a person can weigh that.
 */
import { addDays, addMonths, parseDuration } from '../policy/retention/index.ts';

/** Default window: a second request for the same right within three months is flagged. */
export const DEFAULT_REPEAT_WINDOW = 'P3M';

/** The earliest receipt time of an earlier request that makes one received at `receivedAt` a repeat. */
export function repeatWindowStart(receivedAt: Date, window: string): Date {
  const d = parseDuration(window);
  const back = addMonths(receivedAt, -(d.years * 12 + d.months));
  return new Date(addDays(back, -(d.weeks * 7 + d.days)).getTime() - d.hours * 3_600_000);
}
