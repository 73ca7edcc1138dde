/**
 * Unit checks of the web app's plain modules (no browser needed): the two dictionaries agree on
 * keys, placeholders and plural forms; translation helpers; tracking-link parsing.
 */
import { describe, expect, it } from 'vitest';
import { parseTrackingLink } from '../../web/src/center/pages/track.tsx';
import { interpolate, makeI18n } from '../../web/src/i18n/i18n.tsx';
import { en, fr } from '../../web/src/i18n/messages/index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('give every key a non-empty text in both languages, with the same placeholders', () => {
    const keys = Object.keys(fr) as (keyof typeof fr)[];
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(fr[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
    }
  });

  it('pair every singular form with its plural', () => {
    for (const key of Object.keys(fr)) {
      if (key.endsWith('.one')) expect(Object.keys(fr), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });
});

describe('translation helpers', () => {
  it('fills placeholders and formats numbers for the language', () => {
    expect(interpolate('{count} lignes sur {table}', 'fr', { count: 12430, table: 'contacts' })).toBe(
      `${new Intl.NumberFormat('fr').format(12430)} lignes sur contacts`,
    );
    expect(interpolate('{missing} stays', 'en', {})).toBe('{missing} stays');
  });

  it('follows each language’s plural rule (zero is singular in French, plural in English)', () => {
    expect(makeI18n('fr').plural('common.days', 0)).toBe('0 jour');
    expect(makeI18n('fr').plural('common.days', 2)).toBe('2 jours');
    expect(makeI18n('en').plural('common.days', 0)).toBe('0 days');
    expect(makeI18n('en').plural('common.days', 1)).toBe('1 day');
  });

  it('formats a calendar day without shifting it by the time zone', () => {
    expect(makeI18n('en').date('2025-02-28')).toBe('February 28, 2025');
    expect(makeI18n('fr').date('2025-02-28')).toBe('28 février 2025');
    expect(makeI18n('fr').date(null)).toBe('—');
  });

  it('looks up keys built at run time and says when there is none', () => {
    const i18n = makeI18n('fr');
    expect(i18n.maybe('errors.REG_ERR_ACCOUNTS_LOCKED')).toMatch(/verrouillé/);
    expect(i18n.maybe('errors.REG_ERR_NO_SUCH_CODE')).toBeUndefined();
  });
});

describe('tracking links', () => {
  const id = '0f8b6c1e-5d7a-4c2b-9e3f-1a2b3c4d5e6f';
  it('reads the request and key from the e-mailed link and from the web page link', () => {
    expect(
      parseTrackingLink(`https://privacy.example/v1/privacy-center/requests/${id}?token=abc_DEF-123`),
    ).toEqual({
      id,
      token: 'abc_DEF-123',
    });
    expect(
      parseTrackingLink(` http://localhost:3000/privacy-center/requests/${id}?lang=fr&token=x%2By `),
    ).toEqual({
      id,
      token: 'x+y',
    });
  });

  it('refuses a link without both', () => {
    expect(parseTrackingLink(`https://privacy.example/privacy-center/requests/${id}`)).toBeNull();
    expect(parseTrackingLink('https://privacy.example/privacy-center/requests/42?token=abc')).toBeNull();
  });
});
