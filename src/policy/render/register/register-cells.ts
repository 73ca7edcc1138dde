/**
 * Small helpers that turn taxonomy ids and lists into register cells that are never blank.
 */
import { labelOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy, TaxonomyKind } from '../../taxonomy/types.ts';
import type { RegisterCell } from './register-types.ts';

/** The values, or the explicit fallback ("None", "Not stated in the policy") when there are none. */
export function orElse(values: readonly string[], fallback: string): RegisterCell {
  const kept = values.filter((v) => v.trim() !== '');
  return kept.length === 0 ? fallback : kept;
}

/** Labels of taxonomy ids, in order, without duplicates. */
export function labels(
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  ids: readonly string[],
  lang: Language,
): string[] {
  return unique(ids.map((id) => labelOf(taxonomy, kind, id, lang)));
}

/** The values in first-seen order, each once. */
export function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
