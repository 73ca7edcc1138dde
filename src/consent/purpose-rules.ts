/**
 * What the policy says about one purpose key of the ledger: which legal bases apply, whether
 * consent is needed (and which ledger keys satisfy it), whether an objection stops the processing,
 * and how long a consent lasts.
 *
 * A ledger purpose key is an activity id, a cookie category id or a taxonomy purpose id used by
 * the policy, looked up in that order. A purpose used by several activities (or cookie categories)
 * is judged under each of them and must be allowed under all: the strictest reading. Applications
 * that know the activity pass the activity id to be precise.
 */
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { TActivity, TPolicy } from '../policy/model.ts';
import { compareDurations } from '../policy/retention/duration.ts';
import type { Taxonomy } from '../policy/taxonomy/types.ts';
import { classifyPurposes, type PurposeClasses } from './purpose-classes.ts';

/** CNIL: a tracker consent lasts at most 13 months from when it was given (never extended by visits). */
export const TRACKER_CONSENT_VALIDITY = 'P13M';

/** Trigger event of retention rules that concern trackers (cookies and similar). */
const TRACKER_TRIGGER = 'cookie-deposit';

/** One consent the processing needs: any of `keys` in the ledger satisfies it. */
export interface ConsentRequirement {
  readonly purpose: string;
  readonly keys: readonly string[];
}

/** The rules of one activity or cookie category for the purpose asked about. */
export interface PurposeScope {
  readonly kind: 'activity' | 'cookie-category';
  readonly id: string;
  /** Purposes in scope (taxonomy ids). */
  readonly purposes: readonly string[];
  /** Legal bases in scope (taxonomy ids, Art 9 conditions included). */
  readonly bases: readonly string[];
  /** Consents needed; empty when no basis in scope is consent. */
  readonly consent: readonly ConsentRequirement[];
  /** Art 21(1): the basis is legitimate interest, public task or not stated, so an objection stops it. */
  readonly objectionApplies: boolean;
  /** The organisation acts as processor: consent and objection are the controller's to collect. */
  readonly processor: boolean;
  /** Strictly necessary trackers: no consent, no objection. */
  readonly strictlyNecessary: boolean;
  readonly classes: PurposeClasses;
}

export interface PurposeRules {
  readonly key: string;
  readonly kind: 'activity' | 'cookie-category' | 'purpose';
  readonly scopes: readonly PurposeScope[];
  /** How long a consent recorded under this key lasts (ISO 8601), or null when it does not expire. */
  readonly validity: string | null;
}

type Basis = NonNullable<TActivity['legalBases']>[number];

function isConsentBasis(taxonomy: Taxonomy, basis: Basis): boolean {
  const main = taxonomy.legalBases.get(basis.basis)?.consent === true;
  const art9 = basis.art9 !== undefined && taxonomy.legalBases.get(basis.art9)?.consent === true;
  return main || art9;
}

/** Art 21(1) applies to processing on 6(1)(e) or 6(1)(f); a basis the policy does not state is treated alike. */
function isObjectionable(taxonomy: Taxonomy, basis: Basis): boolean {
  const article = taxonomy.legalBases.get(basis.basis)?.article;
  return basis.basis === 'not-stated' || article === '6(1)(e)' || article === '6(1)(f)';
}

function coveredPurposes(activity: TActivity, basis: Basis): readonly string[] {
  return basis.purposes ?? activity.purposes;
}

function activityScope(taxonomy: Taxonomy, activity: TActivity, purpose: string | null): PurposeScope {
  const purposes = purpose === null ? activity.purposes : [purpose];
  const bases = (activity.legalBases ?? []).filter(
    (b) => purpose === null || coveredPurposes(activity, b).includes(purpose),
  );
  const consentPurposes = new Set<string>();
  for (const basis of bases) {
    if (!isConsentBasis(taxonomy, basis)) continue;
    for (const p of coveredPurposes(activity, basis)) if (purposes.includes(p)) consentPurposes.add(p);
  }
  return {
    kind: 'activity',
    id: activity.id,
    purposes,
    bases: bases.flatMap((b) => (b.art9 === undefined ? [b.basis] : [b.basis, b.art9])),
    consent: [...consentPurposes].map((p) => ({ purpose: p, keys: [p, activity.id] })),
    objectionApplies: bases.length === 0 || bases.some((b) => isObjectionable(taxonomy, b)),
    processor: activity.role === 'processor',
    strictlyNecessary: false,
    classes: classifyPurposes(taxonomy, purposes),
  };
}

type CookieCategory = NonNullable<TPolicy['cookies']>['categories'][number];

function cookieScope(taxonomy: Taxonomy, category: CookieCategory): PurposeScope {
  return {
    kind: 'cookie-category',
    id: category.id,
    purposes: category.purposes,
    bases: category.consent ? ['consent'] : [],
    consent: category.consent ? [{ purpose: category.id, keys: [category.id] }] : [],
    objectionApplies: false,
    processor: false,
    strictlyNecessary: !category.consent,
    classes: classifyPurposes(taxonomy, category.purposes),
  };
}

function shortest(durations: readonly string[]): string | null {
  let best: string | null = null;
  for (const d of durations) if (best === null || compareDurations(d, best) < 0) best = d;
  return best;
}

function trackerValidity(activity: TActivity): string | null {
  const rules = activity.retention.filter((r) => r.trigger === TRACKER_TRIGGER);
  if (rules.length === 0) return null;
  return shortest([TRACKER_CONSENT_VALIDITY, ...rules.map((r) => r.duration).filter((d) => d !== 'P0D')]);
}

function categoryValidity(category: CookieCategory): string {
  return shortest([TRACKER_CONSENT_VALIDITY, category.lifetime]) ?? TRACKER_CONSENT_VALIDITY;
}

/**
 * Resolve a ledger purpose key against the policy.
 * @returns the rules, or null when the key names nothing in the policy
 */
export function resolvePurpose(loaded: LoadedPolicy, key: string): PurposeRules | null {
  const { policy, taxonomy } = loaded;
  const categories = policy.cookies?.categories ?? [];

  const activity = policy.activities.find((a) => a.id === key);
  if (activity !== undefined) {
    return {
      key,
      kind: 'activity',
      scopes: [activityScope(taxonomy, activity, null)],
      validity: trackerValidity(activity),
    };
  }
  const category = categories.find((c) => c.id === key);
  if (category !== undefined) {
    return {
      key,
      kind: 'cookie-category',
      scopes: [cookieScope(taxonomy, category)],
      validity: categoryValidity(category),
    };
  }
  const activities = policy.activities.filter((a) => a.purposes.includes(key));
  const withCookies = categories.filter((c) => c.purposes.includes(key));
  if (activities.length === 0 && withCookies.length === 0) return null;
  const validities = [
    ...activities.map(trackerValidity).filter((v): v is string => v !== null),
    ...withCookies.map(categoryValidity),
  ];
  return {
    key,
    kind: 'purpose',
    scopes: [
      ...activities.map((a) => activityScope(taxonomy, a, key)),
      ...withCookies.map((c) => cookieScope(taxonomy, c)),
    ],
    validity: shortest(validities),
  };
}

/** Every key a subject can give or refuse consent for: consent-based activities, purposes and cookie categories. */
export function consentPurposeKeys(loaded: LoadedPolicy): string[] {
  const keys = new Set<string>();
  for (const activity of loaded.policy.activities) {
    const scope = activityScope(loaded.taxonomy, activity, null);
    if (scope.processor || scope.consent.length === 0) continue;
    keys.add(activity.id);
    for (const c of scope.consent) keys.add(c.purpose);
  }
  for (const category of loaded.policy.cookies?.categories ?? []) if (category.consent) keys.add(category.id);
  return [...keys];
}
