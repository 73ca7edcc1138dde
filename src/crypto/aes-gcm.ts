/**
 * Authenticated encryption at rest with AES-256-GCM (see DESIGN.md beside this file).
 *
 * Sealed format (binary): `0x01` (version) ‖ 12-byte random IV ‖ ciphertext ‖ 16-byte tag.
 * Text format (for database columns): `v1.` + base64url of the binary format.
 * Associated data binds a ciphertext to its context (e.g. the row id) so it cannot be moved.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { RegistreError } from '../errors/registry.ts';

export const KEY_BYTES = 32;
const VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const TEXT_PREFIX = 'v1.';

function checkKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) {
    throw new RegistreError(
      'REG_ERR_CRYPTO_KEY',
      `AES-256-GCM needs a ${KEY_BYTES}-byte key (got ${key.length})`,
    );
  }
}

/**
 * Derive a 32-byte key for one purpose from the installation secret (HKDF-SHA256). Each purpose
 * (e.g. `registre/totp-secret/v1`) gets an independent key.
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  if (secret.length === 0)
    throw new RegistreError('REG_ERR_CRYPTO_KEY', 'cannot derive a key from an empty secret');
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'registre', purpose, KEY_BYTES));
}

/** Encrypt `plaintext` under `key`; `associatedData` must be given again to decrypt. */
export function encrypt(key: Uint8Array, plaintext: Uint8Array | string, associatedData?: string): Buffer {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([
    cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext),
    cipher.final(),
  ]);
  return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]);
}

/**
 * Decrypt what {@link encrypt} produced. Throws REG_ERR_CRYPTO_DECRYPT when the key or the
 * associated data differ, or when a single bit of the sealed data was altered.
 */
export function decrypt(key: Uint8Array, sealed: Uint8Array, associatedData?: string): Buffer {
  checkKey(key);
  const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (data.length < 1 + IV_BYTES + TAG_BYTES || data[0] !== VERSION) {
    throw new RegistreError('REG_ERR_CRYPTO_DECRYPT', 'sealed data is truncated or has an unknown version');
  }
  const iv = data.subarray(1, 1 + IV_BYTES);
  const tag = data.subarray(data.length - TAG_BYTES);
  const body = data.subarray(1 + IV_BYTES, data.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch (error) {
    throw new RegistreError(
      'REG_ERR_CRYPTO_DECRYPT',
      'authentication failed: wrong key, wrong context or altered data',
      {
        cause: error,
      },
    );
  }
}

/** {@link encrypt} for text columns: returns `v1.<base64url>`. */
export function encryptText(key: Uint8Array, plaintext: string, associatedData?: string): string {
  return TEXT_PREFIX + encrypt(key, plaintext, associatedData).toString('base64url');
}

/** {@link decrypt} for values produced by {@link encryptText}. */
export function decryptText(key: Uint8Array, sealed: string, associatedData?: string): string {
  if (!sealed.startsWith(TEXT_PREFIX)) {
    throw new RegistreError('REG_ERR_CRYPTO_DECRYPT', 'sealed text does not start with "v1."');
  }
  return decrypt(key, Buffer.from(sealed.slice(TEXT_PREFIX.length), 'base64url'), associatedData).toString(
    'utf8',
  );
}
