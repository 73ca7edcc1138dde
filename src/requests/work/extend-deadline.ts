/**
 * Art 12(3): the period may be extended by two further months "where necessary, taking into
 * account the complexity and number of the requests", telling the subject within the first month,
 * with the reasons. Once only, and only while the first period runs.
 */
import { assertCanExtend, deadlineRules, extendedDueOn } from '../deadline.ts';
import type { Actor, RequestsDeps } from '../deps.ts';
import { extensionMessage } from '../mail/messages.ts';
import { messageContext, sendToSubject } from '../mail/send-to-subject.ts';
import { assertTransition, type TRequestState } from '../states.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { mutateRequest } from '../store/mutate-request.ts';
import type { RequestRecord } from '../types.ts';

/**
 * Extend request `requestId` with `reason` (e-mailed to the subject). Throws
 * REG_ERR_REQUESTS_TRANSITION (not in progress, or already extended) and
 * REG_ERR_REQUESTS_EXTENSION_LATE (the first period is over).
 */
export async function extendDeadline(
  deps: RequestsDeps,
  requestId: string,
  reason: string,
  actor: Actor,
): Promise<RequestRecord> {
  return mutateRequest(deps, requestId, async (trx, row, now) => {
    const state = row.state as TRequestState;
    assertTransition(state, 'extended', 'extend the deadline');
    assertCanExtend(row.due_on, now);
    const newDueOn = extendedDueOn(new Date(row.received_at), deadlineRules(deps.policy()));
    await trx
      .updateTable('subject_requests')
      .set({
        state: 'extended',
        extended_due_on: newDueOn,
        extension_reason_sealed: deps.sealer.seal(reason, `${row.id}/extension_reason`),
      })
      .where('id', '=', row.id)
      .execute();
    await appendRequestEvent(trx, deps.sealer, row.id, now, {
      kind: 'extended',
      actor,
      from: state,
      to: 'extended',
      body: reason,
      data: { dueOn: row.due_on, extendedDueOn: newDueOn },
    });
    await sendToSubject(deps, row, extensionMessage(messageContext(deps, row), reason, newDueOn));
  });
}
