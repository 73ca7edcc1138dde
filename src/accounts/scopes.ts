/**
 * Scopes an API token can carry. A route opens itself to tokens by listing the scopes it needs
 * in its access rule (src/server/access.ts); a token must hold all of them. Add a scope here when
 * an area needs one.
 */
import { z } from 'zod';

export const API_SCOPES = [
  'requests:read',
  'requests:write',
  'consent:read',
  'consent:write',
  'breaches:read',
  'breaches:write',
  'notices:read',
  'notices:write',
  'audit:read',
  'audit:verify',
  'register:read',
  'jobs:run',
  'retention:read',
  'retention:run',
] as const;
export const ZApiScope = z.enum(API_SCOPES);
export type TApiScope = z.infer<typeof ZApiScope>;
