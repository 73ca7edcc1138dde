import type { ErrorCodeSpec } from '../spec.ts';

/** The DPO console's governance pages: the Art 30 register, processors, the audit trail. */
export const GOVERNANCE_ERROR_CODES = {
  REG_ERR_GOVERNANCE_NO_POLICY: {
    status: 404,
    publicMessage:
      'No privacy policy is loaded on this server (REGISTRE_POLICY): there is no register to show.',
  },
  REG_ERR_GOVERNANCE_TRAIL_UNREACHABLE: {
    status: 503,
    publicMessage: 'The database holding the audit trail could not be read; try again later.',
  },
} as const satisfies Record<string, ErrorCodeSpec>;
