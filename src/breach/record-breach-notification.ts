/** Recording a notification made: to the authority, to the subjects, by public communication, or to a controller. */
import { randomUUID } from 'node:crypto';
import { RegistreError } from '../errors/registry.ts';
import { isLate, notificationDeadline } from './breach-clock.ts';
import { auditBreach, type BreachRegisterDeps, breachRow, notInFuture, utc } from './breach-deps.ts';
import type { TBreachView, TNotificationInput } from './breach-types.ts';
import { readBreach } from './read-breaches.ts';

const DECISION_NEEDED = {
  authority: { column: 'authority_decision', value: 'notify', what: 'authority.decision "notify"' },
  subjects: { column: 'subjects_decision', value: 'inform', what: 'subjects.decision "inform"' },
  public: {
    column: 'subjects_decision',
    value: 'public-communication',
    what: 'subjects.decision "public-communication"',
  },
} as const;

/**
 * Record a notification. It must follow the recorded decision (assess first), cannot predate
 * awareness or be in the future, and a notification to the authority after the 72 hours needs
 * the reasons for the delay (given now or recorded before).
 */
export async function recordBreachNotification(
  deps: BreachRegisterDeps,
  id: string,
  input: TNotificationInput,
  actor: string,
): Promise<TBreachView> {
  const now = deps.clock();
  const at = utc(input.at);
  notInFuture('at', at, now);
  await deps.db.transaction().execute(async (trx) => {
    const row = await breachRow(trx, id, { open: true });
    if (at < row.aware_at) {
      throw new RegistreError(
        'REG_ERR_BREACH_TIME_INVALID',
        `at (${at}) is before the organisation became aware of the breach (${row.aware_at})`,
      );
    }
    if (input.recipient !== 'controller') {
      const needed = DECISION_NEEDED[input.recipient];
      if (row[needed.column] !== needed.value) {
        throw new RegistreError(
          'REG_ERR_BREACH_DECISION_INVALID',
          `recipient "${input.recipient}" needs the recorded decision ${needed.what} (now: ${row[needed.column] ?? 'none'}); assess the breach first`,
        );
      }
    }
    let delayReason = row.delay_reason;
    if (input.recipient === 'authority' && isLate(row.aware_at, at)) {
      delayReason = input.delayReason ?? delayReason;
      if (delayReason === null) {
        throw new RegistreError(
          'REG_ERR_BREACH_DELAY_REASON_REQUIRED',
          `the notification at ${at} is after the deadline ${notificationDeadline(row.aware_at).toISOString()}: give delayReason (Art 33(1))`,
        );
      }
    }
    await trx
      .insertInto('breach_notifications')
      .values({
        id: randomUUID(),
        breach_id: id,
        recipient: input.recipient,
        at,
        channel: input.channel,
        reference: input.reference ?? null,
        recipients_count: input.recipientsCount ?? null,
        recorded_at: now.toISOString(),
        recorded_by: actor,
      })
      .execute();
    await trx
      .updateTable('breaches')
      .set({ delay_reason: delayReason, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await auditBreach(deps, trx, {
      actor,
      operation: 'breach.update',
      breachId: id,
      table: 'breach_notifications',
      reason: `breach notification to ${input.recipient} recorded`,
      details: { recipient: input.recipient, at, channel: input.channel },
    });
  });
  return readBreach(deps.db, id, now);
}
