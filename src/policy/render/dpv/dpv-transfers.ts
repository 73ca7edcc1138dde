/**
 * Transfers outside the EEA as `dpv:CrossBorderTransfer` processing: the third country, the
 * exporter and importer, and the safeguard — its DPV terms split between legal bases (the GDPR
 * Chapter V articles `eu-gdpr:A45-3`, `eu-gdpr:A46-2-c`…, adequacy decisions `eu:Adequacy-EU-GB`)
 * and measures (`eu-gdpr:BindingCorporateRules`…).
 * A processor located in a third country without a listed transfer gets one too, relying on the
 * adequacy decision when the country has a full one (as in the register). An invalid mechanism or
 * the "not stated" sentinel gives no DPV term, only its name in `rdfs:comment`.
 */
import type { TProcessor } from '../../model.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { isThirdCountry } from '../register/register-transfers.ts';
import { adequacyDecisionOf, countryRefs, type JsonLdNode, ref } from './dpv-terms.ts';

/** A transfer mechanism that is a legal basis: a Chapter V article, an adequacy decision, DPV's generic one. */
const isTransferLegalBasis = (curie: string): boolean =>
  /^eu-gdpr:A\d/.test(curie) || curie.startsWith('eu:Adequacy-') || curie === 'dpv:DataTransferLegalBasis';

function transferNode(
  iri: string,
  country: string,
  safeguards: readonly string[],
  exporter: JsonLdNode,
  importer: JsonLdNode,
  taxonomy: Taxonomy,
  languages: readonly Language[],
): JsonLdNode {
  // An invalid mechanism (Privacy Shield) or the "not stated" sentinel is named in the comment only:
  // the export must not claim a safeguard the transfer does not have.
  const curies = safeguards.flatMap((id) => {
    const entry = taxonomy.safeguards.get(id);
    if (entry === undefined || !entry.valid || entry.unstated) return [];
    // An adequacy decision: also the decision for that very country, when DPV has one.
    return id === 'adequacy' ? [...entry.dpv, ...adequacyDecisionOf(taxonomy, country)] : entry.dpv;
  });
  return {
    '@id': iri,
    '@type': 'dpv:CrossBorderTransfer',
    'dpv:hasThirdCountry': countryRefs(taxonomy, country),
    'dpv:hasDataExporter': exporter,
    'dpv:hasDataImporter': importer,
    'dpv:hasLegalBasis': curies.filter(isTransferLegalBasis).map(ref),
    'dpv:hasTechnicalOrganisationalMeasure': curies.filter((c) => !isTransferLegalBasis(c)).map(ref),
    'rdfs:comment': languages.flatMap((lang) =>
      safeguards.map((id) => ({
        '@value': taxonomy.safeguards.get(id)?.label[lang] ?? id,
        '@language': lang,
      })),
    ),
  };
}

/** Transfer processing nodes of an activity, given the IRIs of the organisation and of each processor. */
export function transferNodes(
  activityIri: string,
  orgIri: string,
  processors: readonly TProcessor[],
  processorIri: (id: string) => string,
  taxonomy: Taxonomy,
  languages: readonly Language[],
): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  for (const p of processors) {
    const processor = ref(processorIri(p.id));
    for (const t of p.transfers) {
      const iri = `${activityIri}:transfer:${p.id}:${t.country.toLowerCase()}`;
      const importer =
        t.by === undefined
          ? processor
          : { '@id': `${iri}:importer`, '@type': 'dpv:LegalEntity', 'dpv:hasName': t.by };
      const exporter = t.by === undefined ? ref(orgIri) : processor;
      out.push(transferNode(iri, t.country, t.safeguards, exporter, importer, taxonomy, languages));
    }
    if (isThirdCountry(taxonomy, p.country) && !p.transfers.some((t) => t.country === p.country)) {
      const adequacy = taxonomy.countries.get(p.country)?.adequacy === 'full';
      out.push(
        transferNode(
          `${activityIri}:transfer:${p.id}:${p.country.toLowerCase()}`,
          p.country,
          adequacy ? ['adequacy'] : ['not-stated'],
          ref(orgIri),
          processor,
          taxonomy,
          languages,
        ),
      );
    }
  }
  return out;
}
