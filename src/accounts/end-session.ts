/** Sign out: end one session, or every session of a person. */
import type { AccountsDeps } from './deps.ts';
import { digest } from './session-token.ts';

/** End the session whose cookie value is `cookieValue` (no error when there is none). */
export async function endSession(deps: Pick<AccountsDeps, 'db'>, cookieValue: string): Promise<void> {
  await deps.db.deleteFrom('sessions').where('id', '=', digest(cookieValue)).execute();
}

/** End every session of `userId`, except `keepSessionId` when given. */
export async function endUserSessions(
  deps: Pick<AccountsDeps, 'db'>,
  userId: string,
  keepSessionId?: string,
): Promise<void> {
  let query = deps.db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId);
  await query.execute();
}
