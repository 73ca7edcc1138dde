/**
 * Deadline reminders (Art 12(3)): every open request whose deadline (the extended one, once
 * extended) is at most `withinDays` days away, or past, gets one e-mail to its assignee — or to
 * the DPO when nobody is assigned (or the assignee's account is disabled) — per threshold
 * (`due-soon`, `overdue`) and due day. What was sent is recorded in `request_deadline_reminders`
 * in the transaction that sends it, so a second run, or a second process, sends nothing again;
 * an extension (a new due day) earns new reminders. The e-mail names the request by id and right,
 * never the subject.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Mailer } from '../../mail/create-mailer.ts';
import { addDays, startOfUtcDay } from '../../policy/retention/index.ts';
import { daysLeft, isoDay } from '../../requests/deadline.ts';
import { FINAL_STATES } from '../../requests/states.ts';
import type { StoreDb } from '../../store/schema/index.ts';
import { defineJob, type JobType } from '../job-type.ts';

export const DEADLINE_REMINDERS_JOB = 'deadline-reminders';

export const ZDeadlineRemindersPayload = z.strictObject({
  /** Remind when this many days or fewer are left (0: on the due day only). */
  withinDays: z.number().int().min(0).max(60),
});
export type TDeadlineRemindersPayload = z.infer<typeof ZDeadlineRemindersPayload>;

export interface DeadlineRemindersDeps {
  readonly db: Kysely<StoreDb>;
  readonly mailer: Mailer;
  /** Where the console is reached (links in the e-mail), without a trailing slash. */
  readonly publicBaseUrl: string;
  /** The policy's DPO address, for when no active account has the dpo role. */
  readonly policyDpoEmail: () => string | null;
}

type Threshold = 'due-soon' | 'overdue';

function message(
  deps: DeadlineRemindersDeps,
  request: { id: string; right: string; state: string },
  dueOn: string,
  left: number,
  recipient: 'assignee' | 'dpo',
) {
  const when =
    left < 0
      ? `It is overdue by ${-left} day${left === -1 ? '' : 's'}.`
      : left === 0
        ? 'Today is the last day.'
        : `${left} day${left === 1 ? '' : 's'} left.`;
  const who =
    recipient === 'assignee' ? 'It is assigned to you.' : 'Nobody is assigned to it: you receive it as DPO.';
  return {
    subject:
      left < 0
        ? `[Registre] Overdue request ${request.id.slice(0, 8)}: due ${dueOn}`
        : `[Registre] Request ${request.id.slice(0, 8)} due ${dueOn}`,
    text: [
      `The ${request.right} request ${request.id} must be answered by ${dueOn} (Art 12(3) GDPR).`,
      when,
      `State: ${request.state.replace('_', ' ')}. ${who}`,
      '',
      `Open it: ${deps.publicBaseUrl}/console/requests/${encodeURIComponent(request.id)}`,
    ].join('\n'),
  };
}

export function deadlineRemindersJob(deps: DeadlineRemindersDeps): JobType<TDeadlineRemindersPayload> {
  return defineJob({
    name: DEADLINE_REMINDERS_JOB,
    payload: ZDeadlineRemindersPayload,
    retry: { limit: 3, delaySeconds: 300, backoff: true },
    async run(payload, ctx) {
      const { db } = deps;
      const limit = isoDay(addDays(startOfUtcDay(ctx.now), payload.withinDays));
      // The extended day is never before the first one: `due_on <= limit` finds every candidate.
      const requests = await db
        .selectFrom('subject_requests')
        .select(['id', 'right', 'state', 'due_on', 'extended_due_on', 'assignee_id'])
        .where('state', 'not in', [...FINAL_STATES])
        .where('due_on', '<=', limit)
        .orderBy('due_on')
        .orderBy('id')
        .execute();
      let dpo: string[] | null = null;
      const dpoAddresses = async (): Promise<string[]> => {
        if (dpo === null) {
          const users = await db
            .selectFrom('users')
            .select('email')
            .where('role', '=', 'dpo')
            .where('disabled', '=', 0)
            .orderBy('email')
            .execute();
          const fallback = deps.policyDpoEmail();
          dpo = users.length > 0 ? users.map((u) => u.email) : fallback === null ? [] : [fallback];
        }
        return dpo;
      };
      const counts = { candidates: 0, dueSoonSent: 0, overdueSent: 0, alreadySent: 0, noRecipient: 0 };
      for (const request of requests) {
        const dueOn = request.extended_due_on ?? request.due_on;
        const left = daysLeft(dueOn, ctx.now);
        if (left > payload.withinDays) continue;
        counts.candidates += 1;
        const threshold: Threshold = left < 0 ? 'overdue' : 'due-soon';
        let recipient: 'assignee' | 'dpo' = 'dpo';
        let to: string[] = [];
        if (request.assignee_id !== null) {
          const assignee = await db
            .selectFrom('users')
            .select(['email', 'disabled'])
            .where('id', '=', request.assignee_id)
            .executeTakeFirst();
          if (assignee !== undefined && Number(assignee.disabled) === 0) {
            recipient = 'assignee';
            to = [assignee.email];
          }
        }
        if (to.length === 0) to = await dpoAddresses();
        if (to.length === 0) {
          counts.noRecipient += 1;
          continue;
        }
        const sent = await db.transaction().execute(async (trx) => {
          const recorded = await trx
            .insertInto('request_deadline_reminders')
            .values({
              request_id: request.id,
              threshold,
              due_on: dueOn,
              sent_at: ctx.now.toISOString(),
              recipient,
            })
            .onConflict((oc) => oc.columns(['request_id', 'threshold', 'due_on']).doNothing())
            .executeTakeFirst();
          if (Number(recorded.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
          // Sent last, inside the transaction: a failed e-mail leaves no record, the retry sends it.
          await deps.mailer.send({ to: to.join(', '), ...message(deps, request, dueOn, left, recipient) });
          return true;
        });
        if (!sent) counts.alreadySent += 1;
        else if (threshold === 'overdue') counts.overdueSent += 1;
        else counts.dueSoonSent += 1;
      }
      return counts;
    },
  });
}
