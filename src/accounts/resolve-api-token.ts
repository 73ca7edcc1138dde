/** Turn a bearer token into its principal (scopes), refusing unknown, revoked and expired ones. */
import { RegistreError } from '../errors/registry.ts';
import { parseScopes } from './api-token-view.ts';
import { type AccountsDeps, MINUTE_MS } from './deps.ts';
import type { TokenPrincipal } from './principal.ts';
import { digest } from './session-token.ts';

/** The principal of `token`; throws REG_ERR_ACCOUNTS_TOKEN_INVALID. Records its last use. */
export async function resolveApiToken(deps: AccountsDeps, token: string): Promise<TokenPrincipal> {
  const row = await deps.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('token_hash', '=', digest(token))
    .executeTakeFirst();
  const now = deps.clock();
  const iso = now.toISOString();
  if (row === undefined || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= iso)) {
    throw new RegistreError('REG_ERR_ACCOUNTS_TOKEN_INVALID', 'API token unknown, revoked or expired');
  }
  // One write per minute at most, not one per call.
  if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() >= MINUTE_MS) {
    await deps.db.updateTable('api_tokens').set({ last_used_at: iso }).where('id', '=', row.id).execute();
  }
  return { kind: 'token', tokenId: row.id, scopes: parseScopes(row.scopes) };
}
