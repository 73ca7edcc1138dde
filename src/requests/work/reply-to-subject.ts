/** A message from the agent to the subject (a question, an answer), e-mailed and kept in the timeline. */
import type { Actor, RequestsDeps } from '../deps.ts';
import { replyMessage } from '../mail/messages.ts';
import { messageContext, sendToSubject } from '../mail/send-to-subject.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { mutateRequest } from '../store/mutate-request.ts';
import type { RequestRecord } from '../types.ts';

/** E-mail `text` to the subject of request `requestId` and record it. REG_ERR_SERVER_MAIL_SEND rolls it back. */
export async function replyToSubject(
  deps: RequestsDeps,
  requestId: string,
  text: string,
  actor: Actor,
): Promise<RequestRecord> {
  return mutateRequest(deps, requestId, async (trx, row, now) => {
    await appendRequestEvent(trx, deps.sealer, row.id, now, { kind: 'reply', actor, body: text });
    await sendToSubject(deps, row, replyMessage(messageContext(deps, row), text));
  });
}
