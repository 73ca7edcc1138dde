/**
 * The JSON-LD context of the DPV export and the few terms it uses from outside DPV.
 */
import { DPV_PREFIXES } from '../../taxonomy/types.ts';

/** Prefixes of the well-known vocabularies the export may use besides DPV. */
export const WELL_KNOWN_PREFIXES: Readonly<Record<string, string>> = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcterms: 'http://purl.org/dc/terms/',
  schema: 'https://schema.org/',
};

/** The `@context` of the export: DPV 2.3 namespaces (dpv, pd, eu-gdpr, eu, loc) and the well-known ones. */
export const DPV_JSONLD_CONTEXT: Readonly<Record<string, string>> = {
  ...DPV_PREFIXES,
  ...WELL_KNOWN_PREFIXES,
};

/**
 * Every term the export uses that is not a DPV 2.3 term, as CURIEs. Anything else it emits must
 * exist in DPV 2.3 (`/work/shared/data/dpv-2.3-terms.tsv`); the tests check both.
 */
export const NON_DPV_TERMS: readonly string[] = [
  'rdf:value',
  'rdfs:label',
  'rdfs:comment',
  'xsd:duration',
  'xsd:date',
  'dcterms:title',
  'dcterms:description',
  'dcterms:hasPart',
  'dcterms:publisher',
  'dcterms:issued',
  'dcterms:hasVersion',
];

/** A CURIE written out as a full IRI with the given prefixes; any other string is returned as is. */
export function expandWith(prefixes: Readonly<Record<string, string>>, term: string): string {
  const colon = term.indexOf(':');
  if (colon <= 0) return term;
  const base = prefixes[term.slice(0, colon)];
  return base === undefined ? term : base + term.slice(colon + 1);
}

/** {@link NON_DPV_TERMS} as full IRIs. */
export const NON_DPV_TERM_IRIS: ReadonlySet<string> = new Set(
  NON_DPV_TERMS.map((t) => expandWith(WELL_KNOWN_PREFIXES, t)),
);
