import type { ErrorCodeSpec } from '../spec.ts';

/** HTTP shell, Registre's own store, configuration and mail. */
export const SERVER_ERROR_CODES = {
  REG_ERR_SERVER_VALIDATION: { status: 400, publicMessage: 'The request is invalid.' },
  REG_ERR_SERVER_BAD_REQUEST: { status: 400, publicMessage: 'The request could not be read.' },
  REG_ERR_SERVER_UNAUTHENTICATED: { status: 401, publicMessage: 'Sign-in or an API token is required.' },
  REG_ERR_SERVER_FORBIDDEN: { status: 403, publicMessage: 'You are not allowed to do this.' },
  REG_ERR_SERVER_CROSS_ORIGIN: {
    status: 403,
    publicMessage: 'Cross-origin requests with a session cookie are refused.',
  },
  REG_ERR_SERVER_NOT_FOUND: { status: 404, publicMessage: 'No such resource.' },
  REG_ERR_SERVER_PAYLOAD_TOO_LARGE: { status: 413, publicMessage: 'The request body is too large.' },
  REG_ERR_SERVER_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    publicMessage: 'Unsupported content type: send application/json.',
  },
  REG_ERR_SERVER_RATE_LIMITED: { status: 429, publicMessage: 'Too many requests; retry later.' },
  REG_ERR_SERVER_ROUTE_DECLARATION: {
    status: 500,
    publicMessage: 'A route is declared without its access rule or response schema.',
  },
  REG_ERR_SERVER_CONFIG: { status: 500, publicMessage: 'The server configuration is invalid.' },
  REG_ERR_SERVER_STORE_URL: {
    status: 500,
    publicMessage: "Registre's store must be a SQLite file or a PostgreSQL database.",
  },
  REG_ERR_SERVER_STORE_MIGRATION: { status: 500, publicMessage: "Registre's store could not be migrated." },
  REG_ERR_SERVER_MAIL_SEND: { status: 502, publicMessage: 'The e-mail could not be sent.' },
} as const satisfies Record<string, ErrorCodeSpec>;
