/**
 * Cross-reference check, run once the policy matches the schema: every id names an existing entry
 * of the right kind (built-in taxonomy plus the organisation's extensions, or a declared
 * processor), ids are unique, and every localized text exists in each of the organisation's languages.
 */

import { type IssueLocator, locatorWithoutPositions, placeFinding } from './load/policy-issue.ts';
import { checkCountries } from './load/references/check-countries.ts';
import { checkIds } from './load/references/check-ids.ts';
import { checkLanguages } from './load/references/check-languages.ts';
import { checkUniqueIds } from './load/references/check-unique-ids.ts';
import type { PolicyIssue } from './loaded-policy.ts';
import type { TPolicy } from './model.ts';
import type { Taxonomy } from './taxonomy/types.ts';

/** Codes the cross-reference check reports (all errors), with what each means. */
export const REFERENCE_CHECKS: readonly { readonly code: string; readonly description: string }[] = [
  {
    code: 'unknown-id',
    description: 'A field names an id that is neither in the taxonomy nor among the processors.',
  },
  {
    code: 'art6-basis-expected',
    description: "A 'basis' names an Art 9(2) condition instead of an Art 6(1) basis.",
  },
  {
    code: 'art9-condition-expected',
    description: "An 'art9' field names an Art 6(1) basis instead of an Art 9(2) condition.",
  },
  { code: 'recipient-scope', description: 'An internal recipient is listed as external, or the reverse.' },
  {
    code: 'duplicate-id',
    description: 'Two activities, processors, cookie categories or retention rules share an id.',
  },
  {
    code: 'missing-language',
    description: 'A localized text lacks one of the languages in organisation.languages.',
  },
];

/**
 * Checks the references of a schema-valid policy against `taxonomy` (already extended with the
 * policy's own entries). `locator` places the issues in the source file.
 */
export function checkReferences(
  policy: TPolicy,
  taxonomy: Taxonomy,
  locator: IssueLocator = locatorWithoutPositions('policy'),
): PolicyIssue[] {
  return [
    ...checkIds(policy, taxonomy),
    ...checkCountries(policy, taxonomy),
    ...checkUniqueIds(policy),
    ...checkLanguages(policy),
  ].map((finding) => placeFinding(locator, finding));
}
