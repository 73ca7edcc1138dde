/** Every account, for the administration screen. */
import type { AccountsDeps } from './deps.ts';
import { type TUserView, toUserView } from './user-view.ts';

/** All accounts, ordered by e-mail. */
export async function listUsers(deps: AccountsDeps): Promise<TUserView[]> {
  const rows = await deps.db.selectFrom('users').selectAll().orderBy('email').execute();
  const now = deps.clock();
  return rows.map((row) => toUserView(row, now));
}
