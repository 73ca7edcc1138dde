/** Open a session for a person who just proved who they are. */
import type { AccountsDeps } from './deps.ts';
import { digest, newOpaqueSecret } from './session-token.ts';

export interface NewSession {
  /** The cookie value; only its digest is stored. */
  readonly token: string;
  readonly id: string;
  /** Absolute end of the session (ISO-8601). */
  readonly expiresAt: string;
}

/** Store a new session for `userId` and return its cookie value. */
export async function createSession(deps: AccountsDeps, userId: string): Promise<NewSession> {
  const token = newOpaqueSecret();
  const id = digest(token);
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + deps.sessionMaxHours * 3_600_000).toISOString();
  await deps.db
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, id, expiresAt };
}
