/** Processors, their countries and the safeguards of transfers outside the EEA. */
import type { TPolicy, TProcessor } from '../../model.ts';
import { labelOf, textOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { type Block, type Inline, type Inlines, paragraph, type Section, warning } from './document.ts';
import { quote } from './event-phrases.ts';
import { countryName, isInEea, labelsOf } from './words.ts';

const T = {
  fr: {
    title: "Sous-traitants et transferts hors de l'Union européenne",
    intro:
      "Nous faisons appel aux prestataires suivants, qui traitent vos données pour notre compte, uniquement sur nos instructions et dans le cadre d'un contrat conforme à l'article 28 du RGPD.",
    none: 'Nous ne faisons appel à aucun sous-traitant pour les traitements décrits dans cette politique.',
    caption: 'Nos sous-traitants',
    head: ['Sous-traitant', 'Service', 'Pays de traitement', "Transfert hors de l'EEE et garantie"],
    noTransfer: "Aucun transfert hors de l'EEE",
    adequacy: 'Pays reconnu adéquat par la Commission européenne (article 45 du RGPD)',
    by: (who: string) => `transfert effectué par ${who}`,
    invalid: (label: string) => `⚠ ${label} n'est plus une garantie valide`,
    unstated: '⚠ Garantie non précisée',
    missing: "⚠ Transfert hors de l'EEE sans garantie indiquée",
    warnInvalid: (processor: string, country: string, safeguard: string, schrems: boolean) =>
      `Attention : ${processor} indique transférer des données hors de l'EEE (${country}) sur la base ${safeguard}, qui n'est plus une garantie valide${schrems ? " depuis l'arrêt Schrems II de la Cour de justice de l'Union européenne (16 juillet 2020)" : ''}. Ce transfert doit reposer sur une autre garantie (par exemple le cadre de protection des données UE–États-Unis ou des clauses contractuelles types).`,
    warnUnstated: (processor: string, country: string) =>
      `Attention : la garantie qui encadre le transfert de données par ${processor} hors de l'EEE (${country}) n'est pas précisée.`,
    subProcessor: ' (sous-traitant ultérieur)',
  },
  en: {
    title: 'Processors and transfers outside the European Union',
    intro:
      'We use the following providers, who process your data on our behalf, only on our instructions and under a contract that meets Article 28 GDPR.',
    none: 'We use no processor for the processing described in this notice.',
    caption: 'Our processors',
    head: ['Processor', 'Service', 'Country of processing', 'Transfer outside the EEA and safeguard'],
    noTransfer: 'No transfer outside the EEA',
    adequacy: 'Country found adequate by the European Commission (Article 45 GDPR)',
    by: (who: string) => `transfer made by ${who}`,
    invalid: (label: string) => `⚠ ${label} is no longer a valid safeguard`,
    unstated: '⚠ Safeguard not stated',
    missing: '⚠ Transfer outside the EEA with no safeguard stated',
    warnInvalid: (processor: string, country: string, safeguard: string, schrems: boolean) =>
      `Warning: ${processor} states that it transfers data outside the EEA (${country}) on the basis of the ${safeguard}, which is no longer a valid safeguard${schrems ? ' since the Schrems II judgment of the Court of Justice of the European Union (16 July 2020)' : ''}. The transfer must rely on another safeguard (for instance the EU–US Data Privacy Framework or standard contractual clauses).`,
    warnUnstated: (processor: string, country: string) =>
      `Warning: the safeguard for the transfer of data by ${processor} outside the EEA (${country}) is not stated.`,
    subProcessor: ' (sub-processor)',
  },
} as const;

/** The transfers of a processor in words, with a visible warning for an invalid or missing safeguard. */
export function transferInlines(processor: TProcessor, taxonomy: Taxonomy, lang: Language): Inline[] {
  const t = T[lang];
  if (processor.transfers.length === 0) {
    if (isInEea(taxonomy, processor.country)) return [t.noTransfer];
    if (taxonomy.countries.get(processor.country)?.adequacy === 'full') return [t.adequacy];
    return [warning(t.missing)];
  }
  const out: Inline[] = [];
  processor.transfers.forEach((transfer, index) => {
    if (index > 0) out.push(lang === 'fr' ? ' ; ' : '; ');
    const details = transfer.safeguards
      .filter((id) => taxonomy.safeguards.get(id)?.unstated !== true)
      .map((id) => labelOf(taxonomy, 'safeguards', id, lang));
    if (transfer.by !== undefined) details.push(t.by(transfer.by));
    const country = countryName(taxonomy, transfer.country, lang);
    out.push(details.length === 0 ? country : `${country} (${details.join(', ')})`);
    for (const id of transfer.safeguards) {
      const entry = taxonomy.safeguards.get(id);
      if (entry?.unstated === true) out.push(' ', warning(t.unstated));
      else if (entry?.valid === false) out.push(' ', warning(t.invalid(quote(entry.label[lang], lang))));
    }
  });
  return out;
}

/** Warning paragraphs for every transfer that relies on an invalid or unstated safeguard. */
export function transferWarnings(
  processors: readonly TProcessor[],
  taxonomy: Taxonomy,
  lang: Language,
): Block[] {
  const t = T[lang];
  const out: Block[] = [];
  for (const processor of processors) {
    for (const transfer of processor.transfers) {
      const country = countryName(taxonomy, transfer.country, lang);
      for (const id of transfer.safeguards) {
        const entry = taxonomy.safeguards.get(id);
        if (entry?.unstated === true) {
          out.push({ kind: 'warning', content: [t.warnUnstated(processor.name, country)] });
        } else if (entry?.valid === false) {
          const safeguard = lang === 'fr' ? `du ${quote(entry.label.fr, 'fr')}` : entry.label.en;
          out.push({
            kind: 'warning',
            content: [t.warnInvalid(processor.name, country, safeguard, id === 'privacy-shield')],
          });
        }
      }
    }
  }
  return out;
}

/** "OVHcloud" or "Microsoft Azure (Microsoft SA)". */
export function processorName(processor: TProcessor): string {
  return processor.entity === undefined ? processor.name : `${processor.name} (${processor.entity})`;
}

/** The processors table, then the warnings on transfers. */
export function processorsSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = T[lang];
  if (policy.processors.length === 0)
    return { id: 'processors', title: t.title, blocks: [paragraph(t.none)] };
  const rows = policy.processors.map((p): Inlines[] => {
    const services = labelsOf(taxonomy, 'processorServices', p.services, lang).join(', ');
    const details = textOf(p.serviceDetails, lang);
    return [
      [processorName(p) + (p.role === 'sub-processor' ? t.subProcessor : '')],
      [details === '' ? services : `${services} – ${details}`],
      [countryName(taxonomy, p.country, lang)],
      transferInlines(p, taxonomy, lang),
    ];
  });
  return {
    id: 'processors',
    title: t.title,
    blocks: [
      paragraph(t.intro),
      { kind: 'table', caption: t.caption, head: t.head, rows },
      ...transferWarnings(policy.processors, taxonomy, lang),
    ],
  };
}
