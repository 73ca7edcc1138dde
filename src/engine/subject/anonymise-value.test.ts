import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymiseValue, declaredLength, generaliseValue, hashValue, maskValue } from './anonymise-value.ts';

const SECRET = 'unit-test-secret-unit-test-secret-0000';
const TEXT = { dataType: 'varchar(160)' };

describe('hash', () => {
  it('is the HMAC-SHA-256 of the value under the secret, cut to the room available', () => {
    const full = createHmac('sha256', SECRET).update('anonymise\u0000jeanne@example.fr').digest('hex');
    expect(hashValue(SECRET, 'jeanne@example.fr', { dataType: 'text' })).toBe(full);
    expect(hashValue(SECRET, 'jeanne@example.fr', { dataType: 'varchar(30)' })).toBe(full.slice(0, 30));
    // PostgreSQL reports no length: the original's length is known to fit.
    expect(hashValue(SECRET, 'jeanne@example.fr', { dataType: 'character varying' })).toBe(full.slice(0, 17));
  });

  it('keeps equal values equal and differs under another secret', () => {
    const a = anonymiseValue('hash', 'x@y.fr', TEXT, SECRET);
    expect(anonymiseValue('hash', 'x@y.fr', TEXT, SECRET)).toBe(a);
    expect(anonymiseValue('hash', 'x@y.fr', TEXT, `${SECRET}!`)).not.toBe(a);
    expect(anonymiseValue('hash', null, TEXT, SECRET)).toBeNull();
  });

  it('never needs more room than the column declares', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 100 }),
        (value, n) => {
          expect(hashValue(SECRET, value, { dataType: `varchar(${n})` }).length).toBeLessThanOrEqual(n);
        },
      ),
    );
  });
});

describe('mask', () => {
  it('keeps the shape of e-mail addresses and phone numbers', () => {
    expect(maskValue('jeanne.martin@example.fr')).toBe('j***@e***.fr');
    expect(maskValue('+33 6 12 34 56 78')).toBe('+33 6 ** ** ** 78');
    expect(maskValue('06 12 34 56 78')).toBe('06 ** ** ** 78');
    expect(maskValue('Dupont')).toBe('D*****');
    expect(maskValue('ab')).toBe('**');
  });

  it('is never longer than the original', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        expect(maskValue(value).length).toBeLessThanOrEqual(value.length);
      }),
    );
    expect(maskValue('a@b.fr').length).toBeLessThanOrEqual('a@b.fr'.length);
  });

  it('makes non-text values NULL', () => {
    expect(anonymiseValue('mask', 42, TEXT, SECRET)).toBeNull();
  });
});

describe('generalise', () => {
  it('turns dates into the 1st of January of their year', () => {
    expect(generaliseValue(new Date('1984-07-21T00:00:00Z'), { dataType: 'date' })).toEqual({
      day: '1984-01-01',
    });
    expect(generaliseValue('1984-07-21', { dataType: 'date' })).toEqual({ day: '1984-01-01' });
    expect(generaliseValue('2024-03-05T10:11:12.000Z', { dataType: 'timestamp' })).toEqual({
      day: '2024-01-01',
    });
  });

  it('keeps the first two digits of postal codes', () => {
    const postal = { dataType: 'varchar(10)', category: 'postal-address' };
    expect(generaliseValue('69003', postal)).toBe('69000');
    expect(generaliseValue('1050', postal)).toBe('1000');
    expect(generaliseValue('12 rue des Lilas, 69003 Lyon', postal)).toBe('69000');
    expect(generaliseValue('Lyon', postal)).toBeNull();
  });

  it('rounds numbers to their decade and drops what cannot be coarsened', () => {
    expect(generaliseValue(37, { dataType: 'integer' })).toBe(40);
    expect(generaliseValue(12_344, { dataType: 'integer' })).toBe(12_340);
    expect(generaliseValue('37', TEXT)).toBe('40');
    expect(generaliseValue('Jeanne', TEXT)).toBeNull();
  });
});

describe('constant and null', () => {
  it('replace whatever was there', () => {
    expect(anonymiseValue({ method: 'constant', value: '[supprimé]' }, 'secret text', TEXT, SECRET)).toBe(
      '[supprimé]',
    );
    expect(anonymiseValue({ method: 'constant', value: '[supprimé]' }, null, TEXT, SECRET)).toBe(
      '[supprimé]',
    );
    expect(anonymiseValue('null', 'x', TEXT, SECRET)).toBeNull();
  });

  it('reads declared lengths', () => {
    expect(declaredLength('varchar(30)')).toBe(30);
    expect(declaredLength('character varying')).toBeUndefined();
  });
});
