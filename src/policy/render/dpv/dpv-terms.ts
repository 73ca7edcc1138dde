/**
 * Taxonomy entries as DPV references in the JSON-LD export.
 */
import type { Language, Taxonomy, TaxonomyKind, TLocalizedText } from '../../taxonomy/types.ts';

/** A JSON-LD node object or value object. */
export type JsonLdNode = { readonly [key: string]: unknown };

/** A reference to a node or a vocabulary term. */
export const ref = (id: string): JsonLdNode => ({ '@id': id });

/** A text in each language it is given in, as language-tagged literals. */
export function texts(text: TLocalizedText | undefined, languages: readonly Language[]): JsonLdNode[] {
  if (text === undefined) return [];
  return languages.flatMap((lang) => {
    const value = text[lang];
    return value === undefined ? [] : [{ '@value': value, '@language': lang }];
  });
}

/** The DPV class a taxonomy entry without a DPV mapping is typed with (an organisation's `x-` ids). */
const FALLBACK_CLASS: Partial<Record<TaxonomyKind, string>> = {
  dataCategories: 'dpv:PersonalData',
  subjectCategories: 'dpv:DataSubject',
  purposes: 'dpv:Purpose',
  legalBases: 'dpv:LegalBasis',
  rights: 'dpv:DataSubjectRight',
  securityMeasures: 'dpv:TechnicalOrganisationalMeasure',
  sources: 'dpv:DataSource',
  recipients: 'dpv:Recipient',
};

/**
 * DPV references for taxonomy ids: each entry's DPV terms; an entry with none (an organisation's own
 * concept) becomes a local concept typed with the kind's generic DPV class and labelled, so nothing
 * the policy says is dropped. Duplicates are removed.
 */
export function termRefs(
  baseIri: string,
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  ids: readonly string[],
  languages: readonly Language[],
): JsonLdNode[] {
  const out = new Map<string, JsonLdNode>();
  for (const id of ids) {
    const entry = taxonomy[kind].get(id) as { dpv: readonly string[]; label: TLocalizedText } | undefined;
    if (entry !== undefined && entry.dpv.length > 0) {
      for (const curie of entry.dpv) out.set(curie, ref(curie));
      continue;
    }
    const fallback = FALLBACK_CLASS[kind];
    if (fallback === undefined) continue;
    const iri = `${baseIri}:concept:${kind}:${id}`;
    out.set(iri, {
      '@id': iri,
      '@type': fallback,
      'rdfs:label': entry === undefined ? id : texts(entry.label, languages),
    });
  }
  return [...out.values()];
}

/**
 * The DPV location terms (`loc:`) of a country: the taxonomy may also map a country to other terms
 * (its adequacy decision, `eu:Adequacy-EU-GB`), which are not places.
 */
export function countryRefs(taxonomy: Taxonomy, code: string): JsonLdNode[] {
  if (code === 'EEA') return [ref('loc:EEA')];
  return (taxonomy.countries.get(code)?.dpv ?? []).filter((c) => c.startsWith('loc:')).map(ref);
}

/** The country's own adequacy decision term (`eu:Adequacy-EU-GB`), when the taxonomy maps one. */
export function adequacyDecisionOf(taxonomy: Taxonomy, code: string): string[] {
  return (taxonomy.countries.get(code)?.dpv ?? []).filter((c) => c.startsWith('eu:Adequacy-'));
}
