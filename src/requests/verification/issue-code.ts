/** Issuing a verification code on a locked request row (intake and "send me a new code"). */
import { RegistreError } from '../../errors/registry.ts';
import type { RequestsDeps } from '../deps.ts';
import type { RequestRow, StoreTx } from '../store/request-row.ts';
import {
  codeExpiry,
  hashVerificationCode,
  MAX_CODES_PER_REQUEST,
  newVerificationCode,
} from '../verification-code.ts';

/**
 * Store the hash of a fresh code on `row` (attempts reset) and return the code, to be e-mailed and
 * then forgotten. Throws REG_ERR_REQUESTS_CODE_LIMIT once {@link MAX_CODES_PER_REQUEST} were sent.
 */
export async function issueCode(
  deps: Pick<RequestsDeps, 'secret'>,
  trx: StoreTx,
  row: Pick<RequestRow, 'id' | 'codes_sent'>,
  now: Date,
): Promise<string> {
  const sent = Number(row.codes_sent);
  if (sent >= MAX_CODES_PER_REQUEST) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_CODE_LIMIT',
      `request ${row.id}: ${sent} verification codes were already sent (at most ${MAX_CODES_PER_REQUEST})`,
    );
  }
  const code = newVerificationCode();
  await trx
    .updateTable('subject_requests')
    .set({
      code_hash: hashVerificationCode(deps.secret, row.id, code),
      code_expires_at: codeExpiry(now).toISOString(),
      code_attempts: 0,
      codes_sent: sent + 1,
    })
    .where('id', '=', row.id)
    .execute();
  return code;
}
