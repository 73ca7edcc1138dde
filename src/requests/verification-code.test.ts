import { describe, expect, it } from 'vitest';
import {
  CODE_TTL_MINUTES,
  checkVerificationCode,
  codeExpiry,
  hashVerificationCode,
  MAX_CODE_ATTEMPTS,
  newVerificationCode,
} from './verification-code.ts';

const SECRET = 'a-test-secret-that-is-at-least-32-characters';
const SENT = new Date('2024-05-01T10:00:00Z');

function stored(code: string, attempts = 0, requestId = 'r1') {
  return {
    codeHash: hashVerificationCode(SECRET, requestId, code),
    expiresAt: codeExpiry(SENT).toISOString(),
    attempts,
  };
}

describe('verification codes', () => {
  it('are six digits, leading zeros kept, and vary', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerificationCode()));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(190);
  });

  it('are stored as a keyed hash bound to the request, never the code itself', () => {
    const hash = hashVerificationCode(SECRET, 'r1', '012345');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('012345');
    expect(hashVerificationCode(SECRET, 'r2', '012345')).not.toBe(hash);
    expect(hashVerificationCode(`${SECRET}x`, 'r1', '012345')).not.toBe(hash);
  });

  it('accept the right code within 30 minutes', () => {
    const justBefore = new Date(SENT.getTime() + CODE_TTL_MINUTES * 60_000 - 1000);
    expect(checkVerificationCode(SECRET, 'r1', stored('012345'), '012345', justBefore)).toBe('ok');
    expect(checkVerificationCode(SECRET, 'r1', stored('012345'), ' 012345 ', SENT)).toBe('ok');
  });

  it('refuse a wrong code, a code of another request, and an expired code', () => {
    expect(checkVerificationCode(SECRET, 'r1', stored('012345'), '012346', SENT)).toBe('wrong');
    expect(checkVerificationCode(SECRET, 'r1', stored('012345', 0, 'r2'), '012345', SENT)).toBe('wrong');
    const after = new Date(SENT.getTime() + CODE_TTL_MINUTES * 60_000);
    expect(checkVerificationCode(SECRET, 'r1', stored('012345'), '012345', after)).toBe('expired');
    expect(
      checkVerificationCode(SECRET, 'r1', { codeHash: null, expiresAt: null, attempts: 0 }, '012345', SENT),
    ).toBe('expired');
  });

  it('refuse even the right code after five wrong attempts', () => {
    expect(checkVerificationCode(SECRET, 'r1', stored('012345', MAX_CODE_ATTEMPTS - 1), '012345', SENT)).toBe(
      'ok',
    );
    expect(checkVerificationCode(SECRET, 'r1', stored('012345', MAX_CODE_ATTEMPTS), '012345', SENT)).toBe(
      'exhausted',
    );
  });
});
