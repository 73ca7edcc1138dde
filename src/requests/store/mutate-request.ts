/** One change to one request: lock its row, apply the step, return the record as it now is. */
import type { RequestsDeps } from '../deps.ts';
import type { RequestRecord } from '../types.ts';
import { findRequestRow, lockRequest, type RequestRow, type StoreTx, toRecord } from './request-row.ts';

/**
 * Run `step` in a transaction holding request `requestId` (REG_ERR_REQUESTS_NOT_FOUND when there
 * is none); whatever `step` throws rolls the whole step back, e-mail sent last included.
 */
export async function mutateRequest(
  deps: Pick<RequestsDeps, 'db' | 'clock'>,
  requestId: string,
  step: (trx: StoreTx, row: RequestRow, now: Date) => Promise<void>,
): Promise<RequestRecord> {
  const now = deps.clock();
  const row = await deps.db.transaction().execute(async (trx) => {
    const locked = await lockRequest(trx, requestId, now);
    await step(trx, locked, now);
    return findRequestRow(trx, requestId);
  });
  return toRecord(row);
}
