/**
 * The register as JSON-LD in W3C DPV 2.3 terms.
 *
 * The graph holds the organisation (`dpv:DataController` and/or `dpv:DataProcessor`), its DPO,
 * representative and joint controllers, its processors, the record itself (`dpv:ROPA`) and one
 * `dpv:Process` per activity with its purposes, legal bases, personal data, data subjects, sources,
 * controllers and processors, recipients, storage conditions, measures, rights and cross-border
 * transfers. Instances are named `urn:registre:<org-id>:…`; every vocabulary term is a DPV 2.3
 * term or one of the well-known terms listed in `NON_DPV_TERMS` (dpv-context.ts).
 */
import type { LoadedPolicy } from '../../loaded-policy.ts';
import type { TActivity, TContact, TPolicy, TProcessor } from '../../model.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { formatAddress } from '../register/format-contact.ts';
import { processorsOf } from '../register/register-transfers.ts';
import { DPV_JSONLD_CONTEXT } from './dpv-context.ts';
import { storageConditions } from './dpv-storage.ts';
import { countryRefs, type JsonLdNode, ref, termRefs, texts } from './dpv-terms.ts';
import { transferNodes } from './dpv-transfers.ts';

/** The export document: a context and a graph of nodes. */
export interface DpvDocument {
  readonly '@context': Readonly<Record<string, string>>;
  readonly '@graph': readonly JsonLdNode[];
}

/** Contact properties of an entity: name, address, country, contact points. */
function contactProps(contact: TContact | undefined, taxonomy: Taxonomy, lang: Language): JsonLdNode {
  if (contact === undefined) return {};
  const points = [contact.email, contact.phone, contact.website, contact.form].filter(
    (p): p is string => p !== undefined,
  );
  const country = contact.address === undefined ? [] : countryRefs(taxonomy, contact.address.country);
  return {
    ...(contact.address === undefined
      ? {}
      : { 'dpv:hasAddress': formatAddress(contact.address, taxonomy, lang) }),
    'dpv:hasCountry': country,
    'dpv:hasContact': points,
  };
}

function entityNode(
  iri: string,
  type: string | string[],
  entity: { name: string; registration?: string | undefined; contact?: TContact | undefined },
  taxonomy: Taxonomy,
  lang: Language,
): JsonLdNode {
  return {
    '@id': iri,
    '@type': type,
    'dpv:hasName': entity.name,
    ...(entity.registration === undefined ? {} : { 'dpv:hasIdentifier': entity.registration }),
    ...contactProps(entity.contact, taxonomy, lang),
  };
}

function processorNode(iri: string, p: TProcessor, taxonomy: Taxonomy, lang: Language): JsonLdNode {
  return {
    '@id': iri,
    '@type': p.role === 'sub-processor' ? 'dpv:DataSubProcessor' : 'dpv:DataProcessor',
    'dpv:hasName': p.entity === undefined ? p.name : `${p.name} (${p.entity})`,
    ...(p.address === undefined ? {} : { 'dpv:hasAddress': formatAddress(p.address, taxonomy, lang) }),
    'dpv:hasLocation': countryRefs(taxonomy, p.country),
  };
}

/** Rights available for an activity: the policy-wide statements, overridden by the activity's own. */
function availableRights(policy: TPolicy, activity: TActivity): string[] {
  const statements = { ...policy.rights.statements, ...(activity.rights ?? {}) };
  return Object.entries(statements)
    .filter(([, statement]) => statement.available)
    .map(([id]) => id);
}

interface Iris {
  /** `urn:registre:<org-id>`: the prefix of every instance. */
  readonly base: string;
  readonly org: string;
  readonly activity: (id: string) => string;
  readonly processor: (id: string) => string;
}

function processNode(
  loaded: LoadedPolicy,
  activity: TActivity,
  iris: Iris,
  languages: readonly Language[],
): JsonLdNode {
  const { policy, taxonomy } = loaded;
  const org = policy.organisation;
  const iri = iris.activity(activity.id);
  const terms = (kind: Parameters<typeof termRefs>[2], ids: readonly string[]) =>
    termRefs(iris.base, taxonomy, kind, ids, languages);
  const processors = processorsOf(policy, activity);
  const bases = (activity.legalBases ?? []).flatMap((b) =>
    b.art9 === undefined ? [b.basis] : [b.basis, b.art9],
  );
  const measures = [
    ...policy.security.filter((s) => s.applied).map((s) => s.measure),
    ...(activity.security ?? []),
  ];
  const asProcessor = activity.role === 'processor';
  const controllers = asProcessor
    ? (activity.controllers ?? []).map((c, index) => ({
        '@id': `${iri}:controller:${index + 1}`,
        '@type': 'dpv:DataController',
        'dpv:hasName': texts(c.name, languages),
        ...contactProps(c.contact, taxonomy, languages[0] ?? 'fr'),
      }))
    : [ref(iris.org)];
  const jointControllers =
    !asProcessor && (org.jointControllers ?? []).length > 0
      ? {
          'dpv:hasJointDataControllers': {
            '@id': `${iris.org}:joint-controllers`,
            '@type': 'dpv:JointDataControllers',
            'dpv:hasDataController': [
              ref(iris.org),
              ...(org.jointControllers ?? []).map((_, i) => ref(`${iris.org}:joint-controller:${i + 1}`)),
            ],
          },
        }
      : {};
  return {
    '@id': iri,
    '@type': 'dpv:Process',
    'dcterms:title': texts(activity.name, languages),
    'dcterms:description': texts(activity.description, languages),
    'dpv:hasApplicableLaw': ref('eu:law-GDPR'),
    'dpv:hasPurpose': terms('purposes', activity.purposes),
    'dpv:hasLegalBasis': terms('legalBases', bases),
    'dpv:hasPersonalData': terms(
      'dataCategories',
      activity.data.map((d) => d.category),
    ),
    'dpv:hasDataSubject': terms('subjectCategories', activity.subjects),
    'dpv:hasDataSource': terms('sources', [
      ...activity.sources,
      ...activity.data.flatMap((d) => d.sources ?? []),
    ]),
    'dpv:hasDataController': controllers,
    ...jointControllers,
    'dpv:hasDataProcessor': [
      ...(asProcessor ? [ref(iris.org)] : []),
      ...processors.map((p) => ref(iris.processor(p.id))),
    ],
    'dpv:hasRecipient': terms('recipients', [
      ...(activity.recipients?.internal ?? []),
      ...(activity.recipients?.external ?? []),
    ]),
    'dpv:hasStorageCondition': storageConditions(iris.base, iri, activity, taxonomy, languages),
    'dpv:hasTechnicalOrganisationalMeasure': terms('securityMeasures', measures),
    'dpv:hasRight': terms('rights', availableRights(policy, activity)),
    'dpv:hasProcessing': transferNodes(iri, iris.org, processors, iris.processor, taxonomy, languages),
  };
}

/** Drop properties with no value (undefined or empty list), recursively, so the graph states only facts. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined || (Array.isArray(inner) && inner.length === 0)) continue;
    out[key] = prune(inner);
  }
  return out;
}

/**
 * Export a loaded policy's register as a JSON-LD document in DPV 2.3 terms.
 * Check the vocabulary it uses with `listDpvIris` (list-dpv-iris.ts).
 */
export function exportDpv(loaded: LoadedPolicy): DpvDocument {
  const { policy, taxonomy } = loaded;
  const org = policy.organisation;
  const languages = org.languages;
  const lang = languages[0] ?? 'fr';
  const base = `urn:registre:${org.id}`;
  const iris: Iris = {
    base,
    org: `${base}:organisation`,
    activity: (id) => `${base}:activity:${id}`,
    processor: (id) => `${base}:processor:${id}`,
  };
  // The organisation's roles, plus the DPV terms the policy attaches to it (`dpv:` at the policy root).
  const orgTypes = [
    ...org.roles.map((role) => (role === 'controller' ? 'dpv:DataController' : 'dpv:DataProcessor')),
    ...(policy.dpv ?? []),
  ];
  const graph: JsonLdNode[] = [
    {
      ...entityNode(iris.org, orgTypes, org, taxonomy, lang),
      ...(org.dpo === undefined ? {} : { 'dpv:hasDataProtectionOfficer': ref(`${base}:dpo`) }),
      ...(org.representative === undefined ? {} : { 'dpv:hasRepresentative': ref(`${base}:representative`) }),
    },
  ];
  if (org.dpo !== undefined) {
    const name = org.dpo.name ?? org.dpo.organisation;
    graph.push({
      '@id': `${base}:dpo`,
      '@type': 'dpv:DataProtectionOfficer',
      ...(name === undefined ? {} : { 'dpv:hasName': name }),
      ...contactProps(org.dpo, taxonomy, lang),
    });
  }
  if (org.representative !== undefined) {
    graph.push(
      entityNode(`${base}:representative`, 'dpv:Representative', org.representative, taxonomy, lang),
    );
  }
  (org.jointControllers ?? []).forEach((entity, i) => {
    graph.push(entityNode(`${base}:joint-controller:${i + 1}`, 'dpv:DataController', entity, taxonomy, lang));
  });
  for (const p of policy.processors) graph.push(processorNode(iris.processor(p.id), p, taxonomy, lang));
  graph.push({
    '@id': `${base}:register`,
    '@type': 'dpv:ROPA',
    'dcterms:title': texts(policy.policy.title, languages),
    'dcterms:publisher': ref(iris.org),
    'dcterms:hasVersion': policy.policy.version,
    ...(policy.policy.date === undefined
      ? {}
      : { 'dcterms:issued': { '@value': policy.policy.date, '@type': 'xsd:date' } }),
    'dcterms:hasPart': policy.activities.map((a) => ref(iris.activity(a.id))),
  });
  for (const activity of policy.activities) graph.push(processNode(loaded, activity, iris, languages));
  return prune({ '@context': DPV_JSONLD_CONTEXT, '@graph': graph }) as DpvDocument;
}
