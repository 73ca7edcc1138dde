/**
 * Answering a request: the engine acts on the organisation's database for the subject (found by
 * the address the request was verified with), the copy it produced is sealed behind an expiring
 * link, the request is completed and the subject receives the answer — the last three in one
 * transaction, so the request is completed exactly when the subject was told.
 *
 * The engine work runs outside the store's transaction (it writes to another database, with its
 * own audit trail). Its operations are idempotent, so a fulfilment that fails after the engine
 * acted (e-mail refused, request changed meanwhile) can simply be run again.
 */
import { createSubjectContext } from '../../engine/subject/context.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { Actor, RequestsDeps } from '../deps.ts';
import { createExport } from '../exports/create-export.ts';
import { exportFileUrl } from '../links.ts';
import { completionMessage } from '../mail/messages.ts';
import { messageContext, sendToSubject, subjectEmail } from '../mail/send-to-subject.ts';
import { assertWorking, type TRequestState } from '../states.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { mutateRequest } from '../store/mutate-request.ts';
import { findRequestRow } from '../store/request-row.ts';
import type { RequestRecord, TFulfilmentOutcome } from '../types.ts';
import type { TFulfilment } from './fulfilment-input.ts';
import { runEngine } from './run-engine.ts';

function assertMatches(requestId: string, requestRight: string, fulfilment: TFulfilment): void {
  if (fulfilment.right === requestRight) return;
  throw new RegistreError(
    'REG_ERR_REQUESTS_FULFILMENT',
    `request ${requestId} asks for ${requestRight}, the fulfilment is for ${fulfilment.right}`,
    { publicMessage: `This request asks for ${requestRight}; fulfil it with "right": "${requestRight}".` },
  );
}

/**
 * Fulfil request `requestId` (in progress or extended) as `actor`. Throws REG_ERR_REQUESTS_FULFILMENT
 * when `fulfilment` is for another right, REG_ERR_REQUESTS_TRANSITION when the request is not being
 * worked, the engine's errors (REG_ERR_SUBJECT_COLUMN, REG_ERR_SUBJECT_VALUE…) and
 * REG_ERR_REQUESTS_ENGINE_FAILED when an erasure did not complete.
 */
export async function fulfilRequest(
  deps: RequestsDeps,
  requestId: string,
  fulfilment: TFulfilment,
  actor: Actor,
): Promise<RequestRecord> {
  const before = await findRequestRow(deps.db, requestId);
  assertWorking(before.state as TRequestState, 'fulfil the request');
  assertMatches(before.id, before.right, fulfilment);

  const { target, datamap } = await deps.target.open();
  const ctx = await createSubjectContext({
    target,
    datamap: datamap.datamap,
    policy: datamap.policy,
    secret: deps.secret,
    actor,
    clock: deps.clock,
    language: before.language === 'en' ? 'en' : 'fr',
  });
  const engine = await runEngine(
    ctx,
    subjectEmail(deps, before),
    fulfilment,
    `request ${before.id} (${before.right})`,
  );

  return mutateRequest(deps, requestId, async (trx, row, now) => {
    const state = row.state as TRequestState;
    assertWorking(state, 'complete the request');
    const created =
      engine.files.length === 0 ? null : await createExport(deps, trx, row.id, engine.files, now);
    const outcome: TFulfilmentOutcome = {
      subjectFound: engine.subjectFound,
      rowCounts: engine.rowCounts,
      summary: engine.summary.join('\n'),
      ...(created === null ? {} : { exportId: created.id }),
    };
    await trx
      .updateTable('subject_requests')
      .set({ state: 'completed', outcome: JSON.stringify(outcome), closed_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    if (created !== null) {
      await appendRequestEvent(trx, deps.sealer, row.id, now, {
        kind: 'export-created',
        actor,
        data: { exportId: created.id, files: engine.files.map((f) => f.name), expiresAt: created.expiresAt },
      });
    }
    await appendRequestEvent(trx, deps.sealer, row.id, now, {
      kind: 'fulfilled',
      actor,
      from: state,
      to: 'completed',
      data: { subjectFound: engine.subjectFound, rowCounts: engine.rowCounts },
    });
    const download =
      created === null
        ? null
        : {
            urls: engine.files.map((f) => exportFileUrl(deps.publicBaseUrl, created.token, f.name)),
            expiresAt: created.expiresAt,
          };
    await sendToSubject(deps, row, completionMessage(messageContext(deps, row), engine.summary, download));
  });
}
