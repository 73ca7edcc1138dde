/**
 * Turning Zod issues into findings a DPO can act on: which field, what is wrong, what to write.
 */
import type { z } from 'zod';
import { closestMatch } from './closest-match.ts';
import { describeExpected, describeValue, quoteList, quoteValue, yamlLiteral } from './describe-value.ts';
import { describeLocation, formatPath, type PathSegment } from './issue-path.ts';
import type { Finding } from './policy-issue.ts';
import { allowedKeysAt, valueAt } from './schema-at.ts';

type ZodIssue = z.core.$ZodIssue;

/** What the messages need besides the issue: the root schema (allowed keys), the parsed input, the source. */
interface IssueContext {
  readonly schema: z.ZodType;
  readonly input: unknown;
  /** The text a scalar was written as in the file (`1.0` where the value is the number 1). */
  readonly sourceAt?: ((path: readonly PathSegment[]) => string | undefined) | undefined;
  /** What messages call the document ("policy", "data map"). */
  readonly documentName: string;
}

function toPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

function error(code: string, path: readonly PathSegment[], message: string, target?: 'key'): Finding {
  return target === undefined
    ? { severity: 'error', code, path, message }
    : { severity: 'error', code, path, message, target };
}

function unknownKeys(keys: readonly string[], path: PathSegment[], context: IssueContext): Finding[] {
  const allowed = allowedKeysAt(context.schema, context.input, path);
  return keys.map((key) => {
    const suggestion = closestMatch(key, allowed);
    const hint =
      suggestion !== undefined
        ? `did you mean '${suggestion}'?`
        : `allowed keys: ${allowed.length === 0 ? 'none' : quoteList(allowed)}`;
    return error(
      'unknown-key',
      [...path, key],
      `unknown key '${key}' ${describeLocation(path, context.documentName)}; ${hint}`,
      'key',
    );
  });
}

function wrongType(issue: z.core.$ZodIssueInvalidType, path: PathSegment[], context: IssueContext): Finding {
  const value = valueAt(context.input, path);
  const parent = path.slice(0, -1);
  const key = path.at(-1);
  if (value === undefined && key !== undefined) {
    return error(
      'missing-field',
      path,
      `missing required field '${key}' ${describeLocation(parent, context.documentName)} (expected ${describeExpected(issue.expected)})`,
    );
  }
  if (path.length === 0) {
    return error(
      'wrong-type',
      path,
      value === null
        ? "the policy file is empty: it must be a mapping that starts with 'registre: 1'"
        : `the policy must be a mapping (key: value) that starts with 'registre: 1', got ${describeValue(value)}`,
    );
  }
  const written = context.sourceAt?.(path) ?? String(value);
  const quoteHint =
    issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')
      ? `; write it in quotes ('${written}') to keep it as text`
      : '';
  return error(
    'wrong-type',
    path,
    `${formatPath(path)}: expected ${describeExpected(issue.expected)}, got ${describeValue(value)}${quoteHint}`,
  );
}

function invalidValue(issue: z.core.$ZodIssueInvalidValue, path: PathSegment[], value: unknown): Finding {
  const allowed = issue.values.map((v) => String(v));
  const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
  const hint = suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
  const expected =
    issue.values.length === 1
      ? `the only allowed value is ${quoteList(issue.values)}`
      : `allowed values: ${quoteList(issue.values)}`;
  return error(
    'invalid-value',
    path,
    `${formatPath(path)}: ${value === undefined ? 'nothing' : yamlLiteral(value)} is not allowed${hint}; ${expected}`,
  );
}

function invalidFormat(
  issue: z.core.$ZodIssueInvalidStringFormat,
  path: PathSegment[],
  value: unknown,
): Finding {
  const where = formatPath(path);
  const shown = typeof value === 'string' ? `'${quoteValue(value)}'` : describeValue(value);
  switch (issue.format) {
    case 'email':
      return error(
        'invalid-format',
        path,
        `${where} is not a valid e-mail address (expected name@domain.tld)`,
      );
    case 'date':
      return error('invalid-format', path, `${where}: ${shown} is not a valid date; write it as YYYY-MM-DD`);
    case 'url':
      return error(
        'invalid-format',
        path,
        `${where}: ${shown} is not a valid URL; write it in full (https://…)`,
      );
    default:
      return error('invalid-format', path, `${where}: ${shown} is invalid: ${issue.message}`);
  }
}

function sizeIssue(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  path: PathSegment[],
  value: unknown,
): Finding {
  const small = issue.code === 'too_small';
  const bound = Number(small ? issue.minimum : issue.maximum);
  const where = formatPath(path);
  const code = small ? 'too-small' : 'too-big';
  if (issue.origin === 'array') {
    const entries = bound === 1 ? 'entry' : 'entries';
    return error(code, path, `${where}: list ${small ? 'at least' : 'at most'} ${bound} ${entries}`);
  }
  if (issue.origin === 'string' && small && bound === 1)
    return error(code, path, `${where} must not be empty`);
  const limit = small ? `at least ${bound}` : `at most ${bound}`;
  return error(code, path, `${where}: must be ${limit}, got ${describeValue(value)}`);
}

function branchSummary(issues: readonly ZodIssue[]): string {
  const first = issues[0];
  if (first === undefined) return 'another form';
  if (first.code === 'invalid_value') {
    return first.values.length === 1 ? quoteList(first.values) : `one of ${quoteList(first.values)}`;
  }
  if (first.code === 'invalid_type') return describeExpected(first.expected);
  return first.message;
}

/** Maps one Zod issue to one or more findings (one per unknown key). */
function mapIssue(issue: ZodIssue, context: IssueContext): Finding[] {
  const path = toPath(issue.path);
  const value = valueAt(context.input, path);
  const where = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return unknownKeys(issue.keys, path, context);
    case 'invalid_type':
      return [wrongType(issue, path, context)];
    case 'invalid_value':
      return [invalidValue(issue, path, value)];
    case 'invalid_format':
      return [invalidFormat(issue as z.core.$ZodIssueInvalidStringFormat, path, value)];
    case 'too_small':
    case 'too_big':
      return [sizeIssue(issue, path, value)];
    case 'invalid_key': {
      const reason = issue.issues[0]?.message ?? issue.message;
      return [
        error('invalid-key', path, `${where}: the key '${String(path.at(-1))}' is invalid: ${reason}`, 'key'),
      ];
    }
    case 'invalid_union': {
      const forms = issue.errors.map(branchSummary).join(' or ');
      return [
        error('invalid-value', path, `${where}: ${describeValue(value)} is not allowed; expected ${forms}`),
      ];
    }
    default:
      return [error('invalid-value', path, `${where}: ${issue.message}`)];
  }
}

/** Paths of the fields that an unknown key looks like a misspelling of. */
function misspeltFields(issues: readonly ZodIssue[], context: IssueContext): Set<string> {
  const fields = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = toPath(issue.path);
    const allowed = allowedKeysAt(context.schema, context.input, path);
    for (const key of issue.keys) {
      const suggestion = closestMatch(key, allowed);
      if (suggestion !== undefined) fields.add(formatPath([...path, suggestion]));
    }
  }
  return fields;
}

/**
 * Maps the issues of a failed `safeParse` to findings. A missing required field that an unknown key
 * in the same mapping looks like a typo of is left out: "did you mean 'purposes'?" says it all.
 * `documentName` is what messages call the document ("policy" unless given, e.g. "data map").
 */
export function mapZodIssues(
  issues: readonly ZodIssue[],
  schema: z.ZodType,
  input: unknown,
  sourceAt?: (path: readonly PathSegment[]) => string | undefined,
  documentName = 'policy',
): Finding[] {
  const context: IssueContext = { schema, input, sourceAt, documentName };
  const misspelt = misspeltFields(issues, context);
  return issues
    .flatMap((issue) => mapIssue(issue, context))
    .filter((finding) => finding.code !== 'missing-field' || !misspelt.has(formatPath(finding.path)));
}
