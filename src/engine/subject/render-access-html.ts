/**
 * The access copy as a readable, self-contained HTML page in the policy's language: for each
 * activity that holds data about the subject, its purposes, legal bases, recipients and
 * retention in words, then the rows themselves. Every value is escaped by the notice writer.
 */
import type { TActivity } from '../../policy/model.ts';
import { legalBasisItems } from '../../policy/render/notice/activity-legal-bases.ts';
import {
  type Block,
  type Field,
  fields,
  type Inlines,
  type NoticeDocument,
  paragraph,
  type Section,
  warning,
} from '../../policy/render/notice/document.ts';
import { processorName } from '../../policy/render/notice/section-processors.ts';
import { capitalise, formatDate, labelsOf } from '../../policy/render/notice/words.ts';
import { writeHtml } from '../../policy/render/notice/write-html.ts';
import { describeRetention } from '../../policy/render/retention-words.ts';
import { textOf } from '../../policy/taxonomy/labels.ts';
import type { Language } from '../../policy/taxonomy/types.ts';
import type { SubjectContext } from './context.ts';
import type { AccessReport, AccessTable } from './execute-access.ts';
import { plainText } from './plain-value.ts';

const W = {
  fr: {
    title: 'Copie de vos données personnelles',
    lead: (org: string, date: string) =>
      `Établie par ${org} le ${date}, en réponse à votre demande d'accès (article 15 du RGPD).`,
    reference: (ref: string) => `Référence de la demande : ${ref}.`,
    toc: 'Sommaire',
    purposes: 'Finalités',
    legalBases: 'Bases légales',
    recipients: 'Destinataires',
    processors: 'Sous-traitants',
    retention: 'Durée de conservation',
    none: 'Aucun',
    key: 'Référence',
    rows: (n: number) => `${n} enregistrement${n > 1 ? 's' : ''}`,
    shownAbove: (table: string) => `Les données « ${table} » figurent plus haut dans ce document.`,
    restricted: ' (traitement limité)',
    restrictedNote:
      'Les enregistrements marqués « traitement limité » sont conservés sans autre traitement, à votre demande (article 18 du RGPD).',
    rightsTitle: 'Vos droits',
    rights:
      'Vous pouvez demander la rectification de ces données, leur effacement, la limitation de leur traitement, vous opposer à leur utilisation à des fins de prospection et recevoir les données que vous nous avez fournies dans un format réutilisable.',
    nothing: 'Nous ne détenons aucune donnée vous concernant dans les bases décrites par notre cartographie.',
  },
  en: {
    title: 'Copy of your personal data',
    lead: (org: string, date: string) =>
      `Prepared by ${org} on ${date}, in reply to your access request (Article 15 GDPR).`,
    reference: (ref: string) => `Request reference: ${ref}.`,
    toc: 'Contents',
    purposes: 'Purposes',
    legalBases: 'Legal bases',
    recipients: 'Recipients',
    processors: 'Processors',
    retention: 'Retention',
    none: 'None',
    key: 'Reference',
    rows: (n: number) => `${n} record${n > 1 ? 's' : ''}`,
    shownAbove: (table: string) => `The "${table}" data is shown earlier in this document.`,
    restricted: ' (processing restricted)',
    restrictedNote:
      'Records marked "processing restricted" are only stored, at your request (Article 18 GDPR).',
    rightsTitle: 'Your rights',
    rights:
      'You can ask us to rectify this data, erase it, restrict its processing, object to its use for direct marketing, and receive the data you provided in a reusable format.',
    nothing: 'We hold no data about you in the databases our data map describes.',
  },
} as const;

function activityFields(ctx: SubjectContext, activity: TActivity, lang: Language): Field[] {
  const { taxonomy, policy } = ctx.policy;
  const t = W[lang];
  const recipients = [
    ...labelsOf(taxonomy, 'recipients', activity.recipients?.internal ?? [], lang),
    ...labelsOf(taxonomy, 'recipients', activity.recipients?.external ?? [], lang),
  ];
  const processors = activity.processors.flatMap((id) => {
    const processor = policy.processors.find((p) => p.id === id);
    return processor === undefined ? [] : [processorName(processor)];
  });
  const out: Field[] = [
    { label: t.purposes, values: labelsOf(taxonomy, 'purposes', activity.purposes, lang).map((l) => [l]) },
    { label: t.legalBases, values: legalBasisItems(activity, taxonomy, lang) },
    { label: t.recipients, values: recipients.length === 0 ? [[t.none]] : recipients.map((r) => [r]) },
  ];
  if (processors.length > 0) out.push({ label: t.processors, values: processors.map((p) => [p]) });
  if (activity.retention.length > 0) {
    out.push({
      label: t.retention,
      values: activity.retention.map((rule) => [
        `${textOf(rule.label, lang)}${lang === 'fr' ? ' : ' : ': '}${describeRetention(rule, taxonomy, lang)}`,
      ]),
    });
  }
  return out;
}

function tableBlock(table: AccessTable, lang: Language): Block {
  const t = W[lang];
  const restricted = new Set(table.restrictedKeys);
  const head = table.columns.map((c) =>
    c.name === table.key ? t.key : c.label === null ? c.name : `${c.label} (${c.name})`,
  );
  const rows = table.rows.map((row) =>
    table.columns.map((c): Inlines => {
      const text = plainText(row[c.name] ?? null);
      if (c.name === table.key && restricted.has(text)) return [text, warning(t.restricted)];
      return [text];
    }),
  );
  return { kind: 'table', caption: `${table.table} — ${t.rows(table.rows.length)}`, head, rows };
}

/** The access report as one HTML5 page in the context's language. */
export function renderAccessHtml(ctx: SubjectContext, report: AccessReport): string {
  const lang = report.language;
  const t = W[lang];
  const { policy } = ctx.policy;
  const withRows = report.tables.filter((table) => table.rows.length > 0);
  const shown = new Set<string>();
  const sections: Section[] = [];
  for (const activity of policy.activities) {
    const tables = withRows.filter((table) => table.activities.includes(activity.id));
    if (tables.length === 0) continue;
    const blocks: Block[] = [fields(activityFields(ctx, activity, lang))];
    for (const table of tables) {
      blocks.push(shown.has(table.table) ? paragraph(t.shownAbove(table.table)) : tableBlock(table, lang));
      shown.add(table.table);
    }
    sections.push({ id: `activity-${activity.id}`, title: capitalise(textOf(activity.name, lang)), blocks });
  }
  const rightsBlocks: Block[] = [paragraph(withRows.length === 0 ? t.nothing : t.rights)];
  if (withRows.some((table) => table.restrictedKeys.length > 0))
    rightsBlocks.push(paragraph(t.restrictedNote));
  sections.push({ id: 'rights', title: t.rightsTitle, blocks: rightsBlocks });
  const doc: NoticeDocument = {
    lang,
    title: t.title,
    lead: [
      [t.lead(policy.organisation.name, formatDate(report.generatedAt.slice(0, 10), lang))],
      [t.reference(report.subjectRef)],
    ],
    sections,
  };
  return writeHtml(doc, t.toc);
}
