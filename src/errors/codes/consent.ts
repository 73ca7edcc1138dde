import type { ErrorCodeSpec } from '../spec.ts';

/** Consent ledger, objection list, restriction flag and Global Privacy Control. */
export const CONSENT_ERROR_CODES = {
  REG_ERR_CONSENT_POLICY_MISSING: {
    status: 404,
    publicMessage: 'No privacy policy is loaded on this server (REGISTRE_POLICY).',
  },
  REG_ERR_CONSENT_PURPOSE_UNKNOWN: {
    status: 404,
    publicMessage: 'Unknown purpose: use an activity id, a purpose id or a cookie category id of the policy.',
  },
  REG_ERR_CONSENT_NOT_REQUIRED: {
    status: 409,
    publicMessage: 'This purpose does not rest on consent: consent cannot be given or refused for it.',
  },
  REG_ERR_CONSENT_SUBJECT_INVALID: {
    status: 400,
    publicMessage: 'Invalid subject: give a pseudonymous subject id, an e-mail address or a table and key.',
  },
  REG_ERR_CONSENT_NOTICE_VERSION_UNKNOWN: {
    status: 404,
    publicMessage: 'The notice version given as proof of information does not exist.',
  },
  REG_ERR_CONSENT_NO_PRIVACY_CENTER_SUBJECT: {
    status: 404,
    publicMessage:
      'Nothing to show: this browser holds no privacy-center choices (cookie missing or invalid).',
  },
  REG_ERR_CONSENT_CONFLICT: {
    status: 409,
    publicMessage: 'The consent ledger changed at the same time; try again.',
  },
  REG_ERR_CONSENT_OBJECTION_NOT_FOUND: {
    status: 404,
    publicMessage: 'No active objection matches.',
  },
  REG_ERR_CONSENT_OVERRIDE_REFUSED: {
    status: 409,
    publicMessage: 'An objection to direct marketing is absolute and cannot be overridden.',
  },
  REG_ERR_CONSENT_RESTRICTION_NOT_FOUND: {
    status: 404,
    publicMessage: 'No restriction of processing is in force for this subject.',
  },
  REG_ERR_CONSENT_RESTRICTION_NOT_NOTIFIED: {
    status: 422,
    publicMessage: 'The subject must be told before a restriction is lifted (Art 18(3)).',
  },
  REG_ERR_CONSENT_RECEIPT_NOT_FOUND: { status: 404, publicMessage: 'No consent receipt with this id.' },
} as const satisfies Record<string, ErrorCodeSpec>;
