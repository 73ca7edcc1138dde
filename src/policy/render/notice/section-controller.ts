/** The notice's title, lead lines, and the "who we are" and DPO sections. */
import type { TPolicy } from '../../model.ts';
import { textOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { type Block, fields, type Inlines, paragraph, type Section, urlLink } from './document.ts';
import { addressText, contactFields, formatDate } from './words.ts';

const T = {
  fr: {
    title: 'Politique de confidentialité',
    version: (v: string, date?: string) => (date === undefined ? `Version ${v}` : `Version ${v} du ${date}`),
    scope: "Cette politique s'applique aux produits et sites suivants : ",
    controllerTitle: 'Qui sommes-nous ?',
    controller: (who: string) =>
      `${who} est responsable du traitement des données personnelles décrites dans cette politique : nous décidons pourquoi et comment elles sont traitées.`,
    processorOnly: (who: string) =>
      `${who} traite les données décrites ci-dessous en qualité de sous-traitant, pour le compte et sur instruction de ses clients, responsables du traitement.`,
    alsoProcessor:
      'Pour certains traitements, signalés ci-dessous, nous agissons en qualité de sous-traitant pour le compte de nos clients, qui en sont responsables : adressez-leur en priorité vos demandes.',
    group: (name: string) =>
      /^groupe?\b/i.test(name) ? `Nous faisons partie du ${name}` : `Nous faisons partie du groupe ${name}`,
    jointControllers: 'Responsables conjoints du traitement',
    representative: "Représentant dans l'Union européenne (article 27 du RGPD)",
    dpoTitle: 'Délégué à la protection des données',
    dpo: 'Nous avons désigné un délégué à la protection des données (DPO). Vous pouvez le contacter pour toute question sur le traitement de vos données :',
    noDpo:
      "Nous n'avons pas désigné de délégué à la protection des données. Pour toute question sur vos données, écrivez-nous à l'adresse indiquée ci-dessus.",
  },
  en: {
    title: 'Privacy notice',
    version: (v: string, date?: string) => (date === undefined ? `Version ${v}` : `Version ${v} of ${date}`),
    scope: 'This notice covers the following products and websites: ',
    controllerTitle: 'Who we are',
    controller: (who: string) =>
      `${who} is the controller of the personal data described in this notice: we decide why and how it is processed.`,
    processorOnly: (who: string) =>
      `${who} processes the data described below as a processor, on behalf and on the instructions of its customers, who are the controllers.`,
    alsoProcessor:
      'For some processing, marked below, we act as a processor on behalf of our customers, who are the controllers: please address your requests to them first.',
    group: (name: string) =>
      /\bgroupe?\b/i.test(name) ? `We are part of ${name}` : `We are part of the ${name} group`,
    jointControllers: 'Joint controllers',
    representative: 'Representative in the European Union (Article 27 GDPR)',
    dpoTitle: 'Data protection officer',
    dpo: 'We have appointed a data protection officer (DPO). You can contact them with any question about the processing of your data:',
    noDpo:
      'We have not appointed a data protection officer. For any question about your data, write to us at the address above.',
  },
} as const;

/** The notice title: the policy's own, or "Politique de confidentialité" with the organisation's name. */
export function noticeTitle(policy: TPolicy, lang: Language): string {
  const own = textOf(policy.policy.title, lang);
  const base = own === '' ? T[lang].title : own;
  return base.includes(policy.organisation.name) ? base : `${base} – ${policy.organisation.name}`;
}

/** Version and date, then the products and websites covered. */
export function noticeLead(policy: TPolicy, lang: Language): Inlines[] {
  const { version, date } = policy.policy;
  const lines: Inlines[] = [
    [T[lang].version(version, date === undefined ? undefined : formatDate(date, lang))],
  ];
  const brands = policy.organisation.brands ?? [];
  const websites = policy.organisation.websites ?? [];
  if (brands.length + websites.length > 0) {
    const items: Inlines[] = [...brands.map((b) => [b]), ...websites.map((w) => [urlLink(w)])];
    const line: Inlines = [
      T[lang].scope,
      ...items.flatMap((item, i) => (i === 0 ? item : [', ', ...item])),
      '.',
    ];
    lines.push(line);
  }
  return lines;
}

function identity(policy: TPolicy): string {
  const org = policy.organisation;
  const details = [org.legalForm, org.registration].filter((part): part is string => part !== undefined);
  return details.length === 0 ? org.name : `${org.name} (${details.join(', ')})`;
}

/** "Who we are": controller identity and contacts, group, joint controllers, representative. */
export function controllerSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = T[lang];
  const org = policy.organisation;
  const roles = new Set(org.roles);
  const blocks: Block[] = [
    paragraph(roles.has('controller') ? t.controller(identity(policy)) : t.processorOnly(identity(policy))),
    fields(contactFields(org.contact, taxonomy, lang)),
  ];
  if (roles.has('controller') && roles.has('processor')) blocks.push(paragraph(t.alsoProcessor));
  if (org.group !== undefined) {
    const where = org.group.contact?.address;
    const text = t.group(org.group.name);
    blocks.push(
      paragraph(where === undefined ? `${text}.` : `${text} (${addressText(where, taxonomy, lang)}).`),
    );
  }
  const entity = (e: NonNullable<typeof org.representative>): Inlines[] => [
    [[e.name, e.legalForm, e.registration].filter((p): p is string => p !== undefined).join(', ')],
  ];
  if (org.jointControllers !== undefined && org.jointControllers.length > 0) {
    blocks.push(fields([{ label: t.jointControllers, values: org.jointControllers.flatMap(entity) }]));
  }
  if (org.representative !== undefined) {
    blocks.push(fields([{ label: t.representative, values: entity(org.representative) }]));
    if (org.representative.contact !== undefined) {
      blocks.push(fields(contactFields(org.representative.contact, taxonomy, lang)));
    }
  }
  return { id: 'controller', title: t.controllerTitle, blocks };
}

/** The DPO and how to reach them, or a plain statement that none is designated. */
export function dpoSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = T[lang];
  const dpo = policy.organisation.dpo;
  const blocks: Block[] =
    dpo === undefined ? [paragraph(t.noDpo)] : [paragraph(t.dpo), fields(contactFields(dpo, taxonomy, lang))];
  return { id: 'dpo', title: t.dpoTitle, blocks };
}
