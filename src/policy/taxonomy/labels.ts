import type { Language, Taxonomy, TaxonomyKind, TLocalizedText } from './types.ts';

/**
 * The label of a taxonomy entry in a language. Unknown ids come back as the id itself so a
 * document never shows a blank; the policy check reports unknown ids as errors beforehand.
 */
export function labelOf(taxonomy: Taxonomy, kind: TaxonomyKind, id: string, lang: Language): string {
  const entry = taxonomy[kind].get(id);
  return entry === undefined ? id : entry.label[lang];
}

/** A localized text in the wanted language, falling back to the other language, then to ''. */
export function textOf(text: TLocalizedText | undefined, lang: Language): string {
  if (text === undefined) return '';
  return text[lang] ?? text.fr ?? text.en ?? '';
}
