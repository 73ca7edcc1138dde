/**
 * Reading and locking request rows. Every change to a request runs in one transaction that starts
 * by touching the request's row ({@link lockRequest}): PostgreSQL then holds a row lock and SQLite
 * its write lock, so two agents acting on one request at once are serialised, and the state read
 * next is the state the change applies to.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { RegistreError } from '../../errors/registry.ts';
import type { StoreDb } from '../../store/schema/index.ts';
import type { SubjectRequestsTable } from '../../store/schema/requests.ts';
import type { TRequestRight } from '../rights.ts';
import type { TRequestState } from '../states.ts';
import {
  type RequestRecord,
  type TRefusalGround,
  type TRequestChannel,
  ZFulfilmentOutcome,
} from '../types.ts';

export type RequestRow = Selectable<SubjectRequestsTable>;
export type StoreTx = Transaction<StoreDb>;

/** The record of a row, sealed fields left out. */
export function toRecord(row: RequestRow): RequestRecord {
  return {
    id: row.id,
    right: row.right as TRequestRight,
    channel: row.channel as TRequestChannel,
    state: row.state as TRequestState,
    language: row.language === 'en' ? 'en' : 'fr',
    subjectKey: row.subject_key,
    receivedAt: row.received_at,
    dueOn: row.due_on,
    extendedDueOn: row.extended_due_on,
    refusalGround: row.refusal_ground as TRefusalGround | null,
    possiblyRepetitive: Number(row.possibly_repetitive) === 1,
    repeatOf: row.repeat_of,
    assigneeId: row.assignee_id,
    verifiedAt: row.verified_at,
    drpPrincipal: row.drp_principal,
    drpAgentId: row.drp_agent_id,
    drpAgentRequestId: row.drp_agent_request_id,
    outcome: row.outcome === null ? null : ZFulfilmentOutcome.parse(JSON.parse(row.outcome)),
    createdBy: row.created_by,
    closedAt: row.closed_at,
    updatedAt: row.updated_at,
  };
}

function notFound(id: string): RegistreError {
  return new RegistreError('REG_ERR_REQUESTS_NOT_FOUND', `no request with id ${id}`);
}

/** The row of request `id`; throws REG_ERR_REQUESTS_NOT_FOUND. */
export async function findRequestRow(db: Kysely<StoreDb> | StoreTx, id: string): Promise<RequestRow> {
  const row = await db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound(id);
  return row;
}

/**
 * Take the request's row for the rest of the transaction (by writing `updated_at`), then read
 * it. Throws REG_ERR_REQUESTS_NOT_FOUND.
 */
export async function lockRequest(trx: StoreTx, id: string, now: Date): Promise<RequestRow> {
  const result = await trx
    .updateTable('subject_requests')
    .set({ updated_at: now.toISOString() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound(id);
  return findRequestRow(trx, id);
}
