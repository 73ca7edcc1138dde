/**
 * Every vocabulary IRI a JSON-LD document uses: properties, types (classes and datatypes) and
 * IRI values written as CURIEs or absolute IRIs. Instance ids (`urn:…`) and literal values are not
 * terms and are left out; `@context` is not walked.
 */
import { DPV_JSONLD_CONTEXT, expandWith } from './dpv-context.ts';

/** Prefixes declared by a document's `@context` object, or the export's own when it has none. */
function prefixesOf(doc: unknown): Readonly<Record<string, string>> {
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const context = (doc as Record<string, unknown>)['@context'];
    if (context !== null && typeof context === 'object' && !Array.isArray(context)) {
      const out: Record<string, string> = {};
      for (const [key, value] of Object.entries(context)) if (typeof value === 'string') out[key] = value;
      return out;
    }
  }
  return DPV_JSONLD_CONTEXT;
}

const isInstanceId = (iri: string): boolean => iri.startsWith('urn:') || iri.startsWith('_:');

/**
 * The distinct vocabulary IRIs of a JSON-LD document, expanded with its `@context` prefixes and
 * sorted. A CURIE with an undeclared prefix stays as written, so a check against the DPV term list
 * fails on it.
 */
export function listDpvIris(jsonld: unknown): string[] {
  const prefixes = prefixesOf(jsonld);
  const found = new Set<string>();
  const addTerm = (term: string): void => {
    if (!isInstanceId(term)) found.add(expandWith(prefixes, term));
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (key === '@context') continue;
      if (key === '@type') {
        for (const t of Array.isArray(inner) ? inner : [inner]) if (typeof t === 'string') addTerm(t);
      } else if (key === '@id') {
        if (typeof inner === 'string') addTerm(inner);
      } else if (!key.startsWith('@')) {
        addTerm(key);
        walk(inner);
      } else if (key !== '@value' && key !== '@language') {
        walk(inner); // @graph, @list, @set, @reverse, @included hold nodes
      }
    }
  };
  walk(jsonld);
  return [...found].sort();
}
