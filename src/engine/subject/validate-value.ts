/**
 * Checking a new value before it replaces an old one (rectification, Art 16): it must fit the
 * column's type and length and, when the column's data category has a strict detector, look
 * like that kind of data (an e-mail address must look like one). Messages name the column and
 * the expected form, never the value.
 */
import { DETECTOR_CATEGORY, DETECTORS, type DetectorId } from '../../datamap/scanner/detectors.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { DialectAdapter } from '../db/types.ts';
import { declaredLength } from './anonymise-value.ts';

/** Detectors precise enough to refuse a value (names and addresses are too free-form). */
const STRICT: readonly DetectorId[] = [
  'email',
  'phone',
  'iban',
  'bic',
  'payment-card',
  'ipv4',
  'nir',
  'licence-plate',
  'imei',
  'date',
];

const EXPECTED: Readonly<Partial<Record<DetectorId, string>>> = {
  email: 'an e-mail address such as name@example.fr',
  phone: 'a phone number such as +33 6 12 34 56 78',
  iban: 'an IBAN with a valid check digit',
  bic: 'a BIC of 8 or 11 characters',
  'payment-card': 'a card number with a valid check digit',
  ipv4: 'an IPv4 address',
  nir: 'a French social-security number with its key',
  'licence-plate': 'a licence plate such as AB-123-CD',
  imei: 'an IMEI with a valid check digit',
  date: 'a date of birth as YYYY-MM-DD',
};

/** Detectors whose category is `category` (an IP address has two: IPv4 and IPv6). */
function detectorsFor(category: string): DetectorId[] {
  return STRICT.filter((id) => DETECTOR_CATEGORY[id] === category);
}

function invalid(table: string, column: string, expected: string): RegistreError {
  return new RegistreError('REG_ERR_SUBJECT_VALUE', `${table}.${column}: expected ${expected}`);
}

/**
 * The value to bind for `column`, or a `REG_ERR_SUBJECT_VALUE` error naming the column and the
 * expected form. Dates are bound as days, integers as numbers, anything else as trimmed text.
 */
export function validateValue(
  adapter: DialectAdapter,
  where: { readonly table: string; readonly column: string },
  facts: { readonly dataType: string; readonly category?: string | undefined },
  raw: string,
): unknown {
  const value = raw.trim();
  const { table, column } = where;
  if (value === '') throw invalid(table, column, 'a non-empty value');
  const type = facts.dataType;
  if (type === 'date' || type.startsWith('timestamp') || type === 'datetime') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const date = day === null ? null : new Date(`${value}T00:00:00Z`);
    if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      throw invalid(table, column, 'a date as YYYY-MM-DD');
    }
    if (facts.category === 'date-of-birth' && !DETECTORS.date(value)) {
      throw invalid(table, column, EXPECTED.date ?? 'a date of birth');
    }
    return adapter.dayParam(date);
  }
  if (/^(integer|int|bigint|smallint|int\(\d+\)|bigint\(\d+\)|smallint\(\d+\))/.test(type)) {
    if (!/^-?\d+$/.test(value)) throw invalid(table, column, 'a whole number');
    return Number(value);
  }
  const length = declaredLength(type);
  if (length !== undefined && value.length > length) {
    throw invalid(table, column, `at most ${length} characters`);
  }
  const detectors = facts.category === undefined ? [] : detectorsFor(facts.category);
  if (detectors.length > 0 && !detectors.some((id) => DETECTORS[id](value))) {
    const expected = detectors.map((id) => EXPECTED[id] ?? id).join(' or ');
    throw invalid(table, column, expected);
  }
  return value;
}
