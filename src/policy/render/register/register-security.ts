/**
 * Security measures of one activity (Art 32), grouped by the families of the CNIL register model.
 */
import type { TActivity, TPolicy, TProcessor } from '../../model.ts';
import { labelOf, textOf } from '../../taxonomy/labels.ts';
import { CNIL_SECURITY_FAMILIES, type Language, type Taxonomy } from '../../taxonomy/types.ts';
import type { CnilSecurityFamily } from './register-columns.ts';
import { REGISTER_WORDS } from './register-words.ts';

/**
 * The organisation's measures plus the activity's own, by CNIL family. Measures the policy says are
 * not applied are listed with that mention (the register must show the gap, not hide it).
 * Certifications go to "other"; processors bound by contract to "control of processors".
 */
export function securityByFamily(
  policy: TPolicy,
  activity: TActivity,
  processors: readonly TProcessor[],
  taxonomy: Taxonomy,
  lang: Language,
): Map<CnilSecurityFamily, string[]> {
  const w = REGISTER_WORDS[lang];
  const byFamily = new Map<CnilSecurityFamily, string[]>(CNIL_SECURITY_FAMILIES.map((f) => [f, []]));
  const add = (family: CnilSecurityFamily, text: string): void => {
    const list = byFamily.get(family) ?? [];
    if (!list.includes(text)) list.push(text);
    byFamily.set(family, list);
  };
  const familyOf = (id: string): CnilSecurityFamily => taxonomy.securityMeasures.get(id)?.cnil ?? 'other';
  const processorNames = new Map(policy.processors.map((p) => [p.id, p.name]));

  const seen = new Set<string>();
  for (const use of policy.security) {
    seen.add(use.measure);
    let text = labelOf(taxonomy, 'securityMeasures', use.measure, lang);
    const details = textOf(use.details, lang);
    if (details !== '') text += `${w.colon}${details}`;
    if (use.providedBy !== undefined) {
      text += ` (${w.providedBy} ${processorNames.get(use.providedBy) ?? use.providedBy})`;
    }
    if (!use.applied) text += ` (${w.notApplied})`;
    add(familyOf(use.measure), text);
  }
  for (const id of activity.security ?? []) {
    if (!seen.has(id)) add(familyOf(id), labelOf(taxonomy, 'securityMeasures', id, lang));
  }
  for (const certification of policy.certifications ?? []) {
    add('other', `${w.certification}${w.colon}${certification}`);
  }
  const bound = processors.filter((p) => p.contract === true).map((p) => p.name);
  if (bound.length > 0) add('processor-control', `${w.contractBound}${w.colon}${bound.join(', ')}`);
  return byFamily;
}
