import type { ErrorCodeSpec } from '../spec.ts';

export const AUDIT_ERROR_CODES = {
  REG_ERR_AUDIT_SECRET_MISSING: {
    status: 500,
    publicMessage: 'The audit secret is not configured (REGISTRE_SECRET).',
  },
} as const satisfies Record<string, ErrorCodeSpec>;
