/**
 * W3C Data Privacy Vocabulary (DPV 2.3) helpers: expanding the CURIEs the taxonomy uses, and the
 * list of terms that exist (to check that no mapping names an invented IRI).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RegistreError } from '../../errors/registry.ts';
import { DPV_PREFIXES } from './types.ts';

/** The DPV term list shipped with the repository (public W3C data). */
export const REPOSITORY_DPV_TERMS = fileURLToPath(
  new URL('../../../data/dpv-2.3-terms.tsv', import.meta.url),
);

/** The shared copy next to the repository, used when the repository copy is absent. */
export const SHARED_DPV_TERMS = fileURLToPath(
  new URL('../../../../shared/data/dpv-2.3-terms.tsv', import.meta.url),
);

/** Environment variable naming another DPV term list (TSV: iri, type, label). */
export const DPV_TERMS_ENV = 'REGISTRE_DPV_TERMS';

/**
 * The full IRI of a DPV CURIE: `pd:EmailAddress` → `https://w3id.org/dpv/pd#EmailAddress`.
 * Throws `REG_ERR_TAXONOMY_INVALID` for a malformed CURIE or an unknown prefix.
 */
export function expandCurie(curie: string): string {
  const colon = curie.indexOf(':');
  const prefix = colon > 0 ? curie.slice(0, colon) : '';
  const local = curie.slice(colon + 1);
  const namespace = Object.hasOwn(DPV_PREFIXES, prefix) ? DPV_PREFIXES[prefix] : undefined;
  if (namespace === undefined || local === '') {
    throw new RegistreError(
      'REG_ERR_TAXONOMY_INVALID',
      `"${curie}" is not a DPV CURIE; expected prefix:Term with a prefix among ${Object.keys(DPV_PREFIXES).join(', ')}`,
    );
  }
  return namespace + local;
}

/**
 * The DPV term list to read: `REGISTRE_DPV_TERMS` when set, else the repository copy
 * (`data/dpv-2.3-terms.tsv`), else `../shared/data/dpv-2.3-terms.tsv` beside the repository.
 */
export function defaultDpvTermsPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[DPV_TERMS_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return existsSync(REPOSITORY_DPV_TERMS) ? REPOSITORY_DPV_TERMS : SHARED_DPV_TERMS;
}

const cache = new Map<string, Set<string>>();

/**
 * Every IRI of the DPV 2.3 term list (first column of the TSV, header skipped), cached per path.
 * Throws `REG_ERR_TAXONOMY_INVALID` when the file cannot be read or has no `iri` header.
 */
export function loadDpvTerms(path: string = defaultDpvTermsPath()): Set<string> {
  const cached = cache.get(path);
  if (cached !== undefined) return cached;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new RegistreError(
      'REG_ERR_TAXONOMY_INVALID',
      `DPV term list ${path} cannot be read; set ${DPV_TERMS_ENV} to the path of dpv-2.3-terms.tsv`,
      { cause },
    );
  }
  const lines = text.split(/\r?\n/);
  if (lines[0]?.split('\t')[0] !== 'iri') {
    throw new RegistreError(
      'REG_ERR_TAXONOMY_INVALID',
      `DPV term list ${path} must be a TSV whose first line is the header "iri<TAB>type<TAB>label"`,
    );
  }
  const terms = new Set<string>();
  for (const line of lines.slice(1)) {
    const iri = line.split('\t')[0];
    if (iri !== undefined && iri !== '') terms.add(iri);
  }
  cache.set(path, terms);
  return terms;
}
