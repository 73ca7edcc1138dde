import { describe, expect, it } from 'vitest';
import { sqliteAdapter } from '../db/dialects/sqlite/adapter.ts';
import { validateValue } from './validate-value.ts';

const where = { table: 'customers', column: 'email' };

describe('rectified values', () => {
  it('must look like their data category when a strict detector exists', () => {
    const email = { dataType: 'varchar(160)', category: 'email-address' };
    expect(validateValue(sqliteAdapter, where, email, ' jeanne@example.fr ')).toBe('jeanne@example.fr');
    expect(() => validateValue(sqliteAdapter, where, email, 'jeanne at example')).toThrow(
      'customers.email: expected an e-mail address',
    );
    const phone = { dataType: 'varchar(30)', category: 'telephone-number' };
    expect(validateValue(sqliteAdapter, where, phone, '+33 6 12 34 56 78')).toBe('+33 6 12 34 56 78');
    expect(() => validateValue(sqliteAdapter, where, phone, 'call me')).toThrow(/phone number/);
  });

  it('accept free text for names, within the declared length', () => {
    const name = { dataType: 'varchar(10)', category: 'name' };
    expect(validateValue(sqliteAdapter, where, name, 'Jo Martin')).toBe('Jo Martin');
    expect(() => validateValue(sqliteAdapter, where, name, 'Jeanne Martin-Dupont')).toThrow(
      /at most 10 characters/,
    );
  });

  it('bind dates as days and check that they exist', () => {
    const birth = { dataType: 'date', category: 'date-of-birth' };
    expect(validateValue(sqliteAdapter, where, birth, '1984-07-21')).toBe('1984-07-21');
    expect(() => validateValue(sqliteAdapter, where, birth, '1984-02-30')).toThrow(/YYYY-MM-DD/);
    expect(() => validateValue(sqliteAdapter, where, birth, '21/07/1984')).toThrow(/YYYY-MM-DD/);
  });

  it('never echo the value in the message', () => {
    const email = { dataType: 'varchar(160)', category: 'email-address' };
    expect(() => validateValue(sqliteAdapter, where, email, 'secret-value')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-value') }),
    );
  });
});
