/**
 * Build the Art 30 register from a loaded policy: the controller record (Art 30(1), one row per
 * activity in the `controller` role) and the processor record (Art 30(2), one row per activity in
 * the `processor` role), each with the fields of the CNIL register model. Data only: rendering to
 * CSV, JSON or HTML is {@link renderRegister}'s job.
 */
import type { LoadedPolicy } from '../../loaded-policy.ts';
import type { TActivity, TPolicy } from '../../model.ts';
import { labelOf, textOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { formatContact, formatEntity } from './format-contact.ts';
import { labels, orElse } from './register-cells.ts';
import {
  type ColumnDef,
  type ControllerColumnKey,
  columnsOf,
  DATA_FAMILY_COLUMNS,
  type ProcessorColumnKey,
  type RecordKind,
  type RegisterColumnKey,
  SECURITY_FAMILY_COLUMNS,
} from './register-columns.ts';
import { dataByFamily, retentionByCategory, sensitiveData, sourcesOf } from './register-data.ts';
import { securityByFamily } from './register-security.ts';
import {
  describeProcessor,
  describeTransfers,
  processorsOf,
  thirdCountryRecipients,
} from './register-transfers.ts';
import type {
  Art30Record,
  Art30Register,
  RegisterCell,
  RegisterColumn,
  RegisterRow,
} from './register-types.ts';
import { REGISTER_WORDS } from './register-words.ts';

type DataFamilyKey = (typeof DATA_FAMILY_COLUMNS)[keyof typeof DATA_FAMILY_COLUMNS];
type SecurityFamilyKey = (typeof SECURITY_FAMILY_COLUMNS)[keyof typeof SECURITY_FAMILY_COLUMNS];
/** Every cell of one activity, for both records: the compiler checks that no column is forgotten. */
type Cells = Record<RegisterColumnKey, RegisterCell>;

/** "Label (art. 6(1)(f))", unless the taxonomy gives no article number or the label already has it. */
function withArticle(label: string, article: string | undefined): string {
  return article === undefined || !/^\d/.test(article) || label.includes(article)
    ? label
    : `${label} (art. ${article})`;
}

function describeLegalBases(activity: TActivity, taxonomy: Taxonomy, lang: Language): string[] {
  const w = REGISTER_WORDS[lang];
  return (activity.legalBases ?? []).map((use) => {
    const basis = taxonomy.legalBases.get(use.basis);
    let text = withArticle(labelOf(taxonomy, 'legalBases', use.basis, lang), basis?.article);
    const interest = textOf(use.interest, lang);
    if (interest !== '') text += `${w.colon}${interest}`;
    if (use.art9 !== undefined) {
      const art9 = taxonomy.legalBases.get(use.art9);
      text += ` ; ${withArticle(labelOf(taxonomy, 'legalBases', use.art9, lang), art9?.article)}`;
    }
    if (use.purposes !== undefined && use.purposes.length > 0) {
      text += ` — ${labels(taxonomy, 'purposes', use.purposes, lang).join(', ')}`;
    }
    return text;
  });
}

/** Cells shared by both records, plus the organisation-level ones, for one activity. */
function activityCells(policy: TPolicy, activity: TActivity, taxonomy: Taxonomy, lang: Language): Cells {
  const w = REGISTER_WORDS[lang];
  const org = policy.organisation;
  const processors = processorsOf(policy, activity);
  const purposes = [
    ...labels(taxonomy, 'purposes', activity.purposes, lang),
    ...(activity.purposeDetails ?? []).map((d) => textOf(d, lang)),
  ];
  const orgName = formatEntity(
    { name: org.name, legalForm: org.legalForm, registration: org.registration },
    taxonomy,
    lang,
  );
  const sensitive = sensitiveData(activity, taxonomy, lang);
  const cells: Omit<Cells, DataFamilyKey | SecurityFamilyKey> = {
    activityId: activity.id,
    activity: textOf(activity.name, lang) || activity.id,
    createdOn: activity.createdOn ?? w.notStated,
    updatedOn: activity.updatedOn ?? w.notStated,
    controllerName: orgName,
    processorName: orgName,
    controllerContact: formatContact(org.contact, taxonomy, lang) || w.notStated,
    processorContact: formatContact(org.contact, taxonomy, lang) || w.notStated,
    jointControllers: orElse(
      (org.jointControllers ?? []).map((e) => formatEntity(e, taxonomy, lang)),
      w.none,
    ),
    representative:
      org.representative === undefined ? w.none : formatEntity(org.representative, taxonomy, lang),
    dpo: org.dpo === undefined ? w.none : formatContact(org.dpo, taxonomy, lang) || w.notStated,
    controllers:
      activity.controllers === undefined
        ? w.notStated
        : orElse(
            activity.controllers.map((c) =>
              [textOf(c.name, lang), formatContact(c.contact, taxonomy, lang)]
                .filter((p) => p !== '')
                .join(', '),
            ),
            w.notStated,
          ),
    software: orElse(activity.software ?? [], w.notStated),
    purposes: orElse(purposes, w.notStated),
    processingCategories: orElse(purposes, w.notStated),
    legalBases: orElse(describeLegalBases(activity, taxonomy, lang), w.notStated),
    subjects: orElse(labels(taxonomy, 'subjectCategories', activity.subjects, lang), w.notStated),
    sensitiveData: sensitive.length === 0 ? w.no : `${w.yes}${w.colon}${sensitive.join(', ')}`,
    sources: orElse(sourcesOf(activity, taxonomy, lang), w.notStated),
    recipientsInternal:
      activity.recipients === undefined
        ? w.notStated
        : orElse(labels(taxonomy, 'recipients', activity.recipients.internal, lang), w.none),
    recipientsExternal:
      activity.recipients === undefined
        ? w.notStated
        : orElse(labels(taxonomy, 'recipients', activity.recipients.external, lang), w.none),
    processors: orElse(
      processors.map((p) => describeProcessor(p, taxonomy, lang)),
      w.none,
    ),
    subProcessors: orElse(
      processors.map((p) => describeProcessor(p, taxonomy, lang)),
      w.none,
    ),
    thirdCountryRecipients: orElse(thirdCountryRecipients(processors, taxonomy, lang), w.none),
    transfers: orElse(describeTransfers(processors, taxonomy, lang), w.none),
    retention: orElse(retentionByCategory(activity, taxonomy, lang), w.notStated),
  };
  const families: Partial<Cells> = {};
  for (const [family, values] of dataByFamily(activity, taxonomy, lang)) {
    families[DATA_FAMILY_COLUMNS[family]] = orElse(values, w.noneFeminine);
  }
  const security = securityByFamily(policy, activity, processors, taxonomy, lang);
  const anyMeasure = [...security.values()].some((list) => list.length > 0);
  for (const [family, values] of security) {
    families[SECURITY_FAMILY_COLUMNS[family]] = orElse(values, anyMeasure ? w.noneFeminine : w.notStated);
  }
  return { ...cells, ...families } as Cells;
}

function pick<K extends string>(defs: readonly ColumnDef[], cells: Cells, notStated: string): RegisterRow<K> {
  const row: Record<string, RegisterCell> = {};
  for (const def of defs) row[def.key] = cells[def.key as RegisterColumnKey] ?? notStated;
  return row as RegisterRow<K>;
}

function buildRecord<K extends string>(
  kind: RecordKind,
  loaded: LoadedPolicy,
  lang: Language,
): Art30Record<K> {
  const w = REGISTER_WORDS[lang];
  const defs = columnsOf(kind);
  const columns: RegisterColumn<K>[] = defs.map((def) => ({
    key: def.key as K,
    header: def.header[lang],
    basis: def.records[kind] ?? '',
    scope: def.scope,
    ...(def.group === undefined ? {} : { group: def.group }),
    ...(def.groupItem === undefined ? {} : { groupItem: def.groupItem[lang] }),
  }));
  const rows = loaded.policy.activities
    .filter((activity) => activity.role === kind)
    .map((activity) =>
      pick<K>(defs, activityCells(loaded.policy, activity, loaded.taxonomy, lang), w.notStated),
    );
  return {
    kind,
    article: kind === 'controller' ? '30(1)' : '30(2)',
    title: kind === 'controller' ? w.controllerRecordTitle : w.processorRecordTitle,
    columns,
    rows,
  };
}

/**
 * The Art 30 register of a policy in one language. Every cell of every row is filled: where the
 * policy is silent the cell says so ("Non précisé par la politique" / "Not stated in the policy"),
 * where it names nothing the cell says "Aucun" / "None".
 */
export function buildRegister(loaded: LoadedPolicy, lang: Language): Art30Register {
  const { organisation, policy } = loaded.policy;
  return {
    lang,
    title: REGISTER_WORDS[lang].registerTitle,
    organisation: { id: organisation.id, name: organisation.name },
    policy: { version: policy.version, ...(policy.date === undefined ? {} : { date: policy.date }) },
    controllerRecord: buildRecord<ControllerColumnKey>('controller', loaded, lang),
    processorRecord: buildRecord<ProcessorColumnKey>('processor', loaded, lang),
  };
}
