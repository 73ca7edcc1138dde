/**
 * Recording a new request, whatever the channel: the Art 12(3) clock starts at receipt, repeated
 * requests are flagged, and the subject receives either a verification code or, when identity is
 * already established, an acknowledgement. A right the policy does not grant is refused with the
 * policy's reason — thrown at the caller, or recorded as a refused request for protocols that
 * need a request to report on (DRP).
 */
import { randomUUID } from 'node:crypto';
import { digest, newOpaqueSecret } from '../../accounts/session-token.ts';
import { ledgerSubjectKey } from '../../consent/subject-key.ts';
import { isRegistreError, RegistreError } from '../../errors/registry.ts';
import { deadlineRules, responseDueOn } from '../deadline.ts';
import type { Actor, RequestsDeps } from '../deps.ts';
import { statusUrl } from '../links.ts';
import { acknowledgementMessage, codeMessage, refusalMessage } from '../mail/messages.ts';
import { messageContext, sendToSubject } from '../mail/send-to-subject.ts';
import { repeatWindowStart } from '../repetition.ts';
import { assertRightGranted, type TRequestRight } from '../rights.ts';
import type { TRequestState } from '../states.ts';
import { appendRequestEvent, type NewRequestEvent } from '../store/append-event.ts';
import { findRequestRow, type StoreTx, toRecord } from '../store/request-row.ts';
import type { RequestRecord, TRequestChannel, TRequestEventKind } from '../types.ts';
import { issueCode } from '../verification/issue-code.ts';
import { CODE_TTL_MINUTES } from '../verification-code.ts';

export interface NewRequest {
  readonly right: TRequestRight;
  readonly email: string;
  readonly name?: string | undefined;
  readonly details?: string | undefined;
  readonly language?: 'fr' | 'en' | undefined;
  readonly channel: TRequestChannel;
  /** When the request reached the organisation; now when absent. */
  readonly receivedAt?: Date | undefined;
  readonly createdBy: Actor;
  /** `verify`: e-mail a code; `established`: identity already established (agent, DRP attestation). */
  readonly identity: 'verify' | 'established';
  /** What to do with a right the policy does not grant (default `throw`). */
  readonly notGranted?: 'throw' | 'record-refusal';
  readonly drp?: {
    readonly principal: string;
    readonly agentId: string;
    readonly agentRequestId: string | null;
  };
}

export interface SubmittedRequest {
  readonly request: RequestRecord;
  /** The token the subject follows the request with: given once, only its digest is kept. */
  readonly statusToken: string;
}

async function findRepeat(trx: StoreTx, subjectKey: string, right: string, since: Date, before: Date) {
  return trx
    .selectFrom('subject_requests')
    .select(['id'])
    .where('subject_key', '=', subjectKey)
    .where('right', '=', right)
    .where('state', '!=', 'withdrawn')
    .where('received_at', '>=', since.toISOString())
    .where('received_at', '<=', before.toISOString())
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Record `input`. Throws REG_ERR_REQUESTS_RIGHT_NOT_GRANTED (unless recording the refusal),
 * REG_ERR_REQUESTS_RECEIVED_AT (receipt in the future), REG_ERR_REQUESTS_NO_POLICY and
 * REG_ERR_SERVER_MAIL_SEND (nothing is recorded then).
 */
export async function submitRequest(deps: RequestsDeps, input: NewRequest): Promise<SubmittedRequest> {
  const now = deps.clock();
  const receivedAt = input.receivedAt ?? now;
  if (receivedAt.getTime() > now.getTime() + 60_000) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_RECEIVED_AT',
      `receivedAt ${receivedAt.toISOString()} is after now (${now.toISOString()})`,
      { details: [{ path: 'body.receivedAt', message: 'cannot be in the future' }] },
    );
  }
  const policy = deps.policy();
  const language = input.language ?? policy.policy.organisation.languages[0] ?? 'fr';
  let refusal: string | null = null;
  try {
    assertRightGranted(policy, input.right, language);
  } catch (error) {
    if (input.notGranted !== 'record-refusal' || !isRegistreError(error)) throw error;
    refusal = error.publicMessage;
  }
  const id = randomUUID();
  const statusToken = newOpaqueSecret();
  const subjectKey = ledgerSubjectKey(deps.secret, { email: input.email });
  const seal = (value: string | undefined, field: string) =>
    value === undefined ? null : deps.sealer.seal(value, `${id}/${field}`);

  const row = await deps.db.transaction().execute(async (trx) => {
    const repeat = await findRepeat(
      trx,
      subjectKey,
      input.right,
      repeatWindowStart(receivedAt, deps.repeatWindow),
      receivedAt,
    );
    await trx
      .insertInto('subject_requests')
      .values({
        id,
        right: input.right,
        channel: input.channel,
        state: 'received',
        language,
        subject_key: subjectKey,
        email_sealed: deps.sealer.seal(input.email.trim(), `${id}/email`),
        name_sealed: seal(input.name, 'name'),
        details_sealed: seal(input.details, 'details'),
        received_at: receivedAt.toISOString(),
        due_on: responseDueOn(receivedAt, deadlineRules(policy)),
        extended_due_on: null,
        extension_reason_sealed: null,
        refusal_ground: null,
        refusal_reason_sealed: null,
        possibly_repetitive: repeat === undefined ? 0 : 1,
        repeat_of: repeat?.id ?? null,
        assignee_id: null,
        code_hash: null,
        code_expires_at: null,
        code_attempts: 0,
        codes_sent: 0,
        verified_at: null,
        status_token_hash: digest(statusToken),
        drp_principal: input.drp?.principal ?? null,
        drp_agent_id: input.drp?.agentId ?? null,
        drp_agent_request_id: input.drp?.agentRequestId ?? null,
        outcome: null,
        created_by: input.createdBy,
        closed_at: null,
        updated_at: now.toISOString(),
      })
      .execute();
    const event = (kind: TRequestEventKind, extra: Omit<NewRequestEvent, 'kind' | 'actor'> = {}) =>
      appendRequestEvent(trx, deps.sealer, id, now, { kind, actor: input.createdBy, ...extra });
    await event('received', { to: 'received', data: { right: input.right, channel: input.channel } });
    if (repeat !== undefined)
      await event('flagged-repetitive', { data: { repeatOf: repeat.id, window: deps.repeatWindow } });

    const fresh = await findRequestRow(trx, id);
    const ctx = messageContext(deps, fresh);
    let next: TRequestState;
    if (refusal !== null) {
      next = 'refused';
      await trx
        .updateTable('subject_requests')
        .set({
          state: next,
          refusal_ground: 'right-not-granted',
          refusal_reason_sealed: deps.sealer.seal(refusal, `${id}/refusal_reason`),
          closed_at: now.toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await event('refused', {
        from: 'received',
        to: next,
        body: refusal,
        data: { ground: 'right-not-granted' },
      });
      await sendToSubject(deps, fresh, refusalMessage(ctx, 'right-not-granted', refusal));
    } else if (input.identity === 'verify') {
      next = 'verifying';
      const code = await issueCode(deps, trx, fresh, now);
      await trx.updateTable('subject_requests').set({ state: next }).where('id', '=', id).execute();
      await event('code-sent', { from: 'received', to: next, data: { ttlMinutes: CODE_TTL_MINUTES } });
      await sendToSubject(
        deps,
        fresh,
        codeMessage(ctx, code, CODE_TTL_MINUTES, statusUrl(deps.publicBaseUrl, id, statusToken)),
      );
    } else {
      next = 'in_progress';
      await trx
        .updateTable('subject_requests')
        .set({ state: next, verified_at: now.toISOString() })
        .where('id', '=', id)
        .execute();
      await event('verified', {
        from: 'received',
        to: next,
        data: { method: input.channel === 'drp' ? 'drp-agent' : 'agent' },
      });
      await sendToSubject(
        deps,
        fresh,
        acknowledgementMessage(ctx, fresh.due_on, statusUrl(deps.publicBaseUrl, id, statusToken)),
      );
    }
    return findRequestRow(trx, id);
  });
  return { request: toRecord(row), statusToken };
}
