/**
 * DPO checks: findings about a policy that is well formed but weak or unlawful as written
 * (Privacy Shield transfers, consent without withdrawal, special data without an Art 9 condition…).
 * Each check has a stable code, listed in {@link POLICY_CHECKS} for the documentation.
 */

import {
  channelWithoutAddress,
  cookiesWithoutCategories,
  noDpo,
  policyDateMissing,
} from './load/checks/document-checks.ts';
import {
  consentWithoutWithdrawal,
  legalBasisNotStated,
  marketingLegitimateInterestWithoutObjection,
  processorActivityWithoutController,
  specialCategoryWithoutArt9,
} from './load/checks/legal-basis-checks.ts';
import type { PolicyCheck } from './load/checks/policy-check.ts';
import {
  activityWithoutRetention,
  archiveShorterThanActive,
  retentionZeroWithoutEvent,
} from './load/checks/retention-checks.ts';
import { rightLimitedWithoutReason } from './load/checks/rights-checks.ts';
import { privacyShieldTransfer, transferWithoutSafeguard } from './load/checks/transfer-checks.ts';
import { type IssueLocator, locatorWithoutPositions, placeFinding } from './load/policy-issue.ts';
import type { PolicyIssue } from './loaded-policy.ts';
import type { TPolicy } from './model.ts';
import type { Taxonomy } from './taxonomy/types.ts';

const CHECKS: readonly PolicyCheck[] = [
  privacyShieldTransfer,
  transferWithoutSafeguard,
  consentWithoutWithdrawal,
  activityWithoutRetention,
  specialCategoryWithoutArt9,
  marketingLegitimateInterestWithoutObjection,
  legalBasisNotStated,
  processorActivityWithoutController,
  rightLimitedWithoutReason,
  retentionZeroWithoutEvent,
  archiveShorterThanActive,
  policyDateMissing,
  channelWithoutAddress,
  noDpo,
  cookiesWithoutCategories,
];

/** Every DPO check: its stable code, the severity it reports with, and what it looks for. */
export const POLICY_CHECKS: readonly Pick<PolicyCheck, 'code' | 'severity' | 'description'>[] = CHECKS.map(
  ({ code, severity, description }) => ({ code, severity, description }),
);

/**
 * Runs every DPO check on a policy that passed the schema. Ids the taxonomy lacks are skipped here
 * (the cross-reference check reports them). `locator` places the findings in the source file.
 */
export function lintPolicy(
  policy: TPolicy,
  taxonomy: Taxonomy,
  locator: IssueLocator = locatorWithoutPositions('policy'),
): PolicyIssue[] {
  return CHECKS.flatMap((check) => check.run(policy, taxonomy)).map((finding) =>
    placeFinding(locator, finding),
  );
}
