/**
 * One registry for every error Registre raises on purpose.
 *
 * Each code is stable (`REG_ERR_<AREA>_<WHAT>`), maps to one HTTP status in one place,
 * and carries a message that is safe to show to the caller. A retired code is never reused:
 * move it to {@link RETIRED_CODES} instead of deleting it.
 */

import { ACCOUNTS_ERROR_CODES } from './codes/accounts.ts';
import { AUDIT_ERROR_CODES } from './codes/audit.ts';
import { BREACH_ERROR_CODES } from './codes/breach.ts';
import { CONSENT_ERROR_CODES } from './codes/consent.ts';
import { CRYPTO_ERROR_CODES } from './codes/crypto.ts';
import { DATAMAP_ERROR_CODES } from './codes/datamap.ts';
import { ENGINE_ERROR_CODES } from './codes/engine.ts';
import { GENERAL_ERROR_CODES } from './codes/general.ts';
import { GOVERNANCE_ERROR_CODES } from './codes/governance.ts';
import { JOBS_ERROR_CODES } from './codes/jobs.ts';
import { NOTICES_ERROR_CODES } from './codes/notices.ts';
import { POLICY_ERROR_CODES } from './codes/policy.ts';
import { REQUESTS_ERROR_CODES } from './codes/requests.ts';
import { RETENTION_ERROR_CODES } from './codes/retention.ts';
import { SERVER_ERROR_CODES } from './codes/server.ts';
import { SUBJECT_ERROR_CODES } from './codes/subject.ts';
import type { ErrorCodeSpec } from './spec.ts';

export type { ErrorCodeSpec } from './spec.ts';

/** Every code, one file per area under `codes/` (add an area by adding a file and spreading it here). */
export const ERROR_CODES = {
  ...GENERAL_ERROR_CODES,
  ...POLICY_ERROR_CODES,
  ...DATAMAP_ERROR_CODES,
  ...ENGINE_ERROR_CODES,
  ...AUDIT_ERROR_CODES,
  ...SERVER_ERROR_CODES,
  ...ACCOUNTS_ERROR_CODES,
  ...CRYPTO_ERROR_CODES,
  ...CONSENT_ERROR_CODES,
  ...BREACH_ERROR_CODES,
  ...NOTICES_ERROR_CODES,
  ...REQUESTS_ERROR_CODES,
  ...GOVERNANCE_ERROR_CODES,
  ...SUBJECT_ERROR_CODES,
  ...JOBS_ERROR_CODES,
  ...RETENTION_ERROR_CODES,
} as const satisfies Record<string, ErrorCodeSpec>;

/** Codes that were used once and must never be given to a new error. */
export const RETIRED_CODES: readonly string[] = [];

export type ErrorCode = keyof typeof ERROR_CODES;

export interface RegistreErrorOptions {
  /** Message safe to show to an end user or API caller (defaults to the code's public message). */
  publicMessage?: string;
  cause?: unknown;
  /** Structured details safe to expose (e.g. a list of validation issues). */
  details?: unknown;
}

export class RegistreError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly publicMessage: string;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: RegistreErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RegistreError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.publicMessage = options.publicMessage ?? ERROR_CODES[code].publicMessage;
    this.details = options.details;
  }
}

export function isRegistreError(value: unknown): value is RegistreError {
  return value instanceof RegistreError;
}

/** HTTP status for any thrown value: registry errors map through their code, anything else is a 500. */
export function httpStatusOf(error: unknown): number {
  return isRegistreError(error) ? error.status : 500;
}
