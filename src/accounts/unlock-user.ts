/** An administrator lifts a lockout before it runs out. */
import type { AccountsDeps } from './deps.ts';
import { findUser } from './find-user.ts';
import { clearFailures } from './record-failure.ts';
import { type TUserView, toUserView } from './user-view.ts';

/** Reset the failed-attempt counter and the lock of user `id`. */
export async function unlockUser(deps: AccountsDeps, id: string): Promise<TUserView> {
  const row = await findUser(deps, id);
  await clearFailures(deps, id);
  return toUserView({ ...row, failed_attempts: 0, locked_until: null }, deps.clock());
}
