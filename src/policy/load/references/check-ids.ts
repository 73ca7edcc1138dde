/**
 * Every id a policy field names must exist, in the taxonomy (built-in plus extensions) or among the
 * policy's processors, and meet the field's further requirement.
 */
import type { TPolicy } from '../../model.ts';
import type { Taxonomy, TaxonomyKind } from '../../taxonomy/types.ts';
import { closestMatch } from '../closest-match.ts';
import { quoteList } from '../describe-value.ts';
import { formatPath } from '../issue-path.ts';
import type { Finding } from '../policy-issue.ts';
import { KIND_NAMES } from './kind-names.ts';
import { reach } from './reach.ts';
import { REFERENCE_RULES, type ReferenceRule, type ReferenceTarget } from './reference-rules.ts';

function idsOf(target: ReferenceTarget, policy: TPolicy, taxonomy: Taxonomy): string[] {
  return target === 'processors' ? policy.processors.map((p) => p.id) : [...taxonomy[target].keys()];
}

function targetName(targets: readonly ReferenceTarget[]): string {
  return targets.map((t) => (t === 'processors' ? 'processor' : KIND_NAMES[t])).join(' or ');
}

function unknownIdHint(id: string, rule: ReferenceRule, known: readonly string[]): string {
  const suggestion = closestMatch(id, known);
  if (suggestion !== undefined) return `did you mean '${suggestion}'?`;
  if (rule.targets.includes('processors')) {
    return known.length === 0
      ? "the policy declares no processors; add it under 'processors'"
      : `declared processors: ${quoteList(known)}`;
  }
  const kinds = rule.targets.filter((t): t is TaxonomyKind => t !== 'processors');
  const where = kinds.map((kind) => `'taxonomy.${kind}'`).join(' or ');
  return `it is not in the taxonomy; check the spelling, or define it under ${where} with an id starting with 'x-'`;
}

function checkRule(rule: ReferenceRule, policy: TPolicy, taxonomy: Taxonomy): Finding[] {
  const known = rule.targets.flatMap((target) => idsOf(target, policy, taxonomy));
  const findings: Finding[] = [];
  for (const { value, path, isKey } of reach(policy, rule.at)) {
    if (typeof value !== 'string') continue;
    const target = isKey ? ('key' as const) : ('value' as const);
    const where = formatPath(path);
    if (!known.includes(value)) {
      const message = `${where}: unknown ${targetName(rule.targets)} '${value}'; ${unknownIdHint(value, rule, known)}`;
      findings.push({ severity: 'error', code: 'unknown-id', path, message, target });
    } else if (rule.requirement !== undefined && !rule.requirement.holds(taxonomy, value)) {
      const message = `${where}: ${rule.requirement.explain(taxonomy, value)}`;
      findings.push({ severity: 'error', code: rule.requirement.code, path, message, target });
    }
  }
  return findings;
}

/** Checks every id-valued field of the policy against the taxonomy and the declared processors. */
export function checkIds(policy: TPolicy, taxonomy: Taxonomy): Finding[] {
  return REFERENCE_RULES.flatMap((rule) => checkRule(rule, policy, taxonomy));
}
