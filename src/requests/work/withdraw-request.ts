/** The subject, or the authorised agent acting for them (DRP revoke), withdraws a request. */
import type { Actor, RequestsDeps } from '../deps.ts';
import { assertTransition, type TRequestState } from '../states.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { mutateRequest } from '../store/mutate-request.ts';
import type { RequestRecord } from '../types.ts';

/** Withdraw request `requestId`; `reason` (optional) is kept sealed. REG_ERR_REQUESTS_TRANSITION when closed. */
export async function withdrawRequest(
  deps: RequestsDeps,
  requestId: string,
  actor: Actor,
  reason?: string,
): Promise<RequestRecord> {
  return mutateRequest(deps, requestId, async (trx, row, now) => {
    const state = row.state as TRequestState;
    assertTransition(state, 'withdrawn', 'withdraw the request');
    await trx
      .updateTable('subject_requests')
      .set({ state: 'withdrawn', code_hash: null, code_expires_at: null, closed_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await appendRequestEvent(trx, deps.sealer, row.id, now, {
      kind: 'withdrawn',
      actor,
      from: state,
      to: 'withdrawn',
      ...(reason === undefined || reason.trim() === '' ? {} : { body: reason }),
    });
  });
}
