/** Opaque secrets handed to clients (session cookies, API tokens) and their stored digests. */
import { createHash, randomBytes } from 'node:crypto';

/** A fresh 256-bit secret, base64url (43 characters). */
export function newOpaqueSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex digest: what the store keeps instead of the secret. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
