/**
 * Art 12(5): refusing a manifestly unfounded or excessive request (notably repetitive) — decided
 * by a person, with the reasons recorded, since the controller carries the burden of showing it;
 * Art 12(6): refusing when identity could not be verified. The subject is told why, with the
 * right to complain to the policy's supervisory authority (Art 12(4)).
 */
import type { Actor, RequestsDeps } from '../deps.ts';
import { refusalMessage } from '../mail/messages.ts';
import { messageContext, sendToSubject } from '../mail/send-to-subject.ts';
import { assertTransition, type TRequestState } from '../states.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { mutateRequest } from '../store/mutate-request.ts';
import type { RequestRecord, TManualRefusalGround } from '../types.ts';

/** Refuse request `requestId` on `ground` with `reason` (e-mailed). REG_ERR_REQUESTS_TRANSITION when closed. */
export async function refuseRequest(
  deps: RequestsDeps,
  requestId: string,
  ground: TManualRefusalGround,
  reason: string,
  actor: Actor,
): Promise<RequestRecord> {
  return mutateRequest(deps, requestId, async (trx, row, now) => {
    const state = row.state as TRequestState;
    assertTransition(state, 'refused', 'refuse the request');
    await trx
      .updateTable('subject_requests')
      .set({
        state: 'refused',
        refusal_ground: ground,
        refusal_reason_sealed: deps.sealer.seal(reason, `${row.id}/refusal_reason`),
        code_hash: null,
        code_expires_at: null,
        closed_at: now.toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    await appendRequestEvent(trx, deps.sealer, row.id, now, {
      kind: 'refused',
      actor,
      from: state,
      to: 'refused',
      body: reason,
      data: { ground, possiblyRepetitive: Number(row.possibly_repetitive) === 1 },
    });
    await sendToSubject(deps, row, refusalMessage(messageContext(deps, row), ground, reason));
  });
}
