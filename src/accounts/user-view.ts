/** What the API says about an account (never its hash, TOTP secret or counters' internals). */
import { z } from 'zod';
import type { UsersTable } from '../store/schema/accounts.ts';
import { ZRole } from './roles.ts';

export const ZUserView = z
  .strictObject({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: ZRole,
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
    /** Set while the account is locked after repeated failed sign-ins. */
    lockedUntil: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type TUserView = z.infer<typeof ZUserView>;

export type UserRow = Omit<UsersTable, 'failed_attempts' | 'totp_enabled'> & {
  failed_attempts: number;
  totp_enabled: number;
};

/** The view of a user row at time `now` (a lock in the past is no lock). */
export function toUserView(row: UserRow, now: Date): TUserView {
  const locked = row.locked_until !== null && row.locked_until > now.toISOString();
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: ZRole.parse(row.role),
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    totpEnabled: row.totp_enabled === 1,
    lockedUntil: locked ? row.locked_until : null,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
  };
}
