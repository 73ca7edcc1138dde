/**
 * The subject enters the code they received: a right code moves the request from verifying to
 * in progress; a wrong one counts as an attempt (five per code). Neither the code nor the e-mail
 * address is ever logged or written in the timeline.
 */
import { RegistreError } from '../../errors/registry.ts';
import type { RequestsDeps } from '../deps.ts';
import type { TRequestState } from '../states.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { findRequestRow, lockRequest, toRecord } from '../store/request-row.ts';
import type { RequestRecord } from '../types.ts';
import { type CodeCheck, checkVerificationCode, MAX_CODE_ATTEMPTS } from '../verification-code.ts';

function refusal(check: Exclude<CodeCheck, 'ok'>, requestId: string, attemptsLeft: number): RegistreError {
  switch (check) {
    case 'wrong':
      return new RegistreError(
        'REG_ERR_REQUESTS_CODE_WRONG',
        `request ${requestId}: wrong verification code`,
        {
          publicMessage:
            attemptsLeft > 0
              ? `The verification code is wrong; ${attemptsLeft} attempt(s) left.`
              : 'The verification code is wrong; no attempt left: ask for a new code.',
        },
      );
    case 'expired':
      return new RegistreError(
        'REG_ERR_REQUESTS_CODE_EXPIRED',
        `request ${requestId}: no valid verification code`,
      );
    case 'exhausted':
      return new RegistreError(
        'REG_ERR_REQUESTS_CODE_ATTEMPTS',
        `request ${requestId}: ${MAX_CODE_ATTEMPTS} wrong attempts on the current code`,
      );
  }
}

/**
 * Check `code` for request `requestId`. Throws REG_ERR_REQUESTS_CODE_WRONG / _EXPIRED / _ATTEMPTS
 * (the attempt is recorded first), REG_ERR_REQUESTS_TRANSITION when the request is not waiting
 * for a code, REG_ERR_REQUESTS_NOT_FOUND.
 */
export async function verifyCode(
  deps: RequestsDeps,
  requestId: string,
  code: string,
): Promise<RequestRecord> {
  const now = deps.clock();
  const result = await deps.db.transaction().execute(async (trx) => {
    const row = await lockRequest(trx, requestId, now);
    const state = row.state as TRequestState;
    if (state !== 'verifying') {
      throw new RegistreError(
        'REG_ERR_REQUESTS_TRANSITION',
        `request ${row.id} is ${state}, not waiting for a verification code`,
        {
          publicMessage: `This request is not waiting for a verification code (it is ${state.replace('_', ' ')}).`,
        },
      );
    }
    const attempts = Number(row.code_attempts);
    const check = checkVerificationCode(
      deps.secret,
      row.id,
      { codeHash: row.code_hash, expiresAt: row.code_expires_at, attempts },
      code,
      now,
    );
    if (check !== 'ok') {
      if (check === 'wrong') {
        await trx
          .updateTable('subject_requests')
          .set({ code_attempts: attempts + 1 })
          .where('id', '=', row.id)
          .execute();
        await appendRequestEvent(trx, deps.sealer, row.id, now, {
          kind: 'code-failed',
          actor: 'subject',
          data: { attempt: attempts + 1 },
        });
      }
      return { ok: false as const, check, attemptsLeft: MAX_CODE_ATTEMPTS - attempts - 1 };
    }
    await trx
      .updateTable('subject_requests')
      .set({ state: 'in_progress', verified_at: now.toISOString(), code_hash: null, code_expires_at: null })
      .where('id', '=', row.id)
      .execute();
    await appendRequestEvent(trx, deps.sealer, row.id, now, {
      kind: 'verified',
      actor: 'subject',
      from: state,
      to: 'in_progress',
      data: { method: 'code' },
    });
    return { ok: true as const, row: await findRequestRow(trx, row.id) };
  });
  if (!result.ok) throw refusal(result.check, requestId, result.attemptsLeft);
  return toRecord(result.row);
}
