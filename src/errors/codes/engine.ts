import type { ErrorCodeSpec } from '../spec.ts';

export const ENGINE_ERROR_CODES = {
  REG_ERR_DB_URL: { status: 400, publicMessage: 'Unsupported database URL.' },
  REG_ERR_DB_UNREACHABLE: { status: 503, publicMessage: 'The database could not be reached.' },
  REG_ERR_DB_OPTION: { status: 500, publicMessage: 'A database option is invalid.' },
} as const satisfies Record<string, ErrorCodeSpec>;
