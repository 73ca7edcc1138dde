/**
 * Which policy fields name which kind of entry. Each pattern is read by {@link reach}; the check
 * itself is in `check-ids.ts`.
 */
import type { Taxonomy, TaxonomyKind } from '../../taxonomy/types.ts';
import { quoteList } from '../describe-value.ts';

/** What a field may name: a taxonomy kind, or one of the policy's own processors. */
export type ReferenceTarget = TaxonomyKind | 'processors';

/** A further condition the named entry must meet (an Art 6 basis, an internal recipient…). */
export interface Requirement {
  readonly code: string;
  readonly holds: (taxonomy: Taxonomy, id: string) => boolean;
  /** The sentence after "<path>: ", saying what is wrong and what to write instead. */
  readonly explain: (taxonomy: Taxonomy, id: string) => string;
}

export interface ReferenceRule {
  readonly at: string;
  readonly targets: readonly ReferenceTarget[];
  readonly requirement?: Requirement;
}

function art9Conditions(taxonomy: Taxonomy): string {
  return quoteList([...taxonomy.legalBases.values()].filter((entry) => entry.art9).map((entry) => entry.id));
}

const ART6_BASIS: Requirement = {
  code: 'art6-basis-expected',
  holds: (taxonomy, id) => taxonomy.legalBases.get(id)?.art9 !== true,
  explain: (_taxonomy, id) =>
    `'${id}' is an Art 9(2) condition, not an Art 6(1) legal basis; name the Art 6(1) basis here and put '${id}' under 'art9'`,
};

const ART9_CONDITION: Requirement = {
  code: 'art9-condition-expected',
  holds: (taxonomy, id) => taxonomy.legalBases.get(id)?.art9 === true,
  explain: (taxonomy, id) =>
    `'${id}' is an Art 6(1) legal basis, not an Art 9(2) condition; use one of ${art9Conditions(taxonomy)}`,
};

function recipientScope(scope: 'internal' | 'external'): Requirement {
  const other = scope === 'internal' ? 'external' : 'internal';
  return {
    code: 'recipient-scope',
    holds: (taxonomy, id) => taxonomy.recipients.get(id)?.scope === scope,
    explain: (_taxonomy, id) => `'${id}' is an ${other} recipient; list it under 'recipients.${other}'`,
  };
}

const rule = (at: string, target: ReferenceTarget, requirement?: Requirement): ReferenceRule =>
  requirement === undefined ? { at, targets: [target] } : { at, targets: [target], requirement };

/** Every field of the model that names a taxonomy entry or a processor (countries: see check-countries). */
export const REFERENCE_RULES: readonly ReferenceRule[] = [
  rule('organisation.supervisoryAuthority', 'authorities'),
  { at: 'policy.changeNotification[*]', targets: ['commitments', 'exerciseConditions'] },
  rule('processors[*].services[*]', 'processorServices'),
  rule('processors[*].transfers[*].safeguards[*]', 'safeguards'),
  rule('activities[*].purposes[*]', 'purposes'),
  rule('activities[*].legalBases[*].basis', 'legalBases', ART6_BASIS),
  rule('activities[*].legalBases[*].art9', 'legalBases', ART9_CONDITION),
  rule('activities[*].legalBases[*].withdrawal[*]', 'exerciseConditions'),
  rule('activities[*].legalBases[*].purposes[*]', 'purposes'),
  rule('activities[*].subjects[*]', 'subjectCategories'),
  rule('activities[*].data[*].category', 'dataCategories'),
  rule('activities[*].data[*].sources[*]', 'sources'),
  rule('activities[*].sources[*]', 'sources'),
  rule('activities[*].consequenceOfNotProviding', 'consequences'),
  rule('activities[*].mandatoryIndicator', 'exerciseConditions'),
  rule('activities[*].recipients.internal[*]', 'recipients', recipientScope('internal')),
  rule('activities[*].recipients.external[*]', 'recipients', recipientScope('external')),
  rule('activities[*].processors[*]', 'processors'),
  rule('activities[*].retention[*].data[*]', 'dataCategories'),
  rule('activities[*].retention[*].subjects[*]', 'subjectCategories'),
  rule('activities[*].retention[*].trigger', 'triggerEvents'),
  rule('activities[*].retention[*].endsEarlierOn[*]', 'triggerEvents'),
  rule('activities[*].retention[*].archive.trigger', 'triggerEvents'),
  rule('activities[*].retention[*].archive.reason', 'retentionReasons'),
  rule('activities[*].retention[*].legalHolds[*].reason', 'retentionReasons'),
  rule('activities[*].security[*]', 'securityMeasures'),
  rule('activities[*].automatedDecisions.profilingPurposes[*]', 'purposes'),
  rule('activities[*].automatedDecisions.legalBasis', 'legalBases'),
  rule('activities[*].rights{key}', 'rights'),
  rule('activities[*].rights{*}.reasons[*]', 'limitReasons'),
  rule('activities[*].rights{*}.conditions[*]', 'exerciseConditions'),
  rule('security[*].measure', 'securityMeasures'),
  rule('security[*].providedBy', 'processors'),
  rule('rights.statements{key}', 'rights'),
  rule('rights.statements{*}.reasons[*]', 'limitReasons'),
  rule('rights.statements{*}.conditions[*]', 'exerciseConditions'),
  rule('rights.conditions[*]', 'exerciseConditions'),
  rule('rights.postMortem.conditions[*]', 'exerciseConditions'),
  rule('rights.complaint.authority', 'authorities'),
  rule('breach.notifyAuthority.authority', 'authorities'),
  rule('cookies.categories[*].purposes[*]', 'purposes'),
  rule('cookies.categories[*].providers[*]', 'processors'),
  rule('cookies.withdrawal[*]', 'exerciseConditions'),
  rule('commitments[*]', 'commitments'),
];
