/** Who is calling: a person through a session, or a machine through an API token. */
import type { TRole } from './roles.ts';
import type { TApiScope } from './scopes.ts';

export interface UserPrincipal {
  readonly kind: 'user';
  readonly userId: string;
  readonly role: TRole;
  /** Id of the session row (the SHA-256 of the cookie value). */
  readonly sessionId: string;
  /** True while the password is a one-time password that must be changed. */
  readonly mustChangePassword: boolean;
}

export interface TokenPrincipal {
  readonly kind: 'token';
  readonly tokenId: string;
  readonly scopes: readonly TApiScope[];
}

export type Principal = UserPrincipal | TokenPrincipal;

/** How the access layer turns credentials into a principal (implemented by the accounts service). */
export interface PrincipalResolver {
  /** The user of a live session; throws REG_ERR_ACCOUNTS_SESSION_EXPIRED when it is not. */
  resolveSession(cookieValue: string): Promise<UserPrincipal>;
  /** The token's principal; throws REG_ERR_ACCOUNTS_TOKEN_INVALID when unknown, revoked or expired. */
  resolveToken(token: string): Promise<TokenPrincipal>;
}
