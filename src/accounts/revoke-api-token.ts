/** Revoke an API token: it stops working at once; the row stays for the record. */
import { RegistreError } from '../errors/registry.ts';
import { type TApiTokenView, toApiTokenView } from './api-token-view.ts';
import type { AccountsDeps } from './deps.ts';

/** Mark token `id` revoked (idempotent) and return its view. */
export async function revokeApiToken(deps: AccountsDeps, id: string): Promise<TApiTokenView> {
  const row = await deps.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined)
    throw new RegistreError('REG_ERR_ACCOUNTS_TOKEN_NOT_FOUND', `no API token with id ${id}`);
  if (row.revoked_at !== null) return toApiTokenView(row);
  const revokedAt = deps.clock().toISOString();
  await deps.db.updateTable('api_tokens').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
  return toApiTokenView({ ...row, revoked_at: revokedAt });
}
