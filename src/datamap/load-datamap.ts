/**
 * Loading a data-map file: YAML with positions → schema → the policy it names → cross-checks
 * against that policy and of the map's own structure. Every problem comes back as an issue with
 * its file, line, column and path, like the policy loader's.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { RegistreError } from '../errors/registry.ts';
import { describeValue } from '../policy/load/describe-value.ts';
import { parseYaml } from '../policy/load/parse-yaml.ts';
import { type IssueLocator, partitionIssues, placeFinding } from '../policy/load/policy-issue.ts';
import { mapZodIssues } from '../policy/load/zod-issues.ts';
import { formatIssue, loadPolicy } from '../policy/load-policy.ts';
import type { LoadedPolicy, PolicyIssue } from '../policy/loaded-policy.ts';
import { checkPolicyReferences } from './check/policy-references.ts';
import { checkStructure } from './check/structure.ts';
import { type TDataMap, ZDataMap } from './model.ts';

/** A finding about a data map (or the policy it names): same shape as a policy issue. */
export type DataMapIssue = PolicyIssue;

/** A data map that passed validation, with the policy it enforces. */
export interface LoadedDataMap {
  /** The data-map file as given. */
  readonly file: string;
  readonly datamap: TDataMap;
  /** The policy named by `policy:` (resolved relative to the data-map file), loaded and valid. */
  readonly policy: LoadedPolicy;
  /** Warnings about the data map (the policy's own warnings are in `policy.warnings`). */
  readonly warnings: readonly DataMapIssue[];
  /** Finds the line and column of a path in the data-map file (used by `checkDataMap`). */
  readonly locator: IssueLocator;
}

export type DataMapLoadResult =
  | ({ readonly ok: true } & LoadedDataMap)
  | {
      readonly ok: false;
      readonly file: string;
      readonly errors: readonly DataMapIssue[];
      readonly warnings: readonly DataMapIssue[];
    };

const DOCUMENT = 'data map';

function failure(file: string, issues: readonly DataMapIssue[]): DataMapLoadResult {
  return { ok: false, file, ...partitionIssues(issues) };
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

function notAMapping(file: string, value: unknown): DataMapIssue {
  const message =
    value === null || value === undefined
      ? "the data-map file is empty: it must be a mapping that starts with 'registre-datamap: 1'"
      : `the data map must be a mapping (key: value) that starts with 'registre-datamap: 1', got ${describeValue(value)}`;
  return { severity: 'error', code: 'wrong-type', message, file, line: 1, column: 1, path: '' };
}

/** Loads the policy the map names; its errors are reported in the policy file and at `policy:`. */
async function loadNamedPolicy(
  datamap: TDataMap,
  locator: IssueLocator,
): Promise<{ policy?: LoadedPolicy; issues: DataMapIssue[] }> {
  const path = isAbsolute(datamap.policy) ? datamap.policy : join(dirname(locator.file), datamap.policy);
  const result = await loadPolicy(path);
  if (result.ok) {
    const { ok: _ok, ...policy } = result;
    return { policy, issues: [] };
  }
  const notFound = result.errors.some((issue) => issue.code === 'file-not-found');
  const message = notFound
    ? `policy: file '${datamap.policy}' not found (looked for ${path}, relative to the data-map file)`
    : `policy: '${datamap.policy}' is invalid (${result.errors.length} error(s), listed above); fix the policy first`;
  const own = placeFinding(locator, {
    severity: 'error',
    code: notFound ? 'policy-not-found' : 'policy-invalid',
    path: ['policy'],
    message,
  });
  return { issues: notFound ? [own] : [...result.errors, own] };
}

/**
 * Validates data-map text. `fileName` names the file in issues and is the base the `policy` path
 * is resolved against. Never throws for a bad map: problems come back as issues.
 */
export async function loadDataMapFromString(text: string, fileName: string): Promise<DataMapLoadResult> {
  const parsed = parseYaml(text, fileName, DOCUMENT);
  if (parsed.issues.some((issue) => issue.severity === 'error')) return failure(fileName, parsed.issues);
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    return failure(fileName, [...parsed.issues, notAMapping(fileName, parsed.value)]);
  }
  const result = ZDataMap.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    const findings = mapZodIssues(result.error.issues, ZDataMap, parsed.value, parsed.sourceAt, DOCUMENT);
    return failure(fileName, [...parsed.issues, ...findings.map((f) => placeFinding(parsed.locator, f))]);
  }
  const datamap = result.data;
  const structure = checkStructure(datamap).map((f) => placeFinding(parsed.locator, f));
  const named = await loadNamedPolicy(datamap, parsed.locator);
  const references =
    named.policy === undefined
      ? []
      : checkPolicyReferences(datamap, named.policy).map((f) => placeFinding(parsed.locator, f));
  const { errors, warnings } = partitionIssues([
    ...parsed.issues,
    ...named.issues,
    ...structure,
    ...references,
  ]);
  if (errors.length > 0 || named.policy === undefined) return { ok: false, file: fileName, errors, warnings };
  return { ok: true, file: fileName, datamap, policy: named.policy, warnings, locator: parsed.locator };
}

/** Reads and validates a data-map file; a missing file is reported as a `file-not-found` issue. */
export async function loadDataMap(path: string): Promise<DataMapLoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) throw error;
    return failure(path, [
      {
        severity: 'error',
        code: 'file-not-found',
        message: `data-map file not found: ${path}`,
        file: path,
        path: '',
      },
    ]);
  }
  return loadDataMapFromString(text, path);
}

const SHOWN_IN_MESSAGE = 5;

/**
 * Loads a data map or throws a {@link RegistreError}: `REG_ERR_DATAMAP_FILE_NOT_FOUND` when the
 * file is missing, `REG_ERR_DATAMAP_INVALID` for anything else (YAML syntax, schema, an unknown
 * or invalid policy, failed cross-checks). The message lists the first errors as
 * `file:line:column severity [code] message`; `details` holds every issue, errors first.
 */
export async function loadDataMapOrThrow(path: string): Promise<LoadedDataMap> {
  const result = await loadDataMap(path);
  if (result.ok) {
    const { ok: _ok, ...loaded } = result;
    return loaded;
  }
  const { file, errors, warnings } = result;
  const details = [...errors, ...warnings];
  if (errors.some((issue) => issue.code === 'file-not-found' && issue.file === file)) {
    throw new RegistreError('REG_ERR_DATAMAP_FILE_NOT_FOUND', `data-map file not found: ${file}`, {
      details,
    });
  }
  const first = errors.slice(0, SHOWN_IN_MESSAGE).map(formatIssue).join('\n');
  const more = errors.length > SHOWN_IN_MESSAGE ? `\n… and ${errors.length - SHOWN_IN_MESSAGE} more` : '';
  const summary = `${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${first}${more}`;
  throw new RegistreError('REG_ERR_DATAMAP_INVALID', summary, { details });
}
