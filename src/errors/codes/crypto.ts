import type { ErrorCodeSpec } from '../spec.ts';

/** Encryption at rest (AES-256-GCM). */
export const CRYPTO_ERROR_CODES = {
  REG_ERR_CRYPTO_KEY: { status: 500, publicMessage: 'The encryption key is missing or malformed.' },
  REG_ERR_CRYPTO_DECRYPT: {
    status: 500,
    publicMessage: 'Encrypted data could not be decrypted (wrong key or altered data).',
  },
} as const satisfies Record<string, ErrorCodeSpec>;
