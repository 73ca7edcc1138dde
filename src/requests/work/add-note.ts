/** Internal notes: seen by the people who work the request, never sent to the subject. */
import type { Actor, RequestsDeps } from '../deps.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { mutateRequest } from '../store/mutate-request.ts';
import type { RequestRecord } from '../types.ts';

/** Add an internal note (sealed at rest) to the timeline of request `requestId`, open or closed. */
export async function addNote(
  deps: RequestsDeps,
  requestId: string,
  text: string,
  actor: Actor,
): Promise<RequestRecord> {
  return mutateRequest(deps, requestId, async (trx, row, now) => {
    await appendRequestEvent(trx, deps.sealer, row.id, now, { kind: 'note', actor, body: text });
  });
}
