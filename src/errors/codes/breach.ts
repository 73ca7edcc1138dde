import type { ErrorCodeSpec } from '../spec.ts';

/** Breach register (Art 33 and 34) and notice versions. */
export const BREACH_ERROR_CODES = {
  REG_ERR_BREACH_NOT_FOUND: { status: 404, publicMessage: 'No breach with this id.' },
  REG_ERR_BREACH_CLOSED: {
    status: 409,
    publicMessage: 'The breach is closed: its record is kept as it is and can no longer change.',
  },
  REG_ERR_BREACH_DECISION_INVALID: {
    status: 422,
    publicMessage: 'The notification decision does not fit the risk level (Art 33(1), Art 34).',
  },
  REG_ERR_BREACH_DELAY_REASON_REQUIRED: {
    status: 422,
    publicMessage:
      'The authority is notified after the 72 hours: the reasons for the delay are required (Art 33(1)).',
  },
  REG_ERR_BREACH_CLOSE_INCOMPLETE: {
    status: 422,
    publicMessage: 'The breach cannot be closed yet: decisions or notifications are missing.',
  },
  REG_ERR_BREACH_CONTENT_INVALID: {
    status: 422,
    publicMessage: 'The breach content names a data or subject category the policy does not know.',
  },
  REG_ERR_BREACH_CONFLICT: {
    status: 409,
    publicMessage: 'The breach record changed at the same time; try again.',
  },
  REG_ERR_BREACH_TIME_INVALID: {
    status: 422,
    publicMessage: 'A date of the breach is impossible (in the future or before another it must follow).',
  },
} as const satisfies Record<string, ErrorCodeSpec>;
