import type { ErrorCodeSpec } from '../spec.ts';

/** Data-subject requests: intake, identity verification, deadlines, answers, exports, DRP. */
export const REQUESTS_ERROR_CODES = {
  REG_ERR_REQUESTS_NOT_FOUND: { status: 404, publicMessage: 'No such request.' },
  REG_ERR_REQUESTS_RECEIVED_AT: {
    status: 400,
    publicMessage: 'The date of receipt of a request cannot be in the future.',
  },
  REG_ERR_REQUESTS_RIGHT_NOT_GRANTED: {
    status: 422,
    publicMessage: 'This right cannot be exercised under the privacy policy.',
  },
  REG_ERR_REQUESTS_TRANSITION: {
    status: 409,
    publicMessage: 'The request is not in a state that allows this.',
  },
  REG_ERR_REQUESTS_CODE_WRONG: { status: 400, publicMessage: 'The verification code is wrong.' },
  REG_ERR_REQUESTS_CODE_EXPIRED: {
    status: 400,
    publicMessage: 'The verification code has expired; ask for a new one.',
  },
  REG_ERR_REQUESTS_CODE_ATTEMPTS: {
    status: 429,
    publicMessage: 'Too many wrong codes; ask for a new one.',
  },
  REG_ERR_REQUESTS_CODE_LIMIT: {
    status: 429,
    publicMessage: 'Too many codes were sent for this request; contact the data protection officer.',
  },
  REG_ERR_REQUESTS_EXTENSION_LATE: {
    status: 409,
    publicMessage: 'The deadline can only be extended within the first period to answer.',
  },
  REG_ERR_REQUESTS_ASSIGNEE: {
    status: 400,
    publicMessage: 'A request can only be assigned to an active agent, DPO or administrator.',
  },
  REG_ERR_REQUESTS_FULFILMENT: {
    status: 400,
    publicMessage: 'The fulfilment does not match the request.',
  },
  REG_ERR_REQUESTS_EXPORT_NOT_FOUND: { status: 404, publicMessage: 'No such download.' },
  REG_ERR_REQUESTS_EXPORT_EXPIRED: {
    status: 410,
    publicMessage: 'This download link has expired; ask for a new copy.',
  },
  REG_ERR_REQUESTS_DRP_EXPIRED: {
    status: 400,
    publicMessage: 'The Data Rights Protocol request is past its expires-at time.',
  },
  REG_ERR_REQUESTS_DRP_EXERCISE: {
    status: 400,
    publicMessage: 'Unsupported Data Rights Protocol exercise or regime.',
  },
  REG_ERR_REQUESTS_DRP_AGENT: {
    status: 403,
    publicMessage: 'This request was made by another authorised agent.',
  },
  REG_ERR_REQUESTS_ENGINE_FAILED: {
    status: 500,
    publicMessage: "The operation on the organisation's database did not complete; it can be run again.",
  },
  REG_ERR_REQUESTS_NO_POLICY: {
    status: 503,
    publicMessage: 'No privacy policy is loaded: requests cannot be received.',
  },
  REG_ERR_REQUESTS_TARGET_CONFIG: {
    status: 500,
    publicMessage: "The organisation's database for fulfilment is not configured correctly.",
  },
} as const satisfies Record<string, ErrorCodeSpec>;
