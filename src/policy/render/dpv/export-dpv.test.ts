import { describe, expect, it } from 'vitest';
import { loadDpvTerms } from '../../taxonomy/dpv.ts';
import { extendTaxonomy, loadBuiltinTaxonomy } from '../../taxonomy/load-taxonomy.ts';
import { loadFixture, richPolicy, sparsePolicy } from '../register/register-test-fixture.ts';
import { NON_DPV_TERM_IRIS } from './dpv-context.ts';
import { toXsdDuration } from './dpv-storage.ts';
import { exportDpv } from './export-dpv.ts';
import { listDpvIris } from './list-dpv-iris.ts';

type Node = Record<string, unknown>;

const rich = exportDpv(loadFixture(richPolicy()));
const graph = rich['@graph'] as Node[];
const byId = (id: string): Node => {
  const node = graph.find((n) => n['@id'] === id);
  if (node === undefined) throw new Error(`no node ${id}`);
  return node;
};
const list = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const ids = (value: unknown): unknown[] => list(value).map((v) => (v as Node)['@id']);

/** Every `@id` in the document, wherever it appears. */
function allIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) allIds(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '@context') continue;
      if (k === '@id' && typeof v === 'string') out.push(v);
      else allIds(v, out);
    }
  }
  return out;
}

describe('exportDpv', () => {
  it('uses only DPV 2.3 terms and the allow-listed well-known ones', () => {
    const terms = loadDpvTerms();
    for (const NON_DPV of NON_DPV_TERM_IRIS) expect(NON_DPV.startsWith('https://w3id.org/dpv')).toBe(false);
    for (const input of [richPolicy(), sparsePolicy()]) {
      const iris = listDpvIris(exportDpv(loadFixture(input)));
      expect(iris.length).toBeGreaterThan(20);
      const unknown = iris.filter((iri) => !terms.has(iri) && !NON_DPV_TERM_IRIS.has(iri));
      expect(unknown).toEqual([]);
    }
  });

  it('declares the DPV prefixes and names every instance under urn:registre:<org-id>:', () => {
    expect(rich['@context']).toMatchObject({
      dpv: 'https://w3id.org/dpv#',
      pd: 'https://w3id.org/dpv/pd#',
      'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
      loc: 'https://w3id.org/dpv/loc#',
    });
    const prefixes = Object.keys(rich['@context']);
    const instances = allIds(rich).filter((id) => !prefixes.includes(id.slice(0, id.indexOf(':'))));
    expect(instances.length).toBeGreaterThan(10);
    for (const id of instances) expect(id).toMatch(/^urn:registre:acme:[a-z0-9:-]+$/);
  });

  it('describes the organisation, its DPO and processors', () => {
    const org = byId('urn:registre:acme:organisation');
    expect(org['@type']).toEqual(['dpv:DataController', 'dpv:DataProcessor']);
    expect(org['dpv:hasName']).toBe('Acme, "Le Test"');
    expect(org['dpv:hasContact']).toEqual(['contact@acme.example', '+33 1 23 45 67 89']);
    expect(ids(org['dpv:hasCountry'])).toEqual(['loc:FR']);
    expect(ids(org['dpv:hasDataProtectionOfficer'])).toEqual(['urn:registre:acme:dpo']);
    const dpo = byId('urn:registre:acme:dpo');
    expect(dpo['@type']).toBe('dpv:DataProtectionOfficer');
    expect(dpo['dpv:hasContact']).toEqual(['dpo@acme.example']);
    expect(byId('urn:registre:acme:processor:cloudy')['@type']).toBe('dpv:DataProcessor');
    expect(ids(byId('urn:registre:acme:processor:cloudy')['dpv:hasLocation'])).toEqual(['loc:US']);
    expect(byId('urn:registre:acme:processor:mailer')['@type']).toBe('dpv:DataSubProcessor');
    const register = byId('urn:registre:acme:register');
    expect(register['@type']).toBe('dpv:ROPA');
    expect(ids(register['dcterms:hasPart'])).toHaveLength(3);
  });

  it('gives each activity as a dpv:Process with purposes, legal bases, data, subjects and parties', () => {
    const p = byId('urn:registre:acme:activity:prospecting');
    expect(p['@type']).toBe('dpv:Process');
    expect(ids(p['dpv:hasPurpose'])).toEqual(['dpv:DirectMarketing']);
    expect(ids(p['dpv:hasLegalBasis'])).toEqual(['eu-gdpr:A6-1-f']);
    expect(ids(p['dpv:hasPersonalData'])).toEqual(['pd:Name', 'pd:EmailAddress', 'pd:OfficialID']);
    expect(ids(p['dpv:hasDataSubject'])).toEqual(['dpv:DataSubject']);
    expect(ids(p['dpv:hasDataController'])).toEqual(['urn:registre:acme:organisation']);
    expect(ids(p['dpv:hasDataProcessor'])).toEqual([
      'urn:registre:acme:processor:mailer',
      'urn:registre:acme:processor:cloudy',
    ]);
    expect(ids(p['dpv:hasRecipient'])).toEqual(['dpv:OrganisationalUnit']);
    expect(ids(p['dpv:hasTechnicalOrganisationalMeasure'])).toEqual([
      'dpv:AccessControlMethod',
      'dpv:EncryptionAtRest',
    ]);
    // Restriction is refused policy-wide: not listed as a right.
    expect(ids(p['dpv:hasRight'])).toEqual(['eu-gdpr:A15', 'eu-gdpr:A17']);
    expect(p['dcterms:title']).toEqual([
      { '@value': 'Prospection commerciale', '@language': 'fr' },
      { '@value': 'Direct marketing', '@language': 'en' },
    ]);
  });

  it('gives a processor activity its controllers and the organisation as processor', () => {
    const p = byId('urn:registre:acme:activity:e-invoicing');
    const controllers = list(p['dpv:hasDataController']) as Node[];
    expect(controllers).toHaveLength(1);
    expect(controllers[0]).toMatchObject({
      '@id': 'urn:registre:acme:activity:e-invoicing:controller:1',
      '@type': 'dpv:DataController',
      'dpv:hasContact': ['client@customer.example'],
    });
    expect(ids(p['dpv:hasDataProcessor'])).toEqual([
      'urn:registre:acme:organisation',
      'urn:registre:acme:processor:cloudy',
    ]);
  });

  it('writes retention as storage durations with an ISO 8601 value or an until-event duration', () => {
    const [active] = list(
      byId('urn:registre:acme:activity:prospecting')['dpv:hasStorageCondition'],
    ) as Node[];
    expect(active).toMatchObject({
      '@id': 'urn:registre:acme:activity:prospecting:retention:prospects',
      '@type': 'dpv:StorageDuration',
      'dpv:hasDuration': {
        '@type': 'dpv:TemporalDuration',
        'rdf:value': { '@value': 'P3Y', '@type': 'xsd:duration' },
      },
    });
    expect(ids(active!['dpv:hasPersonalData'])).toEqual(['pd:Name', 'pd:EmailAddress']);
    expect((list(active!['rdfs:comment'])[0] as Node)['@value']).toContain('3 ans');

    const hostile = list(byId('urn:registre:acme:activity:hostile')['dpv:hasStorageCondition']) as Node[];
    expect(hostile.map((n) => n['@id'])).toEqual([
      'urn:registre:acme:activity:hostile:retention:logs',
      'urn:registre:acme:activity:hostile:retention:logs:archive',
    ]);
    expect((hostile[1]!['dpv:hasDuration'] as Node)['rdf:value']).toEqual({
      '@value': 'P5Y',
      '@type': 'xsd:duration',
    });

    const [untilEnd] = list(
      byId('urn:registre:acme:activity:e-invoicing')['dpv:hasStorageCondition'],
    ) as Node[];
    const duration = untilEnd!['dpv:hasDuration'] as Node;
    expect(duration['@type']).toBe('dpv:UntilEventDuration');
    expect(duration['rdf:value']).toBeUndefined();
  });

  it('writes transfers as cross-border transfers with the third country and a valid safeguard only', () => {
    const transfers = list(byId('urn:registre:acme:activity:prospecting')['dpv:hasProcessing']) as Node[];
    const gb = transfers.find(
      (t) => t['@id'] === 'urn:registre:acme:activity:prospecting:transfer:mailer:gb',
    )!;
    expect(gb['@type']).toBe('dpv:CrossBorderTransfer');
    expect(ids(gb['dpv:hasThirdCountry'])).toEqual(['loc:GB']);
    expect(ids(gb['dpv:hasLegalBasis'])).toEqual(['eu-gdpr:A45-3', 'eu:Adequacy-EU-GB']);
    expect(ids(gb['dpv:hasDataImporter'])).toEqual(['urn:registre:acme:processor:mailer']);
    expect(ids(gb['dpv:hasDataExporter'])).toEqual(['urn:registre:acme:organisation']);
    const us = transfers.find(
      (t) => t['@id'] === 'urn:registre:acme:activity:prospecting:transfer:cloudy:us',
    )!;
    expect(ids(us['dpv:hasThirdCountry'])).toEqual(['loc:US']);
    // The Privacy Shield is invalid: named in the comment, never claimed as a legal basis.
    expect(ids(us['dpv:hasLegalBasis'])).toEqual(['eu-gdpr:A46-2-c']);
    expect(JSON.stringify(us)).not.toContain('eu-gdpr:AdequacyDecision');
    expect(JSON.stringify(us['rdfs:comment'])).toContain('Privacy Shield');
    expect(byId('urn:registre:acme:activity:hostile')['dpv:hasProcessing']).toBeUndefined();
  });

  it('keeps an organisation concept without a DPV mapping as a typed, labelled local concept', () => {
    const base = loadBuiltinTaxonomy();
    const { taxonomy, issues } = extendTaxonomy(
      base,
      { purposes: [{ id: 'x-own-purpose', label: { fr: 'Finalité maison', en: 'Own purpose' } }] },
      'test',
    );
    expect(issues).toEqual([]);
    const input = sparsePolicy();
    input.activities[0]!.purposes = ['x-own-purpose'];
    const doc = exportDpv(loadFixture(input, taxonomy));
    const process = (doc['@graph'] as Node[]).find(
      (n) => n['@id'] === 'urn:registre:sparse-org:activity:bare',
    )!;
    expect(process['dpv:hasPurpose']).toEqual([
      {
        '@id': 'urn:registre:sparse-org:concept:purposes:x-own-purpose',
        '@type': 'dpv:Purpose',
        'rdfs:label': [{ '@value': 'Finalité maison', '@language': 'fr' }],
      },
    ]);
  });
});

describe('toXsdDuration', () => {
  it('writes weeks as days, since xsd:duration has no week unit', () => {
    expect(toXsdDuration('P4W')).toBe('P28D');
    expect(toXsdDuration('P1Y2W3D')).toBe('P1Y17D');
    expect(toXsdDuration('P13M')).toBe('P13M');
    expect(toXsdDuration('PT72H')).toBe('PT72H');
    expect(toXsdDuration('P0D')).toBe('P0D');
  });
});

describe('listDpvIris', () => {
  it('collects properties, types, datatypes and term references, expanded, but not instances or literals', () => {
    const doc = {
      '@context': { dpv: 'https://w3id.org/dpv#', xsd: 'http://www.w3.org/2001/XMLSchema#' },
      '@graph': [
        {
          '@id': 'urn:registre:x:activity:a',
          '@type': ['dpv:Process'],
          'dpv:hasPurpose': [{ '@id': 'dpv:Marketing' }, { '@id': 'https://example.org/Other' }],
          'dpv:hasDuration': { '@value': 'P1Y', '@type': 'xsd:duration' },
          'dpv:hasName': 'dpv:NotATerm',
          'foo:bar': { '@id': 'urn:registre:x:thing' },
        },
      ],
    };
    expect(listDpvIris(doc)).toEqual([
      'foo:bar',
      'http://www.w3.org/2001/XMLSchema#duration',
      'https://example.org/Other',
      'https://w3id.org/dpv#Marketing',
      'https://w3id.org/dpv#Process',
      'https://w3id.org/dpv#hasDuration',
      'https://w3id.org/dpv#hasName',
      'https://w3id.org/dpv#hasPurpose',
    ]);
  });
});
