/** What the API says about an API token (never the token or its hash). */
import { z } from 'zod';
import type { ApiTokensTable } from '../store/schema/accounts.ts';
import { type TApiScope, ZApiScope } from './scopes.ts';

export const ZApiTokenView = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    /** First characters of the token, to recognise it. */
    prefix: z.string(),
    scopes: z.array(ZApiScope),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
export type TApiTokenView = z.infer<typeof ZApiTokenView>;

/** Scopes stored as JSON text; unknown (retired) scopes are dropped. */
export function parseScopes(json: string): TApiScope[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((scope) => {
    const parsed = ZApiScope.safeParse(scope);
    return parsed.success ? [parsed.data] : [];
  });
}

export function toApiTokenView(row: ApiTokensTable): TApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    scopes: parseScopes(row.scopes),
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
