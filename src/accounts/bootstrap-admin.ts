/**
 * First start: when the store has no account at all, create an administrator with a one-time
 * password (to print once; it must be changed at first sign-in). Safe when several processes
 * start together: only one creates it.
 */
import { isRegistreError } from '../errors/registry.ts';
import { type CreatedUser, createUser } from './create-user.ts';
import type { AccountsDeps } from './deps.ts';

/** The created administrator, or null when accounts already exist. */
export async function bootstrapAdmin(deps: AccountsDeps, email: string): Promise<CreatedUser | null> {
  const any = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) return null;
  try {
    return await createUser(deps, { email, displayName: 'Administrator', role: 'admin' });
  } catch (error) {
    if (isRegistreError(error) && error.code === 'REG_ERR_ACCOUNTS_EMAIL_TAKEN') return null;
    throw error;
  }
}
