import type { ErrorCodeSpec } from '../spec.ts';

/** Retention sweeps run from the server (src/retention/). */
export const RETENTION_ERROR_CODES = {
  REG_ERR_RETENTION_SWEEP_RUNNING: {
    status: 409,
    publicMessage:
      'A retention sweep is already executing on this database; wait for it to finish before starting another.',
  },
  REG_ERR_RETENTION_RUN_NOT_FOUND: { status: 404, publicMessage: 'No retention sweep with this id.' },
} as const satisfies Record<string, ErrorCodeSpec>;
