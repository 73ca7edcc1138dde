import type { ErrorCodeSpec } from '../spec.ts';

export const POLICY_ERROR_CODES = {
  REG_ERR_POLICY_FILE_NOT_FOUND: { status: 404, publicMessage: 'Policy file not found.' },
  REG_ERR_POLICY_YAML_SYNTAX: { status: 400, publicMessage: 'The policy file is not valid YAML.' },
  REG_ERR_POLICY_INVALID: { status: 422, publicMessage: 'The policy file does not match the policy model.' },
  REG_ERR_TAXONOMY_INVALID: { status: 422, publicMessage: 'A taxonomy file is invalid.' },
  REG_ERR_RETENTION_DURATION: { status: 400, publicMessage: 'Invalid retention duration.' },
} as const satisfies Record<string, ErrorCodeSpec>;
