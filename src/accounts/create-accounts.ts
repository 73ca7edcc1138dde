/**
 * The accounts service: every use case of this folder bound to one set of dependencies. It also
 * implements {@link PrincipalResolver} for the server's access layer.
 */
import { bootstrapAdmin } from './bootstrap-admin.ts';
import { changePassword, type TChangePassword } from './change-password.ts';
import { confirmTotp, type TConfirmTotp } from './confirm-totp.ts';
import { createApiToken, type TCreateApiToken } from './create-api-token.ts';
import { createUser, type TCreateUser } from './create-user.ts';
import type { AccountsDeps } from './deps.ts';
import { disableTotp, type TDisableTotp } from './disable-totp.ts';
import { endSession } from './end-session.ts';
import { enrolTotp, type TEnrolTotp } from './enrol-totp.ts';
import { findUser } from './find-user.ts';
import { listApiTokens } from './list-api-tokens.ts';
import { listUsers } from './list-users.ts';
import type { PrincipalResolver, UserPrincipal } from './principal.ts';
import { purgeSessions } from './purge-sessions.ts';
import { resetPassword } from './reset-password.ts';
import { resolveApiToken } from './resolve-api-token.ts';
import { resolveSession } from './resolve-session.ts';
import { revokeApiToken } from './revoke-api-token.ts';
import { signIn, type TSignIn } from './sign-in.ts';
import { unlockUser } from './unlock-user.ts';
import { type TUpdateUser, updateUser } from './update-user.ts';
import { toUserView } from './user-view.ts';

/** Build the accounts service over `deps` (store, clock, secret, session policy). */
export function createAccounts(deps: AccountsDeps) {
  return {
    deps,
    signIn: (input: TSignIn) => signIn(deps, input),
    signOut: (cookieValue: string) => endSession(deps, cookieValue),
    resolveSession: (cookieValue: string) => resolveSession(deps, cookieValue),
    resolveToken: (token: string) => resolveApiToken(deps, token),
    getUser: async (id: string) => toUserView(await findUser(deps, id), deps.clock()),
    changePassword: (who: UserPrincipal, input: TChangePassword) => changePassword(deps, who, input),
    enrolTotp: (userId: string, input: TEnrolTotp) => enrolTotp(deps, userId, input),
    confirmTotp: (userId: string, input: TConfirmTotp) => confirmTotp(deps, userId, input),
    disableTotp: (userId: string, input: TDisableTotp) => disableTotp(deps, userId, input),
    listUsers: () => listUsers(deps),
    createUser: (input: TCreateUser) => createUser(deps, input),
    updateUser: (id: string, input: TUpdateUser) => updateUser(deps, id, input),
    unlockUser: (id: string) => unlockUser(deps, id),
    resetPassword: (id: string) => resetPassword(deps, id),
    createApiToken: (input: TCreateApiToken, createdBy: string | null) =>
      createApiToken(deps, input, createdBy),
    listApiTokens: () => listApiTokens(deps),
    revokeApiToken: (id: string) => revokeApiToken(deps, id),
    bootstrapAdmin: (email: string) => bootstrapAdmin(deps, email),
    purgeSessions: () => purgeSessions(deps),
  } satisfies PrincipalResolver & Record<string, unknown>;
}

export type AccountsService = ReturnType<typeof createAccounts>;
