/**
 * Sealing of the request fields that hold personal data (e-mail, name, details, notes, replies,
 * reasons) with AES-256-GCM under a key derived from the installation secret. The associated
 * data binds each value to its row and field, so a sealed value moved elsewhere does not open.
 */
import { decryptText, deriveKey, encryptText } from '../crypto/aes-gcm.ts';

export interface FieldSealer {
  /** Seal `value` for `context` (e.g. `<request id>/email`). */
  seal(value: string, context: string): string;
  /** Open what {@link FieldSealer.seal} produced for the same context. */
  open(sealed: string, context: string): string;
}

/** A sealer whose key is derived from `secret` for the requests area only. */
export function createFieldSealer(secret: string): FieldSealer {
  const key = deriveKey(secret, 'registre/requests/fields/v1');
  return {
    seal: (value, context) => encryptText(key, value, context),
    open: (sealed, context) => decryptText(key, sealed, context),
  };
}
