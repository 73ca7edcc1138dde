/**
 * Which purposes are marketing, direct marketing, or sharing/sale of data, read from their DPV
 * mapping in the taxonomy (so an organisation's own `x-` purposes are classified by the DPV
 * terms it gives them).
 */
import type { Taxonomy } from '../policy/taxonomy/types.ts';

/** Art 21(2)–(3): objection to these is absolute (direct marketing, and profiling related to it). */
export const DIRECT_MARKETING_TERMS: ReadonlySet<string> = new Set([
  'dpv:DirectMarketing',
  'dpv:SocialMediaMarketing',
  'dpv:TargetedAdvertising',
  'dpv:PersonalisedAdvertising',
]);

/** Marketing in the wide sense: what a Global Privacy Control signal objects to. */
export const MARKETING_TERMS: ReadonlySet<string> = new Set([
  ...DIRECT_MARKETING_TERMS,
  'dpv:Marketing',
  'dpv:Advertising',
]);

/** Selling or sharing data with third parties: the other thing a GPC signal objects to. */
export const SHARING_TERMS: ReadonlySet<string> = new Set([
  'dpv:SellDataToThirdParties',
  'dpv:SellInsightsFromData',
]);

/** Classes an objection can name instead of one purpose. */
export const OBJECTION_CLASSES = ['class:marketing', 'class:direct-marketing', 'class:sharing'] as const;
export type ObjectionClass = (typeof OBJECTION_CLASSES)[number];

export interface PurposeClasses {
  readonly marketing: boolean;
  readonly directMarketing: boolean;
  readonly sharing: boolean;
}

function termsOf(taxonomy: Taxonomy, purposeId: string): readonly string[] {
  return taxonomy.purposes.get(purposeId)?.dpv ?? [];
}

/** The classes of a set of purposes: a class holds when any purpose belongs to it. */
export function classifyPurposes(taxonomy: Taxonomy, purposeIds: readonly string[]): PurposeClasses {
  const terms = purposeIds.flatMap((id) => termsOf(taxonomy, id));
  const directMarketing = terms.some((t) => DIRECT_MARKETING_TERMS.has(t));
  return {
    directMarketing,
    marketing: directMarketing || terms.some((t) => MARKETING_TERMS.has(t)),
    sharing: terms.some((t) => SHARING_TERMS.has(t)),
  };
}

/** The objection classes that cover purposes of these classes. */
export function classesCovering(classes: PurposeClasses): ObjectionClass[] {
  const out: ObjectionClass[] = [];
  if (classes.marketing) out.push('class:marketing');
  if (classes.directMarketing) out.push('class:direct-marketing');
  if (classes.sharing) out.push('class:sharing');
  return out;
}
