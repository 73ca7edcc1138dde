/**
 * The columns of the Art 30 register: one list in display order, each column tagged with the
 * record(s) it belongs to and the provision that requires it (GDPR Art 30(1)/(2) or the CNIL
 * register model). Every column of a record is mandatory: the register never leaves a cell blank.
 */
import type { CNIL_DATA_FAMILIES, CNIL_SECURITY_FAMILIES, Language } from '../../taxonomy/types.ts';
import { REGISTER_WORDS } from './register-words.ts';

export type CnilDataFamily = (typeof CNIL_DATA_FAMILIES)[number];
export type CnilSecurityFamily = (typeof CNIL_SECURITY_FAMILIES)[number];

/** The column that carries each CNIL data family. */
export const DATA_FAMILY_COLUMNS = {
  identity: 'dataIdentity',
  'personal-life': 'dataPersonalLife',
  'professional-life': 'dataProfessionalLife',
  'economic-financial': 'dataEconomicFinancial',
  connection: 'dataConnection',
  location: 'dataLocation',
  internet: 'dataInternet',
  other: 'dataOther',
} as const satisfies Record<CnilDataFamily, string>;

/** The column that carries each CNIL security family. */
export const SECURITY_FAMILY_COLUMNS = {
  'access-control': 'securityAccessControl',
  traceability: 'securityTraceability',
  'software-protection': 'securitySoftwareProtection',
  backups: 'securityBackups',
  encryption: 'securityEncryption',
  'processor-control': 'securityProcessorControl',
  physical: 'securityPhysical',
  organisational: 'securityOrganisational',
  other: 'securityOther',
} as const satisfies Record<CnilSecurityFamily, string>;

/** Which record a row belongs to. */
export type RecordKind = 'controller' | 'processor';

interface ColumnDef {
  readonly key: string;
  /** `organisation`: the same for every row of the record (identity of the organisation). */
  readonly scope: 'organisation' | 'activity';
  /** Columns shown together in the HTML table (one column per CNIL family in CSV). */
  readonly group?: 'data' | 'security';
  /** Within a group: the CNIL family the column holds. */
  readonly groupItem?: Readonly<Record<Language, string>>;
  /** The provision that requires the column, per record it appears in. */
  readonly records: { readonly controller?: string; readonly processor?: string };
  readonly header: Readonly<Record<Language, string>>;
}

const h = (fr: string, en: string): Readonly<Record<Language, string>> => ({ fr, en });

const GROUP_HEADERS = {
  data: h('Catégories de données', 'Categories of personal data'),
  security: h('Mesures de sécurité', 'Security measures'),
} as const;

const dataFamily = <F extends CnilDataFamily>(family: F) =>
  ({
    key: DATA_FAMILY_COLUMNS[family],
    scope: 'activity',
    group: 'data',
    groupItem: h(REGISTER_WORDS.fr.dataFamilies[family], REGISTER_WORDS.en.dataFamilies[family]),
    records: { controller: '30(1)(c)', processor: 'CNIL' },
    header: h(
      `${GROUP_HEADERS.data.fr} — ${REGISTER_WORDS.fr.dataFamilies[family]}`,
      `${GROUP_HEADERS.data.en} — ${REGISTER_WORDS.en.dataFamilies[family]}`,
    ),
  }) as const;

const securityFamily = <F extends CnilSecurityFamily>(family: F) =>
  ({
    key: SECURITY_FAMILY_COLUMNS[family],
    scope: 'activity',
    group: 'security',
    groupItem: h(REGISTER_WORDS.fr.securityFamilies[family], REGISTER_WORDS.en.securityFamilies[family]),
    records: { controller: '30(1)(g)', processor: '30(2)(d)' },
    header: h(
      `${GROUP_HEADERS.security.fr} — ${REGISTER_WORDS.fr.securityFamilies[family]}`,
      `${GROUP_HEADERS.security.en} — ${REGISTER_WORDS.en.securityFamilies[family]}`,
    ),
  }) as const;

/** Every column of the register, in display order. */
export const REGISTER_COLUMNS = [
  {
    key: 'activityId',
    scope: 'activity',
    records: { controller: 'CNIL', processor: 'CNIL' },
    header: h('Identifiant', 'Id'),
  },
  {
    key: 'activity',
    scope: 'activity',
    records: { controller: 'CNIL', processor: 'CNIL' },
    header: h('Activité de traitement', 'Processing activity'),
  },
  {
    key: 'createdOn',
    scope: 'activity',
    records: { controller: 'CNIL', processor: 'CNIL' },
    header: h('Date de création de la fiche', 'Entry created on'),
  },
  {
    key: 'updatedOn',
    scope: 'activity',
    records: { controller: 'CNIL', processor: 'CNIL' },
    header: h('Dernière mise à jour de la fiche', 'Entry last updated on'),
  },
  {
    key: 'controllerName',
    scope: 'organisation',
    records: { controller: '30(1)(a)' },
    header: h('Responsable du traitement', 'Controller'),
  },
  {
    key: 'controllerContact',
    scope: 'organisation',
    records: { controller: '30(1)(a)' },
    header: h('Coordonnées du responsable du traitement', 'Controller contact details'),
  },
  {
    key: 'processorName',
    scope: 'organisation',
    records: { processor: '30(2)(a)' },
    header: h('Sous-traitant', 'Processor'),
  },
  {
    key: 'processorContact',
    scope: 'organisation',
    records: { processor: '30(2)(a)' },
    header: h('Coordonnées du sous-traitant', 'Processor contact details'),
  },
  {
    key: 'jointControllers',
    scope: 'organisation',
    records: { controller: '30(1)(a)' },
    header: h('Responsables conjoints', 'Joint controllers'),
  },
  {
    key: 'representative',
    scope: 'organisation',
    records: { controller: '30(1)(a)', processor: '30(2)(a)' },
    header: h('Représentant (article 27)', 'Representative (Article 27)'),
  },
  {
    key: 'dpo',
    scope: 'organisation',
    records: { controller: '30(1)(a)', processor: '30(2)(a)' },
    header: h('Délégué à la protection des données', 'Data protection officer'),
  },
  {
    key: 'controllers',
    scope: 'activity',
    records: { processor: '30(2)(a)' },
    header: h(
      'Responsables de traitement pour le compte desquels le sous-traitant agit',
      'Controllers on whose behalf the processor acts',
    ),
  },
  {
    key: 'software',
    scope: 'activity',
    records: { controller: 'CNIL', processor: 'CNIL' },
    header: h('Logiciels', 'Software'),
  },
  {
    key: 'purposes',
    scope: 'activity',
    records: { controller: '30(1)(b)' },
    header: h('Finalités', 'Purposes'),
  },
  {
    key: 'processingCategories',
    scope: 'activity',
    records: { processor: '30(2)(b)' },
    header: h(
      'Catégories de traitements effectués pour le compte du responsable',
      'Categories of processing carried out on behalf of the controller',
    ),
  },
  {
    key: 'legalBases',
    scope: 'activity',
    records: { controller: 'CNIL' },
    header: h('Bases légales', 'Legal bases'),
  },
  {
    key: 'subjects',
    scope: 'activity',
    records: { controller: '30(1)(c)', processor: 'CNIL' },
    header: h('Catégories de personnes concernées', 'Categories of data subjects'),
  },
  dataFamily('identity'),
  dataFamily('personal-life'),
  dataFamily('professional-life'),
  dataFamily('economic-financial'),
  dataFamily('connection'),
  dataFamily('location'),
  dataFamily('internet'),
  dataFamily('other'),
  {
    key: 'sensitiveData',
    scope: 'activity',
    records: { controller: 'CNIL', processor: 'CNIL' },
    header: h(
      'Données sensibles (articles 9 et 10, ou à risque)',
      'Sensitive data (Articles 9 and 10, or high-risk)',
    ),
  },
  {
    key: 'sources',
    scope: 'activity',
    records: { controller: 'CNIL', processor: 'CNIL' },
    header: h('Sources des données', 'Sources of the data'),
  },
  {
    key: 'recipientsInternal',
    scope: 'activity',
    records: { controller: '30(1)(d)' },
    header: h('Destinataires internes', 'Internal recipients'),
  },
  {
    key: 'recipientsExternal',
    scope: 'activity',
    records: { controller: '30(1)(d)' },
    header: h('Destinataires externes', 'External recipients'),
  },
  {
    key: 'processors',
    scope: 'activity',
    records: { controller: '30(1)(d)' },
    header: h('Sous-traitants', 'Processors'),
  },
  {
    key: 'subProcessors',
    scope: 'activity',
    records: { processor: 'CNIL' },
    header: h('Sous-traitants ultérieurs', 'Sub-processors'),
  },
  {
    key: 'thirdCountryRecipients',
    scope: 'activity',
    records: { controller: '30(1)(d)' },
    header: h('Destinataires dans des pays tiers', 'Recipients in third countries'),
  },
  {
    key: 'transfers',
    scope: 'activity',
    records: { controller: '30(1)(e)', processor: '30(2)(c)' },
    header: h(
      'Transferts hors de l’Union européenne et garanties',
      'Transfers to third countries and safeguards',
    ),
  },
  {
    key: 'retention',
    scope: 'activity',
    records: { controller: '30(1)(f)', processor: 'CNIL' },
    header: h('Durées de conservation par catégorie de données', 'Erasure time limits per category of data'),
  },
  securityFamily('access-control'),
  securityFamily('traceability'),
  securityFamily('software-protection'),
  securityFamily('backups'),
  securityFamily('encryption'),
  securityFamily('processor-control'),
  securityFamily('physical'),
  securityFamily('organisational'),
  securityFamily('other'),
] as const satisfies readonly ColumnDef[];

type AnyColumn = (typeof REGISTER_COLUMNS)[number];
export type RegisterColumnKey = AnyColumn['key'];
export type ControllerColumnKey = Extract<AnyColumn, { records: { controller: string } }>['key'];
export type ProcessorColumnKey = Extract<AnyColumn, { records: { processor: string } }>['key'];

/** Heading of a column group in the HTML table. */
export function groupHeader(group: 'data' | 'security', lang: Language): string {
  return GROUP_HEADERS[group][lang];
}

/** The column definitions of one record, in display order. */
export function columnsOf(kind: RecordKind): readonly ColumnDef[] {
  return REGISTER_COLUMNS.filter((c: ColumnDef) => c.records[kind] !== undefined);
}

/** Mandatory column keys of the controller record (Art 30(1) plus the CNIL model): never blank. */
export const CONTROLLER_MANDATORY_COLUMNS = columnsOf('controller').map(
  (c) => c.key,
) as readonly ControllerColumnKey[];

/** Mandatory column keys of the processor record (Art 30(2) plus the CNIL model): never blank. */
export const PROCESSOR_MANDATORY_COLUMNS = columnsOf('processor').map(
  (c) => c.key,
) as readonly ProcessorColumnKey[];

export type { ColumnDef };
