import type { ErrorCodeSpec } from '../spec.ts';

export const DATAMAP_ERROR_CODES = {
  REG_ERR_DATAMAP_FILE_NOT_FOUND: { status: 404, publicMessage: 'Data-map file not found.' },
  REG_ERR_DATAMAP_INVALID: { status: 422, publicMessage: 'The data map is invalid.' },
} as const satisfies Record<string, ErrorCodeSpec>;
