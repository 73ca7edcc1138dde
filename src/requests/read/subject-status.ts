/** What the subject sees of their request with the token they were given at intake. */
import { timingSafeEqual } from 'node:crypto';
import { digest } from '../../accounts/session-token.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { RequestsDeps } from '../deps.ts';
import { findRequestRow, toRecord } from '../store/request-row.ts';
import type { TRequestEventKind } from '../types.ts';
import { currentDueOn } from '../types.ts';
import type { TSubjectStatus } from '../views.ts';

/** Steps shown to the subject (notes, assignments and failed codes stay internal). */
const SHOWN: readonly TRequestEventKind[] = [
  'received',
  'code-sent',
  'verified',
  'extended',
  'reply',
  'fulfilled',
  'refused',
  'withdrawn',
];

function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The status of request `requestId` for the holder of `statusToken`. A wrong token answers
 * REG_ERR_REQUESTS_NOT_FOUND, as an unknown request does (nothing tells them apart).
 */
export async function subjectStatus(
  deps: RequestsDeps,
  requestId: string,
  statusToken: string,
): Promise<TSubjectStatus> {
  const row = await findRequestRow(deps.db, requestId);
  if (!sameDigest(row.status_token_hash, digest(statusToken))) {
    throw new RegistreError('REG_ERR_REQUESTS_NOT_FOUND', `request ${requestId}: wrong status token`);
  }
  const record = toRecord(row);
  const events = await deps.db
    .selectFrom('subject_request_events')
    .select(['at', 'kind'])
    .where('request_id', '=', row.id)
    .where('kind', 'in', [...SHOWN])
    .orderBy('seq')
    .execute();
  return {
    id: record.id,
    right: record.right,
    state: record.state,
    receivedAt: record.receivedAt,
    dueOn: currentDueOn(record),
    extended: record.extendedDueOn !== null,
    closedAt: record.closedAt,
    steps: events.map((e) => ({ at: e.at, kind: e.kind as TRequestEventKind })),
  };
}
