/**
 * The difference between two versions of a policy, as changes a data subject can read.
 *
 * Activities, processors, retention rules and cookie categories are matched by id; durations
 * are compared by length (P1Y equals P12M, P13M is longer than P1Y), so rewriting a duration
 * in other units is not a change.
 */
import type { LoadedPolicy } from '../loaded-policy.ts';
import { diffActivities } from './diff-activities.ts';
import { diffOrganisation } from './diff-organisation.ts';
import { diffBreach, diffCommitments, diffCookies, diffSecurity } from './diff-other.ts';
import { diffProcessors } from './diff-processors.ts';
import { diffRightsSection } from './diff-rights.ts';
import type { PolicyChange } from './types.ts';

/**
 * Compare two loaded policies. Changes come in document order — organisation, activities
 * (each with its rules and rights), processors, rights, security, breach, cookies,
 * commitments — and within a part new items in the new order, removed ones in the old order,
 * so the same two versions always give the same list.
 *
 * @param old the published version
 * @param next the version about to be published
 */
export function diffPolicies(old: LoadedPolicy, next: LoadedPolicy): PolicyChange[] {
  const ctx = { old, next };
  return [
    ...diffOrganisation(ctx),
    ...diffActivities(ctx),
    ...diffProcessors(ctx),
    ...diffRightsSection(ctx),
    ...diffSecurity(ctx),
    ...diffBreach(ctx),
    ...diffCookies(ctx),
    ...diffCommitments(ctx),
  ];
}
