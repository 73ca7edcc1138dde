import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRegistreError } from '../errors/registry.ts';
import { decrypt, decryptText, deriveKey, encrypt, encryptText } from './aes-gcm.ts';

const key = randomBytes(32);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isRegistreError(error) ? error.code : 'non-registry error';
  }
}

describe('AES-256-GCM', () => {
  it('round-trips any bytes with any associated data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.string(), (plaintext, aad) => {
        expect(new Uint8Array(decrypt(key, encrypt(key, plaintext, aad), aad))).toEqual(plaintext);
      }),
    );
  });

  it('uses a fresh IV each time', () => {
    expect(encrypt(key, 'same').equals(encrypt(key, 'same'))).toBe(false);
  });

  it('refuses any altered byte, the wrong key and the wrong associated data', () => {
    const sealed = encrypt(key, 'JBSWY3DPEHPK3PXP', 'users.totp_secret:a');
    fc.assert(
      fc.property(fc.nat(sealed.length - 1), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const altered = Buffer.from(sealed);
        altered[index] = (altered[index]! ^ flip) & 0xff;
        expect(codeOf(() => decrypt(key, altered, 'users.totp_secret:a'))).toBe('REG_ERR_CRYPTO_DECRYPT');
      }),
    );
    expect(codeOf(() => decrypt(randomBytes(32), sealed, 'users.totp_secret:a'))).toBe(
      'REG_ERR_CRYPTO_DECRYPT',
    );
    expect(codeOf(() => decrypt(key, sealed, 'users.totp_secret:b'))).toBe('REG_ERR_CRYPTO_DECRYPT');
    expect(codeOf(() => decrypt(key, sealed))).toBe('REG_ERR_CRYPTO_DECRYPT');
    expect(codeOf(() => decrypt(key, sealed.subarray(0, 20), 'users.totp_secret:a'))).toBe(
      'REG_ERR_CRYPTO_DECRYPT',
    );
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(codeOf(() => encrypt(randomBytes(16), 'x'))).toBe('REG_ERR_CRYPTO_KEY');
  });

  it('seals text as v1.<base64url> and opens it again', () => {
    const sealed = encryptText(key, 'secret é', 'ctx');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('secret');
    expect(decryptText(key, sealed, 'ctx')).toBe('secret é');
    expect(codeOf(() => decryptText(key, sealed.slice(3), 'ctx'))).toBe('REG_ERR_CRYPTO_DECRYPT');
  });

  it('derives independent 32-byte keys per purpose, stable for a secret', () => {
    const a = deriveKey('x'.repeat(40), 'registre/totp-secret/v1');
    expect(a).toHaveLength(32);
    expect(deriveKey('x'.repeat(40), 'registre/totp-secret/v1').equals(a)).toBe(true);
    expect(deriveKey('x'.repeat(40), 'registre/other/v1').equals(a)).toBe(false);
    expect(deriveKey('y'.repeat(40), 'registre/totp-secret/v1').equals(a)).toBe(false);
  });
});
