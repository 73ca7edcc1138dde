/**
 * The taxonomy a policy is checked against: the built-in one, extended with the organisation's
 * taxonomy files (`taxonomyFiles`, relative to the policy file) and then its inline `taxonomy`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { PolicyIssue } from '../loaded-policy.ts';
import type { TPolicy } from '../model.ts';
import {
  extendTaxonomy,
  loadBuiltinTaxonomy,
  loadTaxonomyFile,
  type TaxonomyIssue,
} from '../taxonomy/load-taxonomy.ts';
import type { Taxonomy } from '../taxonomy/types.ts';
import { formatPath, type PathSegment, parsePath } from './issue-path.ts';
import { parseYaml } from './parse-yaml.ts';
import { type IssueLocator, placeFinding } from './policy-issue.ts';

export interface PolicyTaxonomy {
  readonly taxonomy: Taxonomy;
  readonly issues: readonly PolicyIssue[];
}

/** Places an extension issue in its file, under `prefix` (`taxonomy` for the policy's inline section). */
function placeIn(locator: IssueLocator, prefix: readonly PathSegment[], issue: TaxonomyIssue): PolicyIssue {
  const path = [...prefix, ...parsePath(issue.path)];
  const message = prefix.length === 0 ? issue.message : `in '${formatPath(prefix)}': ${issue.message}`;
  return placeFinding(locator, { severity: issue.severity, code: issue.code, path, message });
}

function fileIssue(locator: IssueLocator, index: number, code: string, message: string): PolicyIssue {
  return placeFinding(locator, { severity: 'error', code, path: ['taxonomyFiles', index], message });
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function extendFromFile(
  taxonomy: Taxonomy,
  relative: string,
  index: number,
  policyLocator: IssueLocator,
): PolicyTaxonomy {
  const file = isAbsolute(relative) ? relative : join(dirname(policyLocator.file), relative);
  const unchanged = (code: string, message: string): PolicyTaxonomy => ({
    taxonomy,
    issues: [fileIssue(policyLocator, index, code, message)],
  });
  if (!existsSync(file)) {
    return unchanged(
      'taxonomy-file-not-found',
      `taxonomyFiles[${index}]: taxonomy file '${relative}' not found (looked for ${file}, relative to the policy file)`,
    );
  }
  let extension: Record<string, unknown[]>;
  let parsed: ReturnType<typeof parseYaml>;
  try {
    parsed = parseYaml(readFileSync(file, 'utf8'), file, 'taxonomy file');
    if (parsed.issues.some((issue) => issue.severity === 'error')) return { taxonomy, issues: parsed.issues };
    extension = loadTaxonomyFile(file);
  } catch (error) {
    return unchanged('taxonomy-file-invalid', `taxonomyFiles[${index}]: ${file}: ${reasonOf(error)}`);
  }
  const extended = extendTaxonomy(taxonomy, extension, file);
  const placed = extended.issues.map((issue) => placeIn(parsed.locator, [], issue));
  return { taxonomy: extended.taxonomy, issues: [...parsed.issues, ...placed] };
}

/**
 * Builds the policy's taxonomy. Problems in extensions (missing file, id without the `x-` prefix,
 * invalid entry) come back as issues placed in the file they are in; the taxonomy still holds every
 * valid entry so the later checks can run.
 */
export function buildPolicyTaxonomy(policy: TPolicy, policyLocator: IssueLocator): PolicyTaxonomy {
  let taxonomy = loadBuiltinTaxonomy();
  const issues: PolicyIssue[] = [];
  for (const [index, relative] of (policy.taxonomyFiles ?? []).entries()) {
    const extended = extendFromFile(taxonomy, relative, index, policyLocator);
    taxonomy = extended.taxonomy;
    issues.push(...extended.issues);
  }
  if (policy.taxonomy !== undefined) {
    const extended = extendTaxonomy(taxonomy, policy.taxonomy, policyLocator.file);
    taxonomy = extended.taxonomy;
    issues.push(...extended.issues.map((issue) => placeIn(policyLocator, ['taxonomy'], issue)));
  }
  return { taxonomy, issues };
}
