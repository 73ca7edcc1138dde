/** What the accounts services receive: the store, a clock, the secret and the session policy. */
import type { Kysely } from 'kysely';
import type { StoreDb } from '../store/schema/index.ts';

export interface AccountsDeps {
  readonly db: Kysely<StoreDb>;
  readonly clock: () => Date;
  /** REGISTRE_SECRET: the key that encrypts TOTP secrets at rest is derived from it. */
  readonly secret: string;
  /** A session unused for this long is over (default 15). */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active (default 12). */
  readonly sessionMaxHours: number;
  /** Issuer shown in authenticator apps (default `Registre`). */
  readonly totpIssuer?: string;
}

/** Failed sign-ins in a row that lock an account… */
export const LOCKOUT_THRESHOLD = 5;
/** …for this long. */
export const LOCKOUT_MINUTES = 15;

export const MINUTE_MS = 60_000;
