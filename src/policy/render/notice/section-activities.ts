/** One subsection per processing activity: purposes, legal bases, data, recipients, transfers, retention, rights. */
import type { TActivity, TPolicy } from '../../model.ts';
import { textOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { describeRetention } from '../retention-words.ts';
import { automatedDecisionText, legalBasisItems } from './activity-legal-bases.ts';
import { type Block, type Field, fields, type Inlines, paragraph, type Section } from './document.ts';
import { phraseOf } from './phrases.ts';
import { processorName, transferInlines } from './section-processors.ts';
import { rightsRows } from './section-rights.ts';
import { capitalise, countryName, labelsOf } from './words.ts';

const T = {
  fr: {
    title: 'Nos traitements de données',
    intro:
      'Voici, traitement par traitement, pourquoi nous utilisons vos données, sur quelle base légale, qui les reçoit et combien de temps nous les conservons.',
    asProcessor: (controllers: string) =>
      `Pour ce traitement, nous agissons en qualité de sous-traitant pour le compte de : ${controllers}. Le responsable du traitement détermine les finalités et la durée de conservation ; adressez-lui en priorité vos demandes.`,
    purposes: 'Finalités',
    legalBases: 'Base légale',
    subjects: 'Personnes concernées',
    sources: 'Origine des données',
    internal: 'Destinataires internes',
    external: 'Destinataires externes',
    processors: 'Sous-traitants',
    transfers: "Transferts hors de l'Espace économique européen",
    security: 'Mesures de sécurité propres à ce traitement',
    automated: 'Décisions automatisées et profilage',
    dataCaption: (name: string) => `Données traitées – ${name}`,
    dataHead: ['Catégorie de données', 'Fourniture', 'Source'],
    mandatory: 'Obligatoire',
    optional: 'Facultative',
    unstated: 'Non précisé',
    special: ' (catégorie particulière, article 9 du RGPD)',
    criminal: ' (infractions, article 10 du RGPD)',
    sensitive: ' (donnée sensible)',
    consequence: (what: string) => `Si vous ne fournissez pas les données obligatoires, ${what}.`,
    retentionCaption: (name: string) => `Durées de conservation – ${name}`,
    retentionHead: ['Données', 'Catégories', 'Durée de conservation'],
    noRetention: 'La politique ne précise pas de durée de conservation pour ce traitement.',
    rightsCaption: (name: string) => `Vos droits pour ce traitement – ${name}`,
    rightsIntro: "Pour ce traitement, les droits suivants s'appliquent différemment :",
    rightsHead: ['Droit', 'Article', 'Disponible', 'Ce que ce droit vous permet'],
  },
  en: {
    title: 'How we use your data',
    intro:
      'Here, processing by processing, is why we use your data, on what legal basis, who receives it and how long we keep it.',
    asProcessor: (controllers: string) =>
      `For this processing we act as a processor on behalf of: ${controllers}. The controller determines its purposes and retention; please address your requests to them first.`,
    purposes: 'Purposes',
    legalBases: 'Legal basis',
    subjects: 'People concerned',
    sources: 'Where the data comes from',
    internal: 'Internal recipients',
    external: 'External recipients',
    processors: 'Processors',
    transfers: 'Transfers outside the European Economic Area',
    security: 'Security measures specific to this processing',
    automated: 'Automated decisions and profiling',
    dataCaption: (name: string) => `Data processed – ${name}`,
    dataHead: ['Data category', 'Providing it', 'Source'],
    mandatory: 'Mandatory',
    optional: 'Optional',
    unstated: 'Not stated',
    special: ' (special category, Article 9 GDPR)',
    criminal: ' (criminal offences, Article 10 GDPR)',
    sensitive: ' (sensitive data)',
    consequence: (what: string) => `If you do not provide the mandatory data, ${what}.`,
    retentionCaption: (name: string) => `Retention periods – ${name}`,
    retentionHead: ['Data', 'Categories', 'Retention period'],
    noRetention: 'The policy states no retention period for this processing.',
    rightsCaption: (name: string) => `Your rights for this processing – ${name}`,
    rightsIntro: 'For this processing, the following rights apply differently:',
    rightsHead: ['Right', 'Article', 'Available', 'What this right lets you do'],
  },
} as const;

const values = (items: readonly string[]): Inlines[] => items.map((item) => [item]);

function dataBlocks(activity: TActivity, name: string, taxonomy: Taxonomy, lang: Language): Block[] {
  const t = T[lang];
  const rows = activity.data.map((item): Inlines[] => {
    const entry = taxonomy.dataCategories.get(item.category);
    const flag =
      entry?.special === true
        ? t.special
        : entry?.criminal === true
          ? t.criminal
          : entry?.sensitive === true
            ? t.sensitive
            : '';
    const provided = item.mandatory === undefined ? t.unstated : item.mandatory ? t.mandatory : t.optional;
    const sources = labelsOf(taxonomy, 'sources', item.sources ?? activity.sources, lang);
    return [[(entry?.label[lang] ?? item.category) + flag], [provided], [sources.join(', ')]];
  });
  const blocks: Block[] = [{ kind: 'table', caption: t.dataCaption(name), head: t.dataHead, rows }];
  const notes: string[] = [];
  if (activity.mandatoryIndicator !== undefined) {
    notes.push(`${capitalise(phraseOf(taxonomy, 'exerciseConditions', activity.mandatoryIndicator, lang))}.`);
  }
  if (activity.consequenceOfNotProviding !== undefined) {
    notes.push(t.consequence(phraseOf(taxonomy, 'consequences', activity.consequenceOfNotProviding, lang)));
  }
  if (notes.length > 0) blocks.push(paragraph(notes.join(' ')));
  return blocks;
}

function recipientFields(activity: TActivity, policy: TPolicy, taxonomy: Taxonomy, lang: Language): Field[] {
  const t = T[lang];
  const out: Field[] = [];
  const internal = labelsOf(taxonomy, 'recipients', activity.recipients?.internal ?? [], lang);
  const external = labelsOf(taxonomy, 'recipients', activity.recipients?.external ?? [], lang);
  if (internal.length > 0) out.push({ label: t.internal, values: values(internal) });
  if (external.length > 0) out.push({ label: t.external, values: values(external) });
  const processors = activity.processors.flatMap((id) => policy.processors.filter((p) => p.id === id));
  if (processors.length > 0) {
    out.push({
      label: t.processors,
      values: processors.map((p) => [`${processorName(p)} – ${countryName(taxonomy, p.country, lang)}`]),
    });
  }
  const transferring = processors.filter((p) => p.transfers.length > 0);
  if (transferring.length > 0) {
    out.push({
      label: t.transfers,
      values: transferring.map(
        (p): Inlines => [`${p.name}${lang === 'fr' ? ' : ' : ': '}`, ...transferInlines(p, taxonomy, lang)],
      ),
    });
  }
  return out;
}

function activitySection(activity: TActivity, policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = T[lang];
  const name = textOf(activity.name, lang);
  const blocks: Block[] = [];
  const description = textOf(activity.description, lang);
  if (description !== '') blocks.push(paragraph(description));
  if (activity.role === 'processor') {
    const controllers = (activity.controllers ?? []).map((c) => textOf(c.name, lang)).join(', ');
    blocks.push(paragraph(t.asProcessor(controllers === '' ? '—' : controllers)));
  }
  const purposes = [
    ...labelsOf(taxonomy, 'purposes', activity.purposes, lang),
    ...(activity.purposeDetails ?? []).map((d) => textOf(d, lang)).filter((d) => d !== ''),
  ];
  const head: Field[] = [
    { label: t.purposes, values: values(purposes) },
    { label: t.legalBases, values: legalBasisItems(activity, taxonomy, lang) },
    { label: t.subjects, values: values(labelsOf(taxonomy, 'subjectCategories', activity.subjects, lang)) },
    { label: t.sources, values: values(labelsOf(taxonomy, 'sources', activity.sources, lang)) },
  ];
  blocks.push(fields(head.filter((f) => f.values.length > 0)));
  blocks.push(...dataBlocks(activity, name, taxonomy, lang));
  const recipients = recipientFields(activity, policy, taxonomy, lang);
  if (recipients.length > 0) blocks.push(fields(recipients));
  if (activity.retention.length === 0) {
    blocks.push(paragraph(t.noRetention));
  } else {
    const rows = activity.retention.map((rule): Inlines[] => [
      [textOf(rule.label, lang)],
      [labelsOf(taxonomy, 'dataCategories', rule.data, lang).join(', ')],
      [describeRetention(rule, taxonomy, lang)],
    ]);
    blocks.push({ kind: 'table', caption: t.retentionCaption(name), head: t.retentionHead, rows });
  }
  const tail: Field[] = [];
  const automated = automatedDecisionText(activity, taxonomy, lang);
  if (automated !== undefined) tail.push({ label: t.automated, values: [[automated]] });
  const security = labelsOf(taxonomy, 'securityMeasures', activity.security ?? [], lang);
  if (security.length > 0) tail.push({ label: t.security, values: values(security) });
  if (tail.length > 0) blocks.push(fields(tail));
  if (activity.rights !== undefined && Object.keys(activity.rights).length > 0) {
    blocks.push(paragraph(t.rightsIntro), {
      kind: 'table',
      caption: t.rightsCaption(name),
      head: t.rightsHead,
      rows: rightsRows(activity.rights, taxonomy, lang),
    });
  }
  return { id: `activity-${activity.id}`, title: name, blocks };
}

/** "How we use your data", one subsection per activity in policy order. */
export function activitiesSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = T[lang];
  return {
    id: 'activities',
    title: t.title,
    blocks: [paragraph(t.intro)],
    subsections: policy.activities.map((a) => activitySection(a, policy, taxonomy, lang)),
  };
}
