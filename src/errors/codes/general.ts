import type { ErrorCodeSpec } from '../spec.ts';

export const GENERAL_ERROR_CODES = {
  REG_ERR_CLI_USAGE: { status: 400, publicMessage: 'Invalid command-line usage.' },
  REG_ERR_INTERNAL: { status: 500, publicMessage: 'Internal error.' },
} as const satisfies Record<string, ErrorCodeSpec>;
