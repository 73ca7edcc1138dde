/**
 * Value detectors: does one sampled value look like a given kind of personal data?
 *
 * They are called on millions of values, so each starts with cheap character tests and only
 * then runs a regular expression or a checksum. Detector ids map to taxonomy data categories.
 */
import { ibanValid, luhnValid, nirValid } from './checksums.ts';

export type DetectorId =
  | 'email'
  | 'phone'
  | 'iban'
  | 'bic'
  | 'payment-card'
  | 'ipv4'
  | 'ipv6'
  | 'date'
  | 'person-name'
  | 'postal-address'
  | 'nir'
  | 'licence-plate'
  | 'imei';

/** The taxonomy data category each detector proposes. */
export const DETECTOR_CATEGORY: Readonly<Record<DetectorId, string>> = {
  email: 'email-address',
  phone: 'telephone-number',
  iban: 'bank-account',
  bic: 'bic',
  'payment-card': 'payment-card',
  ipv4: 'ip-address',
  ipv6: 'ip-address',
  date: 'date-of-birth',
  'person-name': 'name',
  'postal-address': 'postal-address',
  nir: 'national-id-number',
  'licence-plate': 'licence-plate',
  imei: 'imei',
};

const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;
// France: 0X XX XX XX XX or +33 X…; Belgium: 0X… (9 or 10 digits) or +32…; international E.164.
const PHONE_FR = /^(?:\+33\s?|0033\s?|0)[1-9](?:[\s.-]?\d{2}){4}$/;
const PHONE_BE = /^(?:\+32\s?|0032\s?|0)(?:4\d{2}(?:[\s./-]?\d{2}){3}|\d{1,2}(?:[\s./-]?\d{2,3}){3})$/;
const PHONE_INTL = /^\+[1-9]\d{0,2}(?:[\s.-]?\d{1,4}){2,6}$/;
const BIC =
  /^[A-Z]{4}(?:AD|AE|AT|AU|BE|BG|BR|CA|CH|CN|CY|CZ|DE|DK|EE|ES|FI|FR|GB|GR|HR|HU|IE|IN|IT|JP|LI|LT|LU|LV|MA|MC|MT|NL|NO|PL|PT|RO|SE|SG|SI|SK|SN|TN|US)[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6_CHARS = /^[0-9A-Fa-f:.]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const FR_DATE = /^(\d{2})[/.-](\d{2})[/.-](\d{4})$/;
// French SIV (AB-123-CD), French FNI (1234 AB 56), Belgian (1-ABC-123).
const PLATE =
  /^(?:[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}|\d{1,4}\s?[A-Z]{1,3}\s?(?:\d{2}|2[AB])|[1-9]-[A-Z]{3}-\d{3})$/;
const STREET =
  /^\d{1,4}(?:\s?(?:bis|ter|[a-z]))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|place|allée|allee|impasse|route|quai|cours|square|chaussée|chaussee)\b|^[A-Za-zÀ-ÿ' -]*(?:straat|laan|weg|steenweg|plein|lei|dreef)\s+\d{1,4}\b/i;
const POSTCODE_CITY = /\b(?:\d{5}|[1-9]\d{3})\s+[A-ZÀ-Ý][A-Za-zÀ-ÿ' -]{1,40}$/;
const NAME =
  /^[A-ZÀ-Ý][a-zà-ÿ]+(?:[-' ][A-ZÀ-Ý]?[a-zà-ÿ]+)*(?:\s+(?:de\s+|du\s+|van\s+|van\sder\s+|le\s+)?[A-ZÀ-Ý][A-Za-zà-ÿ'-]+){0,3}$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Digits of `value` when it holds only digits, spaces, dots and dashes; else null. */
function digitsOnly(value: string): string | null {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isDigit(code)) out += value[i];
    else if (code !== 32 && code !== 45 && code !== 46) return null;
  }
  return out;
}

function plausibleBirthDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return year >= 1900 && year <= new Date().getUTCFullYear() - 14;
}

/** A small list of frequent French and Belgian first names, to tell a name from any capitalised word. */
const FIRST_NAMES = new Set(
  (
    'jean marie pierre michel philippe alain nicolas christophe patrick daniel françois francois david laurent ' +
    'frédéric frederic stéphane stephane éric eric julien thomas sébastien sebastien olivier bernard christian ' +
    'claude jacques louis paul hugo lucas léa lea emma chloé chloe manon camille sarah julie nathalie isabelle ' +
    'sylvie catherine sophie sandrine valérie valerie céline celine anne martine christine monique françoise ' +
    'francoise aurélie aurelie émilie emilie pauline marion laura mathilde charlotte inès ines jade louise alice ' +
    'gabriel raphaël raphael arthur jules adam léo leo nathan antoine maxime alexandre vincent guillaume romain ' +
    'kevin anthony mathieu matthieu benoît benoit jérôme jerome yves luc marc henri andré andre rené rene ' +
    'georges joseph jan pieter wim koen bart tom els an an-sofie lotte lien sofie nele annelies dirk geert peter ' +
    'hans luc ann marleen kristof jeroen stijn ruben lars noah mila olivia elise hélène helene agnès agnes'
  ).split(' '),
);

/** Detector predicates over one trimmed, non-empty string value. */
export const DETECTORS: Readonly<Record<DetectorId, (value: string) => boolean>> = {
  email: (v) => v.includes('@') && v.length <= 254 && EMAIL.test(v),
  phone: (v) => {
    const digits = digitsOnly(v.startsWith('+') ? v.slice(1) : v);
    if (digits === null || digits.length < 9 || digits.length > 15) return false;
    return PHONE_FR.test(v) || PHONE_BE.test(v) || (v.startsWith('+') && PHONE_INTL.test(v));
  },
  iban: (v) => {
    if (v.length < 15 || v.length > 42) return false;
    const c0 = v.charCodeAt(0);
    if (c0 < 65 || c0 > 90) return false;
    const compact = v.replace(/\s/g, '').toUpperCase();
    return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact) && ibanValid(compact);
  },
  bic: (v) => (v.length === 8 || v.length === 11) && BIC.test(v),
  'payment-card': (v) => {
    const digits = digitsOnly(v);
    return (
      digits !== null &&
      digits.length >= 13 &&
      digits.length <= 19 &&
      /^[2-6]/.test(digits) &&
      luhnValid(digits)
    );
  },
  ipv4: (v) => v.length >= 7 && v.length <= 15 && IPV4.test(v),
  ipv6: (v) => {
    if (v.length < 3 || v.length > 45 || !v.includes(':') || !IPV6_CHARS.test(v)) return false;
    const doubleColons = v.split('::').length - 1;
    if (doubleColons > 1) return false;
    const groups = v.split(':').filter((g) => g !== '');
    if (groups.some((g) => g.length > 4 && !g.includes('.'))) return false;
    return doubleColons === 1 ? groups.length <= 7 : groups.length === 8;
  },
  date: (v) => {
    const iso = ISO_DATE.exec(v);
    if (iso !== null) return plausibleBirthDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const fr = FR_DATE.exec(v);
    return fr !== null && plausibleBirthDate(Number(fr[3]), Number(fr[2]), Number(fr[1]));
  },
  'person-name': (v) => {
    if (v.length < 3 || v.length > 60) return false;
    const c0 = v.charCodeAt(0);
    if (isDigit(c0)) return false;
    // "DUPONT Jean": surname in capitals, then the first name.
    const upperFirst = /^[A-ZÀ-Ý][A-ZÀ-Ý' -]+\s+([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)$/.exec(v);
    if (upperFirst !== null) return FIRST_NAMES.has((upperFirst[1] ?? '').split('-')[0]?.toLowerCase() ?? '');
    if (!NAME.test(v)) return false;
    const first = v.split(/[\s-]/, 1)[0]?.toLowerCase() ?? '';
    return FIRST_NAMES.has(first);
  },
  'postal-address': (v) => v.length >= 8 && v.length <= 200 && (STREET.test(v) || POSTCODE_CITY.test(v)),
  nir: (v) => {
    const compact = v.replace(/\s/g, '');
    return (
      compact.length === 15 && (compact[0] === '1' || compact[0] === '2') && nirValid(compact.toUpperCase())
    );
  },
  'licence-plate': (v) => v.length >= 6 && v.length <= 10 && PLATE.test(v),
  imei: (v) => {
    const digits = digitsOnly(v);
    return digits !== null && digits.length === 15 && luhnValid(digits);
  },
};

/**
 * Whether `code` is in the regular-expression class `\s` (ECMAScript WhiteSpace and
 * LineTerminator), the class the detectors' expressions and `trim` use.
 */
function isRegExpSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** First character of a name as `NAME` and the "DUPONT Jean" form require it: [A-ZÀ-Ý]. */
function isNameInitial(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xdd);
}

/**
 * Every detector that accepts `value`. Routes on cheap features first (an `@`, a `:`, only
 * digits…) so that most values meet one or two detectors at most.
 *
 * On digit strings, phone, IMEI and card are skipped on the digit count they check themselves,
 * nir and date on the first characters (below). On the remaining values each detector is skipped
 * when a necessary condition of its own expressions fails (the detectors themselves are unchanged, so results are too; a property
 * test in detectors.test.ts compares with the unfiltered loop):
 * - `iban`: the compact form needs two digits after the country code: a digit somewhere;
 * - `date`: both forms start with two digits (and are at least 10 characters long);
 * - `person-name`: both forms start with [A-ZÀ-Ý] and allow no digit;
 * - `postal-address`: every street and postcode form needs a digit and a `\s` character;
 * - `nir`: the compact form starts with 1 or 2, and the value is trimmed, so the value does;
 * - `licence-plate`: every plate form holds a digit.
 */
export function detect(value: string): DetectorId[] {
  const v = value.trim();
  if (v.length < 3 || v.length > 254) return [];
  const out: DetectorId[] = [];
  if (v.includes('@')) {
    if (DETECTORS.email(v)) out.push('email');
    return out;
  }
  const digits = digitsOnly(v.startsWith('+') ? v.slice(1) : v);
  if (digits !== null) {
    // Only digits and separators: phone, card, IMEI, NIR (digits only) or an IPv4 address.
    // `digits` is what phone counts, and (without a leading +) what IMEI and card count.
    const c0 = v.charCodeAt(0);
    const plus = c0 === 43;
    const count = digits.length;
    if (v.includes('.') && DETECTORS.ipv4(v)) out.push('ipv4');
    if (count >= 9 && count <= 15 && DETECTORS.phone(v)) out.push('phone');
    if (!plus && count === 15 && DETECTORS.imei(v)) out.push('imei');
    else if (!plus && count >= 13 && count <= 19 && DETECTORS['payment-card'](v)) out.push('payment-card');
    if ((c0 === 49 || c0 === 50) && DETECTORS.nir(v)) out.push('nir');
    if (v.length >= 10 && isDigit(c0) && isDigit(v.charCodeAt(1)) && DETECTORS.date(v)) out.push('date');
    return out;
  }
  let hasDigit = false;
  let hasSpace = false;
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (isDigit(code)) hasDigit = true;
    else if (!hasSpace && isRegExpSpace(code)) hasSpace = true;
  }
  const c0 = v.charCodeAt(0);
  if (v.includes(':') && DETECTORS.ipv6(v)) out.push('ipv6');
  // The order below is DETECTORS' order, as the unfiltered loop pushed them.
  if (hasDigit && DETECTORS.iban(v)) out.push('iban');
  if (DETECTORS.bic(v)) out.push('bic');
  if (isDigit(c0) && isDigit(v.charCodeAt(1)) && DETECTORS.date(v)) out.push('date');
  if (!hasDigit && isNameInitial(c0) && DETECTORS['person-name'](v)) out.push('person-name');
  if (hasDigit && hasSpace && DETECTORS['postal-address'](v)) out.push('postal-address');
  if ((c0 === 49 || c0 === 50) && DETECTORS.nir(v)) out.push('nir');
  if (hasDigit && DETECTORS['licence-plate'](v)) out.push('licence-plate');
  return out;
}
