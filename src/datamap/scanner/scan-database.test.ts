import { describe, expect, it } from 'vitest';
import { scoreColumn } from './scan-database.ts';

describe('scoreColumn', () => {
  it('confirms a hinted column with matching values', () => {
    const p = scoreColumn('contacts', 'email', ['a.b@example.fr', 'c@d.be', null, '']);
    expect(p).toMatchObject({
      category: 'email-address',
      nameHint: true,
      matchRatio: 1,
      confidence: 1,
      sampled: 2,
    });
  });

  it('finds personal data in a column whose name says nothing', () => {
    const ibans = ['FR76 3000 6000 0112 3456 7890 189', 'BE68539007547034', 'DE89 3704 0044 0532 0130 00'];
    const p = scoreColumn('payments', 'ref2', ibans);
    expect(p?.category).toBe('bank-account');
    expect(p?.nameHint).toBe(false);
    expect(p?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('needs the name to call a date a birth date', () => {
    expect(scoreColumn('invoices', 'issued_on', ['1985-03-12', '1990-07-01'])).toBeUndefined();
    expect(scoreColumn('people', 'date_naissance', ['1985-03-12', '1990-07-01'])?.category).toBe(
      'date-of-birth',
    );
  });

  it('stays quiet on business columns and mixed noise', () => {
    expect(scoreColumn('invoices', 'status', ['paid', 'open', 'late'])).toBeUndefined();
    expect(scoreColumn('invoices', 'company_name', ['Acme', 'Jean Dupont'])).toBeUndefined();
    const mostlyNoise = ['x', 'y', 'z', 'w', 'jean@example.fr'];
    expect(scoreColumn('notes', 'body', mostlyNoise)).toBeUndefined();
  });
});
