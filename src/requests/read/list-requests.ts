/** The inbox of requests, with their deadlines: no personal data, so no audit entry. */
import { z } from 'zod';
import { isoDay } from '../deadline.ts';
import type { RequestsDeps } from '../deps.ts';
import { ZRequestRight } from '../rights.ts';
import { ZRequestState } from '../states.ts';
import { toRecord } from '../store/request-row.ts';
import { type TRequestSummary, toSummary } from '../views.ts';

export const ZRequestListQuery = z.strictObject({
  state: ZRequestState.optional(),
  right: ZRequestRight.optional(),
  /** A user id, or `none` for unassigned requests. */
  assignee: z.union([z.uuid(), z.literal('none')]).optional(),
  /** Only open requests whose current deadline is over. */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TRequestListQuery = z.infer<typeof ZRequestListQuery>;

const OPEN = ['received', 'verifying', 'in_progress', 'extended'];

/** Requests matching `query`, soonest deadline first (closed ones last, newest first). */
export async function listRequests(deps: RequestsDeps, query: TRequestListQuery): Promise<TRequestSummary[]> {
  const now = deps.clock();
  let select = deps.db.selectFrom('subject_requests').selectAll();
  if (query.state !== undefined) select = select.where('state', '=', query.state);
  if (query.right !== undefined) select = select.where('right', '=', query.right);
  if (query.assignee === 'none') select = select.where('assignee_id', 'is', null);
  else if (query.assignee !== undefined) select = select.where('assignee_id', '=', query.assignee);
  if (query.overdue === 'true') {
    const today = isoDay(now);
    select = select
      .where('state', 'in', OPEN)
      .where((eb) => eb(eb.fn.coalesce('extended_due_on', 'due_on'), '<', today));
  }
  const rows = await select
    .orderBy((eb) => eb.case().when('closed_at', 'is', null).then(0).else(1).end())
    .orderBy((eb) => eb.fn.coalesce('extended_due_on', 'due_on'))
    .orderBy('received_at', 'desc')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return rows.map((row) => toSummary(toRecord(row), now));
}
