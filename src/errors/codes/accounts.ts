import type { ErrorCodeSpec } from '../spec.ts';

/** Accounts, sessions, second factor and API tokens. */
export const ACCOUNTS_ERROR_CODES = {
  REG_ERR_ACCOUNTS_INVALID_CREDENTIALS: { status: 401, publicMessage: 'Wrong e-mail or password.' },
  REG_ERR_ACCOUNTS_LOCKED: {
    status: 423,
    publicMessage: 'This account is locked after repeated failed sign-ins; try again later.',
  },
  REG_ERR_ACCOUNTS_TOTP_REQUIRED: {
    status: 401,
    publicMessage: 'This account needs the code of its authenticator app.',
  },
  REG_ERR_ACCOUNTS_TOTP_CODE_INVALID: { status: 400, publicMessage: 'The authenticator code is wrong.' },
  REG_ERR_ACCOUNTS_TOTP_STATE: {
    status: 409,
    publicMessage: 'The second factor is not in a state that allows this.',
  },
  REG_ERR_ACCOUNTS_SESSION_EXPIRED: { status: 401, publicMessage: 'The session has expired; sign in again.' },
  REG_ERR_ACCOUNTS_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    publicMessage: 'Change your one-time password before doing anything else.',
  },
  REG_ERR_ACCOUNTS_PASSWORD_MISMATCH: { status: 400, publicMessage: 'The current password is wrong.' },
  REG_ERR_ACCOUNTS_PASSWORD_REUSED: {
    status: 400,
    publicMessage: 'The new password must differ from the current one.',
  },
  REG_ERR_ACCOUNTS_EMAIL_TAKEN: { status: 409, publicMessage: 'An account already uses this e-mail.' },
  REG_ERR_ACCOUNTS_USER_NOT_FOUND: { status: 404, publicMessage: 'No such user.' },
  REG_ERR_ACCOUNTS_LAST_ADMIN: {
    status: 409,
    publicMessage: 'The last active administrator cannot be demoted or disabled.',
  },
  REG_ERR_ACCOUNTS_TOKEN_INVALID: { status: 401, publicMessage: 'The API token is invalid or revoked.' },
  REG_ERR_ACCOUNTS_TOKEN_NOT_FOUND: { status: 404, publicMessage: 'No such API token.' },
} as const satisfies Record<string, ErrorCodeSpec>;
