/**
 * Loading a policy file: YAML with positions → schema → taxonomy extensions → cross-references →
 * DPO checks. Every problem comes back as a {@link PolicyIssue} with its file, line, column and path.
 */
import { readFile } from 'node:fs/promises';
import { RegistreError } from '../errors/registry.ts';
import { checkReferences } from './check-references.ts';
import { lintPolicy } from './lint-policy.ts';
import { buildPolicyTaxonomy } from './load/build-taxonomy.ts';
import { parseYaml } from './load/parse-yaml.ts';
import { partitionIssues, placeFinding } from './load/policy-issue.ts';
import { mapZodIssues } from './load/zod-issues.ts';
import type { LoadedPolicy, PolicyIssue, PolicyLoadResult } from './loaded-policy.ts';
import { ZPolicy } from './model.ts';

/** Top-to-bottom order, the order a person fixes a file in. */
function byPosition(a: PolicyIssue, b: PolicyIssue): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function failure(file: string, issues: readonly PolicyIssue[]): PolicyLoadResult {
  return { ok: false, file, ...partitionIssues(issues) };
}

/**
 * Validates policy text. `fileName` names the file in issues and is the base that `taxonomyFiles`
 * are resolved against. Never throws for a bad policy: problems come back as issues.
 */
export function loadPolicyFromString(text: string, fileName: string): PolicyLoadResult {
  const parsed = parseYaml(text, fileName);
  if (parsed.issues.some((issue) => issue.severity === 'error')) return failure(fileName, parsed.issues);

  const result = ZPolicy.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    const findings = mapZodIssues(result.error.issues, ZPolicy, parsed.value, parsed.sourceAt);
    const placed = findings.map((finding) => placeFinding(parsed.locator, finding)).sort(byPosition);
    return failure(fileName, [...parsed.issues, ...placed]);
  }

  const policy = result.data;
  const built = buildPolicyTaxonomy(policy, parsed.locator);
  const issues = [
    ...parsed.issues,
    ...built.issues,
    ...checkReferences(policy, built.taxonomy, parsed.locator),
    ...lintPolicy(policy, built.taxonomy, parsed.locator),
  ];
  const { errors, warnings } = partitionIssues(issues);
  if (errors.length > 0) return { ok: false, file: fileName, errors, warnings };
  return { ok: true, file: fileName, policy, taxonomy: built.taxonomy, warnings };
}

function isMissingFile(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/** Reads and validates a policy file; a missing file is reported as a `file-not-found` issue. */
export async function loadPolicy(path: string): Promise<PolicyLoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) throw error;
    return failure(path, [
      {
        severity: 'error',
        code: 'file-not-found',
        message: `policy file not found: ${path}`,
        file: path,
        path: '',
      },
    ]);
  }
  return loadPolicyFromString(text, path);
}

/** One line per issue: `file:line:column path: message`. */
export function formatIssue(issue: PolicyIssue): string {
  const position = issue.line === undefined ? '' : `:${issue.line}:${issue.column ?? 1}`;
  return `${issue.file}${position} ${issue.severity} [${issue.code}] ${issue.message}`;
}

const SHOWN_IN_MESSAGE = 5;

function errorFor(
  file: string,
  errors: readonly PolicyIssue[],
  warnings: readonly PolicyIssue[],
): RegistreError {
  const details = [...errors, ...warnings];
  const first = errors.slice(0, SHOWN_IN_MESSAGE).map(formatIssue).join('\n');
  const more = errors.length > SHOWN_IN_MESSAGE ? `\n… and ${errors.length - SHOWN_IN_MESSAGE} more` : '';
  const summary = `${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}\n${first}${more}`;
  if (errors.some((issue) => issue.code === 'file-not-found')) {
    return new RegistreError('REG_ERR_POLICY_FILE_NOT_FOUND', `policy file not found: ${file}`, { details });
  }
  if (errors.some((issue) => issue.code === 'yaml-syntax' || issue.code === 'yaml-duplicate-key')) {
    return new RegistreError('REG_ERR_POLICY_YAML_SYNTAX', summary, { details });
  }
  return new RegistreError('REG_ERR_POLICY_INVALID', summary, { details });
}

/**
 * Loads a policy or throws a {@link RegistreError}: `REG_ERR_POLICY_FILE_NOT_FOUND`,
 * `REG_ERR_POLICY_YAML_SYNTAX`, or `REG_ERR_POLICY_INVALID`; `details` holds every issue
 * (errors first, then warnings).
 */
export async function loadPolicyOrThrow(path: string): Promise<LoadedPolicy> {
  const result = await loadPolicy(path);
  if (!result.ok) throw errorFor(result.file, result.errors, result.warnings);
  const { ok: _ok, ...loaded } = result;
  return loaded;
}
