import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from './normalise-identifier.ts';

describe('identifier normalisation', () => {
  it('lower-cases and trims e-mail addresses', () => {
    expect(normaliseEmail('  Jeanne.Martin@Example.FR ')).toBe('jeanne.martin@example.fr');
  });

  it('keeps the digits of phone numbers and drops the 00 prefix', () => {
    expect(normalisePhone('+33 6 12 34 56 78')).toBe('33612345678');
    expect(normalisePhone('0033 (6) 12.34.56.78')).toBe('33612345678');
    expect(normalisePhone('06-12-34-56-78')).toBe('0612345678');
  });

  it('refuses what is neither', () => {
    expect(() => normaliseEmail('jeanne')).toThrow(/name@domain/);
    expect(() => normalisePhone('12 34')).toThrow(/fewer than 6 digits/);
    expect(() => normalisePhone('06 12 AB 56 78')).toThrow(/only hold digits/);
  });
});
