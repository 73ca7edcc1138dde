/**
 * An administrator changes a person's role or name, or disables / re-enables the account.
 * The last active administrator can be neither demoted nor disabled. Disabling ends sessions.
 */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import type { AccountsDeps } from './deps.ts';
import { endUserSessions } from './end-session.ts';
import { ZDisplayName } from './fields.ts';
import { findUser } from './find-user.ts';
import { ZRole } from './roles.ts';
import { type TUserView, toUserView } from './user-view.ts';

export const ZUpdateUser = z
  .strictObject({
    role: ZRole.optional(),
    displayName: ZDisplayName.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, 'give at least one of role, displayName, disabled');
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

/** Apply `input` to user `id` and return the new view. */
export async function updateUser(deps: AccountsDeps, id: string, input: TUpdateUser): Promise<TUserView> {
  return deps.db.transaction().execute(async (trx) => {
    const scoped = { ...deps, db: trx };
    const row = await findUser(scoped, id);
    const losesAdmin =
      row.role === 'admin' &&
      row.disabled === 0 &&
      ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin) {
      const others = await trx
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .where('id', '!=', id)
        .execute();
      if (others.length === 0) {
        throw new RegistreError('REG_ERR_ACCOUNTS_LAST_ADMIN', `user ${id} is the last active administrator`);
      }
    }
    const now = deps.clock();
    const changes = {
      ...(input.role === undefined ? {} : { role: input.role }),
      ...(input.displayName === undefined ? {} : { display_name: input.displayName }),
      ...(input.disabled === undefined ? {} : { disabled: input.disabled ? 1 : 0 }),
      updated_at: now.toISOString(),
    };
    await trx.updateTable('users').set(changes).where('id', '=', id).execute();
    if (input.disabled === true) await endUserSessions(scoped, id);
    return toUserView({ ...row, ...changes }, now);
  });
}
