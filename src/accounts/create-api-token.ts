/**
 * API tokens for machines: `rgt_` + 256 random bits, shown once at creation, stored as a
 * SHA-256 digest, carrying scopes and an optional expiry.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type TApiTokenView, toApiTokenView } from './api-token-view.ts';
import type { AccountsDeps } from './deps.ts';
import { ZDisplayName } from './fields.ts';
import { ZApiScope } from './scopes.ts';
import { digest, newOpaqueSecret } from './session-token.ts';

export const API_TOKEN_PREFIX = 'rgt_';

export const ZCreateApiToken = z.strictObject({
  /** What the token is for, e.g. "CRM sync". */
  name: ZDisplayName,
  scopes: z.array(ZApiScope).min(1, 'give at least one scope').max(32),
  /** Days until the token stops working; absent: no expiry. */
  expiresInDays: z.int().min(1).max(3650).optional(),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

export interface CreatedApiToken {
  /** The token itself: shown once, never stored. */
  readonly token: string;
  readonly view: TApiTokenView;
}

/** Create a token for `input.scopes`, recorded as created by `createdBy`. */
export async function createApiToken(
  deps: AccountsDeps,
  input: TCreateApiToken,
  createdBy: string | null,
): Promise<CreatedApiToken> {
  const token = API_TOKEN_PREFIX + newOpaqueSecret();
  const now = deps.clock();
  const row = {
    id: randomUUID(),
    name: input.name,
    token_hash: digest(token),
    token_prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
    scopes: JSON.stringify([...new Set(input.scopes)].sort()),
    created_by: createdBy,
    created_at: now.toISOString(),
    expires_at:
      input.expiresInDays === undefined
        ? null
        : new Date(now.getTime() + input.expiresInDays * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await deps.db.insertInto('api_tokens').values(row).execute();
  return { token, view: toApiTokenView(row) };
}
