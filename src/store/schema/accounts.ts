/**
 * Tables of the accounts area (migrations 0001–0099): people, their sessions, API tokens.
 *
 * Portable column conventions for every area of the store (SQLite and PostgreSQL):
 * - ids are text (UUIDs from `crypto.randomUUID()`);
 * - timestamps are ISO-8601 text in UTC (`Date#toISOString()`), so text comparison orders them;
 * - booleans are integers 0/1 (SQLite has no boolean type);
 * - lists are JSON text.
 */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  /** Lower-cased, unique. */
  email: string;
  display_name: string;
  /** One of ROLES (src/accounts/roles.ts). */
  role: string;
  /** argon2id PHC string. */
  password_hash: string;
  /** 1 while the password is a one-time password (bootstrap, admin reset). */
  must_change_password: number;
  disabled: number;
  failed_attempts: Generated<number>;
  locked_until: string | null;
  /** AES-256-GCM ciphertext of the base32 TOTP secret (pending until confirmed). */
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  /** Last accepted TOTP time step, so a code cannot be replayed. */
  totp_last_step: number | null;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  /** Absolute end of life, whatever the activity. */
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  /** SHA-256 (hex) of the whole token; the token is shown once at creation. */
  token_hash: string;
  /** First characters of the token (`rgt_` + 6), to recognise it in lists. */
  token_prefix: string;
  /** JSON array of scopes. */
  scopes: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AccountsTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}
