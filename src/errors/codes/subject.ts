import type { ErrorCodeSpec } from '../spec.ts';

/** Subject requests executed on the organisation's database (access, erasure, rectification…). */
export const SUBJECT_ERROR_CODES = {
  REG_ERR_SUBJECT_QUERY: {
    status: 400,
    publicMessage: 'The subject must be designated by an e-mail address, a phone number or a key.',
  },
  REG_ERR_SUBJECT_NOT_FOUND: { status: 404, publicMessage: 'No data about this person was found.' },
  REG_ERR_SUBJECT_COLUMN: { status: 400, publicMessage: 'This column cannot be changed for this person.' },
  REG_ERR_SUBJECT_VALUE: { status: 422, publicMessage: 'The new value does not have the expected form.' },
  REG_ERR_SUBJECT_RESTRICTION_REASON: {
    status: 400,
    publicMessage: 'Unknown ground for restriction of processing.',
  },
  REG_ERR_SUBJECT_NOT_NOTIFIED: {
    status: 409,
    publicMessage: 'The person must be told before the restriction of processing is lifted.',
  },
} as const satisfies Record<string, ErrorCodeSpec>;
