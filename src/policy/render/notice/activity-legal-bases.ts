/** Legal bases and automated decisions of one activity, in words. */
import type { TActivity } from '../../model.ts';
import { labelOf, textOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import type { Inlines } from './document.ts';
import { lowerFirst } from './event-phrases.ts';
import { phraseOf } from './phrases.ts';
import { alternatives, articleRef, capitalise, labelsOf } from './words.ts';

const T = {
  fr: {
    for: ', pour : ',
    balancing:
      'Nous avons mis cet intérêt en balance avec vos intérêts et vos droits et libertés fondamentaux, qui ne prévalent pas.',
    withdraw: (how: string) => `Vous pouvez le retirer à tout moment ; il vous suffit ${how}.`,
    withdrawAny:
      'Vous pouvez le retirer à tout moment, sans que cela remette en cause le traitement déjà effectué.',
    art9: (condition: string) => `Données sensibles : ${condition}.`,
    processor:
      'Nous traitons ces données sur instruction du responsable du traitement, qui en détermine la base légale.',
    adm: "Ce traitement comporte une décision fondée exclusivement sur un traitement automatisé, qui produit des effets juridiques à votre égard ou vous affecte de manière significative (article 22 du RGPD). Vous pouvez obtenir l'intervention d'une personne, exprimer votre point de vue et contester la décision.",
    noAdm: "Aucune décision entièrement automatisée n'est prise à votre égard.",
    profiling: 'Nous établissons un profil',
    profilingFor: (purposes: string) => ` à des fins de ${purposes}`,
    profilingBasis: (basis: string) => `, sur la base de ${basis}`,
    noProfiling: "Aucun profil n'est établi.",
    logic: 'Logique mise en œuvre : ',
  },
  en: {
    for: ', for: ',
    balancing:
      'We have balanced this interest against your interests and fundamental rights and freedoms, which do not override it.',
    withdraw: (how: string) => `You can withdraw it at any time; just ${how}.`,
    withdrawAny: 'You can withdraw it at any time, without affecting processing already carried out.',
    art9: (condition: string) => `Special-category data: ${condition}.`,
    processor: 'We process this data on the instructions of the controller, who determines its legal basis.',
    adm: 'This processing includes a decision based solely on automated processing that has legal or similarly significant effects on you (Article 22 GDPR). You can obtain human intervention, express your point of view and contest the decision.',
    noAdm: 'No decision based solely on automated processing is taken about you.',
    profiling: 'We build a profile',
    profilingFor: (purposes: string) => ` for ${purposes}`,
    profilingBasis: (basis: string) => `, on the basis of ${basis}`,
    noProfiling: 'No profile is built.',
    logic: 'Logic involved: ',
  },
} as const;

type LegalBasisUse = NonNullable<TActivity['legalBases']>[number];

/** One legal basis: what it is, its article, the interest pursued, how to withdraw consent, the Art 9 condition. */
function legalBasisText(use: LegalBasisUse, taxonomy: Taxonomy, lang: Language): string {
  const t = T[lang];
  const entry = taxonomy.legalBases.get(use.basis);
  let head = capitalise(phraseOf(taxonomy, 'legalBases', use.basis, lang));
  if (entry !== undefined && use.basis !== 'not-stated') head += ` (${articleRef(entry.article, lang)})`;
  const interest = textOf(use.interest, lang);
  if (interest !== '') head += `${lang === 'fr' ? ' : ' : ': '}${lowerFirst(interest.replace(/\.$/, ''))}`;
  if (use.purposes !== undefined && use.purposes.length > 0) {
    head += t.for + labelsOf(taxonomy, 'purposes', use.purposes, lang).map(lowerFirst).join(', ');
  }
  const sentences = [`${head}.`];
  if (use.balancingTest === true) sentences.push(t.balancing);
  const isConsent = entry?.consent === true || use.basis === 'consent' || use.basis === 'explicit-consent';
  if (isConsent) {
    const how = (use.withdrawal ?? []).map((id) => phraseOf(taxonomy, 'exerciseConditions', id, lang));
    sentences.push(how.length === 0 ? t.withdrawAny : t.withdraw(alternatives(how, lang)));
  }
  if (use.art9 !== undefined) {
    const art9 = taxonomy.legalBases.get(use.art9);
    const label = lowerFirst(labelOf(taxonomy, 'legalBases', use.art9, lang));
    sentences.push(t.art9(art9 === undefined ? label : `${label} (${articleRef(art9.article, lang)})`));
  }
  return sentences.join(' ');
}

/** The legal bases of an activity as list items; for a processor activity, one sentence. */
export function legalBasisItems(activity: TActivity, taxonomy: Taxonomy, lang: Language): Inlines[] {
  if (activity.role === 'processor' && (activity.legalBases ?? []).length === 0) return [[T[lang].processor]];
  return (activity.legalBases ?? []).map((use) => [legalBasisText(use, taxonomy, lang)]);
}

/** Automated decisions and profiling, when the policy states them for the activity. */
export function automatedDecisionText(
  activity: TActivity,
  taxonomy: Taxonomy,
  lang: Language,
): string | undefined {
  const decisions = activity.automatedDecisions;
  if (decisions === undefined) return undefined;
  const t = T[lang];
  const sentences: string[] = [decisions.automatedDecisionMaking ? t.adm : t.noAdm];
  if (decisions.profiling) {
    let text = t.profiling;
    const purposes = labelsOf(taxonomy, 'purposes', decisions.profilingPurposes ?? [], lang).map(lowerFirst);
    if (purposes.length > 0) text += t.profilingFor(purposes.join(', '));
    if (decisions.legalBasis !== undefined) {
      const entry = taxonomy.legalBases.get(decisions.legalBasis);
      const phrase = phraseOf(taxonomy, 'legalBases', decisions.legalBasis, lang);
      text += t.profilingBasis(
        entry === undefined ? phrase : `${phrase} (${articleRef(entry.article, lang)})`,
      );
    }
    sentences.push(`${text}.`);
    const logic = textOf(decisions.logic, lang);
    if (logic !== '') sentences.push(`${t.logic}${logic}`);
  } else {
    sentences.push(t.noProfiling);
  }
  return sentences.join(' ');
}
