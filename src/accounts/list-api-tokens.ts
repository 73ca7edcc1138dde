/** Every API token (revoked ones included, for the record). */
import { type TApiTokenView, toApiTokenView } from './api-token-view.ts';
import type { AccountsDeps } from './deps.ts';

/** All tokens, newest first. */
export async function listApiTokens(deps: AccountsDeps): Promise<TApiTokenView[]> {
  const rows = await deps.db
    .selectFrom('api_tokens')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toApiTokenView);
}
