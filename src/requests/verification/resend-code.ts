/** "Send me a new code": a fresh code replaces the one out (at most five per request). */
import type { RequestsDeps } from '../deps.ts';
import { codeMessage } from '../mail/messages.ts';
import { messageContext, sendToSubject } from '../mail/send-to-subject.ts';
import { assertTransition, type TRequestState } from '../states.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { lockRequest } from '../store/request-row.ts';
import { CODE_TTL_MINUTES } from '../verification-code.ts';
import { issueCode } from './issue-code.ts';

/**
 * E-mail a new code for a request waiting for verification. Throws REG_ERR_REQUESTS_CODE_LIMIT,
 * REG_ERR_REQUESTS_TRANSITION (not waiting for a code), REG_ERR_REQUESTS_NOT_FOUND.
 */
export async function resendCode(deps: RequestsDeps, requestId: string): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const row = await lockRequest(trx, requestId, now);
    const state = row.state as TRequestState;
    assertTransition(state, 'verifying', 'send a new verification code');
    const code = await issueCode(deps, trx, row, now);
    await trx.updateTable('subject_requests').set({ state: 'verifying' }).where('id', '=', row.id).execute();
    await appendRequestEvent(trx, deps.sealer, row.id, now, {
      kind: 'code-sent',
      actor: 'subject',
      from: state,
      to: 'verifying',
      data: { ttlMinutes: CODE_TTL_MINUTES, resent: true },
    });
    await sendToSubject(deps, row, codeMessage(messageContext(deps, row), code, CODE_TTL_MINUTES, null));
  });
}
