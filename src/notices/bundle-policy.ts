/**
 * A policy as one self-contained YAML document: what a notice version stores so that the policy
 * can be loaded again later (to compare versions) without the files it was published from. The
 * organisation's taxonomy entries (from `taxonomyFiles` and the inline `taxonomy`) are written
 * inline; comments and formatting of the original file are not kept.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'yaml';
import { RegistreError } from '../errors/registry.ts';
import { loadPolicyFromString } from '../policy/load-policy.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import { loadBuiltinTaxonomy } from '../policy/taxonomy/load-taxonomy.ts';
import { TAXONOMY_KINDS, type TaxonomyKind } from '../policy/taxonomy/types.ts';

const KINDS = Object.keys(TAXONOMY_KINDS) as TaxonomyKind[];

/** The organisation's own taxonomy entries (every entry that is not built in), by kind. */
function extensionEntries(loaded: LoadedPolicy): Record<string, unknown[]> {
  const builtin = loadBuiltinTaxonomy();
  const out: Record<string, unknown[]> = {};
  for (const kind of KINDS) {
    const own = [...loaded.taxonomy[kind].values()].filter((entry) => !builtin[kind].has(entry.id));
    if (own.length > 0) out[kind] = own;
  }
  return out;
}

/** The policy as self-contained YAML (parsed values, defaults filled in, taxonomy inlined). */
export function bundlePolicyYaml(loaded: LoadedPolicy): string {
  const { taxonomyFiles: _files, taxonomy: _inline, ...rest } = loaded.policy;
  const taxonomy = extensionEntries(loaded);
  const document = Object.keys(taxonomy).length === 0 ? rest : { ...rest, taxonomy };
  return stringify(document, { lineWidth: 0 });
}

/**
 * Load a stored bundle back. A bundle was valid when published; if it no longer loads (the
 * built-in taxonomy dropped an id it uses), that is an internal error naming the version.
 */
export function loadBundledPolicy(yaml: string, label: string): LoadedPolicy {
  const result = loadPolicyFromString(yaml, `${label}.yaml`);
  if (!result.ok) {
    const first = result.errors[0];
    throw new RegistreError(
      'REG_ERR_NOTICE_POLICY_UNREADABLE',
      `stored policy of ${label} no longer loads: ${first === undefined ? 'unknown error' : `${first.path}: ${first.message}`}`,
    );
  }
  return result;
}

/** SHA-256 (hex) over the bundle and the rendered documents, in a fixed order. */
export function contentHash(bundle: string, documents: readonly { key: string; content: string }[]): string {
  const hash = createHash('sha256').update(bundle);
  for (const doc of [...documents].sort((a, b) => a.key.localeCompare(b.key))) {
    hash.update(`\u0000${doc.key}\u0000`).update(doc.content);
  }
  return hash.digest('hex');
}
