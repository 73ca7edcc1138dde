/** The request's timeline: one row per step, numbered per request, written in the step's transaction. */
import { randomUUID } from 'node:crypto';
import type { FieldSealer } from '../sealed-fields.ts';
import type { TRequestState } from '../states.ts';
import type { TRequestEventKind } from '../types.ts';
import type { StoreTx } from './request-row.ts';

export interface NewRequestEvent {
  readonly kind: TRequestEventKind;
  readonly actor: string;
  readonly from?: TRequestState;
  readonly to?: TRequestState;
  /** Text of a note, reply or reason: sealed before it is stored. */
  readonly body?: string;
  /** Facts free of personal data. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * Append `event` to the timeline of request `requestId` at `at`. Call it inside the transaction
 * that locked the request (see `lockRequest`), so numbers never collide.
 */
export async function appendRequestEvent(
  trx: StoreTx,
  sealer: FieldSealer,
  requestId: string,
  at: Date,
  event: NewRequestEvent,
): Promise<void> {
  const last = await trx
    .selectFrom('subject_request_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  const id = randomUUID();
  await trx
    .insertInto('subject_request_events')
    .values({
      id,
      request_id: requestId,
      seq: Number(last?.seq ?? 0) + 1,
      at: at.toISOString(),
      kind: event.kind,
      actor: event.actor,
      from_state: event.from ?? null,
      to_state: event.to ?? null,
      body_sealed: event.body === undefined ? null : sealer.seal(event.body, `${requestId}/event/${id}`),
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}
