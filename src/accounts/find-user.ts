/** Read one account row. */
import { RegistreError } from '../errors/registry.ts';
import type { AccountsDeps } from './deps.ts';
import type { UserRow } from './user-view.ts';

/** The row of user `id`, or REG_ERR_ACCOUNTS_USER_NOT_FOUND. */
export async function findUser(deps: Pick<AccountsDeps, 'db'>, id: string): Promise<UserRow> {
  const row = await deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new RegistreError('REG_ERR_ACCOUNTS_USER_NOT_FOUND', `no user with id ${id}`);
  return row;
}

/** The row for `email` (case-insensitive), or undefined. */
export async function findUserByEmail(
  deps: Pick<AccountsDeps, 'db'>,
  email: string,
): Promise<UserRow | undefined> {
  return deps.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}
