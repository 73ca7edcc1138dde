/**
 * Turn a session cookie into the signed-in person, enforcing the idle time-out (default 15
 * minutes without a request) and the absolute lifetime. Each accepted request refreshes the
 * idle clock.
 */
import { RegistreError } from '../errors/registry.ts';
import { type AccountsDeps, MINUTE_MS } from './deps.ts';
import type { UserPrincipal } from './principal.ts';
import { ZRole } from './roles.ts';
import { digest } from './session-token.ts';

const COOKIE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function expired(why: string): RegistreError {
  return new RegistreError('REG_ERR_ACCOUNTS_SESSION_EXPIRED', `session refused: ${why}`);
}

/** The principal of a live session; throws REG_ERR_ACCOUNTS_SESSION_EXPIRED otherwise. */
export async function resolveSession(deps: AccountsDeps, cookieValue: string): Promise<UserPrincipal> {
  if (!COOKIE_SHAPE.test(cookieValue)) throw expired('malformed cookie');
  const id = digest(cookieValue);
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as id',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      'users.id as userId',
      'users.role as role',
      'users.disabled as disabled',
      'users.must_change_password as mustChangePassword',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw expired('unknown or ended session');
  const now = deps.clock();
  const idleSince = now.getTime() - new Date(row.lastSeenAt).getTime();
  const why =
    row.disabled === 1
      ? 'account disabled'
      : now.toISOString() >= row.expiresAt
        ? 'absolute lifetime reached'
        : idleSince >= deps.sessionIdleMinutes * MINUTE_MS
          ? 'idle time-out'
          : null;
  if (why !== null) {
    await deps.db.deleteFrom('sessions').where('id', '=', id).execute();
    throw expired(why);
  }
  await deps.db
    .updateTable('sessions')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  return {
    kind: 'user',
    userId: row.userId,
    role: ZRole.parse(row.role),
    sessionId: id,
    mustChangePassword: row.mustChangePassword === 1,
  };
}
