import { describe, expect, it } from 'vitest';
import { expandCurie, loadDpvTerms } from './dpv.ts';
import { loadBuiltinTaxonomy, TAXONOMY_KIND_NAMES } from './load-taxonomy.ts';
import type { TaxonomyKind } from './types.ts';

const taxonomy = loadBuiltinTaxonomy();

interface CommonEntry {
  readonly id: string;
  readonly label: { readonly fr: string; readonly en: string };
  readonly dpv: readonly string[];
}

function entriesOf(kind: TaxonomyKind): CommonEntry[] {
  return [...(taxonomy[kind] as ReadonlyMap<string, CommonEntry>).values()];
}

describe('built-in taxonomy', () => {
  it('has entries for every kind', () => {
    const empty = TAXONOMY_KIND_NAMES.filter((kind) => taxonomy[kind].size === 0);
    expect(empty).toEqual([]);
  });

  it('maps every entry to DPV terms that exist in DPV 2.3', () => {
    const terms = loadDpvTerms();
    const missing: string[] = [];
    for (const kind of TAXONOMY_KIND_NAMES) {
      for (const entry of entriesOf(kind)) {
        for (const curie of entry.dpv) {
          if (!terms.has(expandCurie(curie))) missing.push(`${kind}/${entry.id}: ${curie}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every entry a French and an English label and at least one DPV term', () => {
    const incomplete: string[] = [];
    for (const kind of TAXONOMY_KIND_NAMES) {
      for (const entry of entriesOf(kind)) {
        if (entry.label.fr.trim() === '' || entry.label.en.trim() === '')
          incomplete.push(`${kind}/${entry.id}: label`);
        if (entry.dpv.length === 0) incomplete.push(`${kind}/${entry.id}: no DPV term`);
      }
    }
    expect(incomplete).toEqual([]);
  });

  it('keeps built-in ids free of the organisation prefix x-', () => {
    const prefixed = TAXONOMY_KIND_NAMES.flatMap((kind) =>
      entriesOf(kind)
        .filter((entry) => entry.id.startsWith('x-'))
        .map((entry) => `${kind}/${entry.id}`),
    );
    expect(prefixed).toEqual([]);
  });

  it('marks Art 9 conditions and consent bases consistently with their article and DPV term', () => {
    const wrong: string[] = [];
    for (const basis of taxonomy.legalBases.values()) {
      if (basis.art9 !== basis.article.startsWith('9(2)'))
        wrong.push(`${basis.id}: art9 vs article ${basis.article}`);
      const consentTerm = basis.dpv.some(
        (term) => term.startsWith('eu-gdpr:A6-1-a') || term === 'eu-gdpr:A9-2-a',
      );
      if (basis.consent !== consentTerm) wrong.push(`${basis.id}: consent flag vs ${basis.dpv.join(' ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has exactly one "not stated" safeguard, and it is not a valid mechanism', () => {
    const unstated = [...taxonomy.safeguards.values()].filter((safeguard) => safeguard.unstated);
    expect(unstated).toHaveLength(1);
    expect(unstated[0]?.valid).toBe(false);
  });

  it('describes countries consistently: 30 EEA states, adequacy only outside the EEA, own loc: term', () => {
    const countries = [...taxonomy.countries.values()];
    expect(countries.filter((country) => country.eea)).toHaveLength(30);
    const wrong = countries
      .filter(
        (country) =>
          (country.eea && country.adequacy !== 'none') || !country.dpv.includes(`loc:${country.id}`),
      )
      .map((country) => country.id);
    expect(wrong).toEqual([]);
  });

  it('places every authority in a known country', () => {
    const unknown = [...taxonomy.authorities.values()]
      .filter((authority) => !taxonomy.countries.has(authority.country))
      .map((authority) => authority.id);
    expect(unknown).toEqual([]);
  });

  it('never marks a data category both special (Art 9) and criminal (Art 10)', () => {
    const wrong = [...taxonomy.dataCategories.values()]
      .filter((category) => category.special && category.criminal)
      .map((category) => category.id);
    expect(wrong).toEqual([]);
  });
});
