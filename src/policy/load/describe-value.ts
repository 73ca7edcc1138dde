/**
 * Wording of values and types in messages meant for a DPO editing YAML, not for a programmer.
 */

const MAX_SHOWN = 60;

/** A value as a message shows it: `text 'P3X'`, `the number 12`, `a list`, `a mapping`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `text '${quoteValue(value)}'`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping (key: value)';
}

/** A string as a message quotes it, shortened when long. */
export function quoteValue(value: string): string {
  return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
  date: 'a date',
};

/** The name of a Zod type as a message says it ("a list", "true or false"). */
export function describeExpected(expected: string): string {
  return EXPECTED[expected] ?? expected;
}

/** A value written as it appears in YAML: strings quoted, numbers and booleans bare. */
export function yamlLiteral(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** A list of values for a message: `'a', 'b', 'c'`. */
export function quoteList(values: Iterable<unknown>): string {
  return [...values].map(yamlLiteral).join(', ');
}
