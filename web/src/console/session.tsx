/**
 * Who is signed in to the console. The session lives in an httpOnly cookie set by the server;
 * the app only asks `/v1/auth/me`. Any API answer 401 (idle time-out, sign-out elsewhere) brings
 * back the sign-in page with a message.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { TUserView } from '../../../src/accounts/user-view.ts';
import { ApiError, get, onUnauthenticated, post } from '../api/client.ts';

export type SessionEnd = 'expired' | 'signed-out' | null;

export interface Session {
  /** undefined while asking the server, null when nobody is signed in. */
  readonly user: TUserView | null | undefined;
  /** Why the last session ended (to tell the person on the sign-in page). */
  readonly ended: SessionEnd;
  signedIn(user: TUserView): void;
  /** Ask the server again (after a password change). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [user, setUser] = useState<TUserView | null | undefined>(undefined);
  const [ended, setEnded] = useState<SessionEnd>(null);

  const refresh = useCallback(async () => {
    try {
      setUser(await get<TUserView>('/v1/auth/me', { quiet401: true }));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setUser(null);
      else throw error;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => setUser(null));
    return onUnauthenticated(() => {
      setUser((current) => {
        if (current !== null && current !== undefined) setEnded('expired');
        return null;
      });
    });
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({
      user,
      ended,
      signedIn(next) {
        setEnded(null);
        setUser(next);
      },
      refresh,
      async signOut() {
        await post('/v1/auth/sign-out').catch(() => undefined);
        setEnded('signed-out');
        setUser(null);
      },
    }),
    [user, ended, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

/** The signed-in person (inside the console's signed-in area only). */
export function useUser(): TUserView {
  const { user } = useSession();
  if (user === null || user === undefined) throw new Error('useUser() while signed out');
  return user;
}
