/**
 * The answer to "may this subject's data be processed for this purpose now?", as a pure function
 * of the policy's rules and the ledger's facts at that time. Every rule that applies leaves a
 * reason; one `deny` reason is enough to refuse.
 *
 * - Restriction (Art 18(2)): restricted data may only be stored: every purpose is refused.
 * - Processor activities: consent and objection are the controller's to collect: allowed.
 * - Consent (Art 6(1)(a), 9(2)(a)): each consent the purpose needs must be given and not expired.
 * - Objection (Art 21): an objection to direct marketing is absolute; to other processing on
 *   legitimate interest or public task (or an unstated basis) it stops it unless the DPO recorded
 *   compelling grounds; to consent-based processing it counts as a refusal. A Global Privacy
 *   Control signal or an objection to a class (marketing, sharing) reaches every purpose of that
 *   class and cannot be overridden. Art 21 does not reach processing needed for a contract or a
 *   legal obligation. A consent the subject gives after objecting prevails for its purpose: the
 *   latest expressed will counts.
 */
import { classesCovering } from './purpose-classes.ts';
import type { PurposeRules, PurposeScope } from './purpose-rules.ts';
import {
  type ConsentFact,
  DPV_STATUS_OF,
  type ObjectionFact,
  type RestrictionFact,
  type TDecisionReason,
  type TProcessingDecision,
} from './types.ts';

export interface DecisionFacts {
  /** Latest event per purpose key as of `at` (keys the rules may need). */
  readonly consents: ReadonlyMap<string, ConsentFact>;
  /** Objections in force at `at`. */
  readonly objections: readonly ObjectionFact[];
  readonly restriction: RestrictionFact | null;
}

function isEffective(fact: ConsentFact, at: Date): boolean {
  return fact.action === 'given' && (fact.expiresAt === null || Date.parse(fact.expiresAt) > at.getTime());
}

/** The given, unexpired consent satisfying one requirement, if any (the latest one). */
function effectiveConsent(keys: readonly string[], facts: DecisionFacts, at: Date): ConsentFact | null {
  let best: ConsentFact | null = null;
  for (const key of keys) {
    const fact = facts.consents.get(key);
    if (fact !== undefined && isEffective(fact, at) && (best === null || fact.at > best.at)) best = fact;
  }
  return best;
}

function consentReason(
  scope: PurposeScope,
  purpose: string,
  keys: readonly string[],
  facts: DecisionFacts,
  at: Date,
) {
  const given = effectiveConsent(keys, facts, at);
  if (given !== null) {
    const reason: TDecisionReason = {
      code: 'consent-given',
      effect: 'allow',
      scope: scope.id,
      purpose: given.purpose,
      consentStatus: 'ConsentGiven',
      since: given.at,
    };
    return given.expiresAt === null ? reason : { ...reason, until: given.expiresAt };
  }
  let latest: ConsentFact | null = null;
  for (const key of keys) {
    const fact = facts.consents.get(key);
    if (fact !== undefined && (latest === null || fact.at > latest.at)) latest = fact;
  }
  if (latest === null) {
    return { code: 'consent-missing', effect: 'deny', scope: scope.id, purpose } satisfies TDecisionReason;
  }
  const expired = latest.action === 'given';
  return {
    code: expired
      ? 'consent-expired'
      : latest.action === 'withdrawn'
        ? 'consent-withdrawn'
        : 'consent-refused',
    effect: 'deny',
    scope: scope.id,
    purpose: latest.purpose,
    consentStatus: expired ? 'ConsentExpired' : DPV_STATUS_OF[latest.action],
    since: expired && latest.expiresAt !== null ? latest.expiresAt : latest.at,
  } satisfies TDecisionReason;
}

function objectionsFor(scope: PurposeScope, objections: readonly ObjectionFact[]): ObjectionFact[] {
  const keys = new Set<string>([scope.id, ...scope.purposes, ...classesCovering(scope.classes)]);
  return objections.filter((o) => keys.has(o.scope));
}

function objectionReason(scope: PurposeScope, objection: ObjectionFact, facts: DecisionFacts, at: Date) {
  const base = { scope: scope.id, purpose: objection.scope, source: objection.source, since: objection.at };
  // The subject's later, specific consent prevails over an earlier objection.
  const later = scope.consent
    .map((c) => effectiveConsent(c.keys, facts, at))
    .find((c) => c !== null && c.at >= objection.at);
  if (later !== undefined) return { ...base, code: 'consent-after-objection', effect: 'allow' } as const;
  if (scope.classes.directMarketing)
    return { ...base, code: 'objection', effect: 'deny', absolute: true } as const;
  if (scope.consent.length > 0) return { ...base, code: 'objection', effect: 'deny' } as const;
  // Art 21 does not reach processing needed for a contract or a legal obligation.
  if (!scope.objectionApplies) return { ...base, code: 'objection-not-applicable', effect: 'allow' } as const;
  const isClass = objection.scope.startsWith('class:');
  if (!isClass && objection.overriddenAt !== null) {
    return { ...base, code: 'objection-overridden', effect: 'allow' } as const;
  }
  return { ...base, code: 'objection', effect: 'deny' } as const;
}

function scopeReasons(scope: PurposeScope, facts: DecisionFacts, at: Date): TDecisionReason[] {
  if (scope.processor) return [{ code: 'processor-activity', effect: 'allow', scope: scope.id }];
  if (scope.strictlyNecessary) return [{ code: 'strictly-necessary', effect: 'allow', scope: scope.id }];
  const reasons: TDecisionReason[] = [];
  const nonConsent = scope.consent.length === 0;
  if (nonConsent)
    reasons.push({ code: 'legal-basis', effect: 'allow', scope: scope.id, bases: [...scope.bases] });
  for (const requirement of scope.consent) {
    reasons.push(consentReason(scope, requirement.purpose, requirement.keys, facts, at));
  }
  for (const objection of objectionsFor(scope, facts.objections)) {
    reasons.push(objectionReason(scope, objection, facts, at));
  }
  return reasons;
}

/**
 * Decide from facts already read.
 * @param rules what the policy says about the purpose key ({@link resolvePurpose})
 * @param facts the subject's ledger state as of `at`
 */
export function decide(rules: PurposeRules, facts: DecisionFacts, at: Date): TProcessingDecision {
  const reasons: TDecisionReason[] = [];
  if (facts.restriction !== null) {
    reasons.push({
      code: 'restricted',
      effect: 'deny',
      source: facts.restriction.source,
      since: facts.restriction.since,
    });
  }
  for (const scope of rules.scopes) reasons.push(...scopeReasons(scope, facts, at));
  return {
    allowed: reasons.length > 0 && reasons.every((r) => r.effect === 'allow'),
    purpose: rules.key,
    at: at.toISOString(),
    reasons,
  };
}

/** Every ledger key whose latest event the rules may need. */
export function consentKeysOf(rules: PurposeRules): string[] {
  return [...new Set(rules.scopes.flatMap((s) => s.consent.flatMap((c) => c.keys)))];
}
