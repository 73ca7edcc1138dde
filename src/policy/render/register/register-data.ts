/**
 * Data categories of one activity for the register: by CNIL family, sensitive or not, sources, and
 * the erasure time limit of each category with its starting event.
 */
import type { TActivity } from '../../model.ts';
import { labelOf } from '../../taxonomy/labels.ts';
import { CNIL_DATA_FAMILIES, type Language, type Taxonomy } from '../../taxonomy/types.ts';
import { describeRetention } from '../retention-words.ts';
import { labels, unique } from './register-cells.ts';
import type { CnilDataFamily } from './register-columns.ts';
import { REGISTER_WORDS } from './register-words.ts';

/** Labels of the activity's data categories, by CNIL family (from the taxonomy's `cnil` field). */
export function dataByFamily(
  activity: TActivity,
  taxonomy: Taxonomy,
  lang: Language,
): Map<CnilDataFamily, string[]> {
  const byFamily = new Map<CnilDataFamily, string[]>(CNIL_DATA_FAMILIES.map((f) => [f, []]));
  for (const item of activity.data) {
    const family = taxonomy.dataCategories.get(item.category)?.cnil ?? 'other';
    const label = labelOf(taxonomy, 'dataCategories', item.category, lang);
    const list = byFamily.get(family) ?? [];
    if (!list.includes(label)) list.push(label);
    byFamily.set(family, list);
  }
  return byFamily;
}

/** Labels of the special-category (Art 9), criminal (Art 10) or high-risk categories of the activity. */
export function sensitiveData(activity: TActivity, taxonomy: Taxonomy, lang: Language): string[] {
  const ids = activity.data
    .map((item) => item.category)
    .filter((id) => {
      const entry = taxonomy.dataCategories.get(id);
      return entry !== undefined && (entry.special || entry.criminal || entry.sensitive);
    });
  return labels(taxonomy, 'dataCategories', ids, lang);
}

/** Sources of the activity and of its data items. */
export function sourcesOf(activity: TActivity, taxonomy: Taxonomy, lang: Language): string[] {
  const ids = [...activity.sources, ...activity.data.flatMap((item) => item.sources ?? [])];
  return labels(taxonomy, 'sources', ids, lang);
}

/**
 * Erasure time limits, one entry per retention rule: "categories (subjects): retention in words"
 * (the words say the starting event). Categories of the activity that no rule covers get an
 * explicit "not stated" entry, so a gap in the policy shows in the register.
 */
export function retentionByCategory(activity: TActivity, taxonomy: Taxonomy, lang: Language): string[] {
  const w = REGISTER_WORDS[lang];
  const out: string[] = [];
  const covered = new Set<string>();
  for (const rule of activity.retention) {
    for (const id of rule.data) covered.add(id);
    const categories = labels(taxonomy, 'dataCategories', rule.data, lang).join(', ');
    const subjects =
      rule.subjects === undefined || rule.subjects.length === 0
        ? ''
        : ` (${labels(taxonomy, 'subjectCategories', rule.subjects, lang).join(', ')})`;
    out.push(`${categories}${subjects}${w.colon}${describeRetention(rule, taxonomy, lang)}`);
  }
  const uncovered = unique(activity.data.map((item) => item.category).filter((id) => !covered.has(id)));
  if (uncovered.length > 0) {
    out.push(`${labels(taxonomy, 'dataCategories', uncovered, lang).join(', ')}${w.colon}${w.notStated}`);
  }
  return out;
}
