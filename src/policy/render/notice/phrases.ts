/**
 * Sentences for taxonomy entries that a notice must explain rather than name: what each right
 * lets you do, why a right is limited, how to exercise it, what happens without mandatory data,
 * what each legal basis means. Built-in ids have hand-written text; other ids fall back to the
 * taxonomy description, then to the label.
 */

import { labelOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy, TaxonomyKind } from '../../taxonomy/types.ts';
import { lowerFirst } from './event-phrases.ts';

type Phrases = Readonly<Record<string, Readonly<Record<Language, string>>>>;

const RIGHTS: Phrases = {
  access: {
    fr: 'obtenir la confirmation que vos données sont traitées et en recevoir une copie',
    en: 'get confirmation that we process your data and receive a copy of it',
  },
  confirmation: {
    fr: 'savoir si nous traitons ou non des données vous concernant',
    en: 'know whether or not we process data about you',
  },
  rectification: {
    fr: 'faire corriger ou compléter des données inexactes ou incomplètes',
    en: 'have inaccurate or incomplete data corrected or completed',
  },
  erasure: { fr: "obtenir l'effacement de vos données", en: 'have your data erased' },
  restriction: {
    fr: 'obtenir la limitation du traitement : vos données sont alors seulement conservées',
    en: 'have processing restricted: your data is then only stored',
  },
  'notification-to-recipients': {
    fr: 'savoir à quels destinataires une rectification, un effacement ou une limitation a été notifié',
    en: 'know which recipients were told of a rectification, erasure or restriction',
  },
  portability: {
    fr: 'recevoir les données que vous nous avez fournies dans un format structuré, couramment utilisé et lisible par machine, et les faire transmettre à un autre organisme',
    en: 'receive the data you gave us in a structured, commonly used, machine-readable format and have it sent to another organisation',
  },
  objection: {
    fr: 'vous opposer, pour des raisons tenant à votre situation particulière, à un traitement fondé sur notre intérêt légitime',
    en: 'object, on grounds relating to your particular situation, to processing based on our legitimate interest',
  },
  'objection-direct-marketing': {
    fr: 'vous opposer à tout moment, sans avoir à vous justifier, à la prospection commerciale et au profilage qui y est lié',
    en: 'object at any time, without giving reasons, to direct marketing and related profiling',
  },
  'automated-decision': {
    fr: "ne pas faire l'objet d'une décision fondée exclusivement sur un traitement automatisé produisant des effets juridiques vous concernant ou vous affectant de manière significative",
    en: 'not be subject to a decision based solely on automated processing that has legal or similarly significant effects on you',
  },
  'withdraw-consent': {
    fr: 'retirer votre consentement à tout moment, sans remettre en cause le traitement effectué avant ce retrait',
    en: 'withdraw your consent at any time, without affecting processing carried out before the withdrawal',
  },
  complaint: {
    fr: "introduire une réclamation auprès d'une autorité de contrôle",
    en: 'lodge a complaint with a supervisory authority',
  },
  'post-mortem': {
    fr: "définir des directives sur la conservation, l'effacement et la communication de vos données après votre décès",
    en: 'give directions on the retention, erasure and disclosure of your data after your death',
  },
};

const LIMIT_REASONS: Phrases = {
  'identity-not-verified': {
    fr: "la demande peut être refusée tant que votre identité n'a pas pu être vérifiée",
    en: 'the request may be refused until your identity has been verified',
  },
  'manifestly-unfounded': {
    fr: 'une demande manifestement infondée peut être refusée',
    en: 'a manifestly unfounded request may be refused',
  },
  'legal-obligation': {
    fr: 'sauf lorsque le traitement répond à une obligation légale',
    en: 'except where processing is required by law',
  },
  'legal-claims': {
    fr: "sauf lorsque les données sont nécessaires à la constatation, à l'exercice ou à la défense de droits en justice",
    en: 'except where the data is needed to establish, exercise or defend legal claims',
  },
  'public-interest': {
    fr: "sauf lorsque le traitement est nécessaire à une mission d'intérêt public",
    en: 'except where processing is needed for a task carried out in the public interest',
  },
  'freedom-of-expression': {
    fr: "sauf lorsque le traitement est nécessaire à l'exercice de la liberté d'expression et d'information",
    en: 'except where processing is needed for freedom of expression and information',
  },
  'public-health': {
    fr: "sauf pour des motifs d'intérêt public dans le domaine de la santé publique",
    en: 'except for reasons of public interest in the area of public health',
  },
  'archiving-research': {
    fr: "sauf à des fins archivistiques dans l'intérêt public, de recherche ou statistiques",
    en: 'except for archiving in the public interest, research or statistical purposes',
  },
  'confidential-information': {
    fr: 'les informations confidentielles en sont exclues',
    en: 'confidential information is excluded',
  },
  'law-forbids-disclosure': {
    fr: 'les informations dont la loi interdit la communication en sont exclues',
    en: 'information the law forbids us to disclose is excluded',
  },
  'others-rights': {
    fr: "la communication ne doit pas porter atteinte aux droits et libertés d'autrui",
    en: 'disclosure must not adversely affect the rights and freedoms of others',
  },
  'compelling-legitimate-grounds': {
    fr: 'nous pouvons poursuivre le traitement si nous justifions de motifs légitimes et impérieux',
    en: 'we may continue processing if we demonstrate compelling legitimate grounds',
  },
  'lawful-and-necessary-for-contract': {
    fr: "le traitement est licite et toutes les données collectées sont nécessaires à l'exécution du contrat",
    en: 'processing is lawful and all the data collected is needed to perform the contract',
  },
  'abusive-repetition': {
    fr: 'les demandes abusives, notamment par leur caractère répétitif, peuvent être refusées',
    en: 'abusive requests, in particular repetitive ones, may be refused',
  },
  'substantial-changes-only': {
    fr: 'seules les modifications substantielles (état civil, identité, coordonnées) sont effectuées',
    en: 'only substantial changes (civil status, identity, contact details) are made',
  },
  'provided-data-only': {
    fr: 'uniquement pour les données que vous nous avez vous-même fournies',
    en: 'only for the data you provided to us yourself',
  },
  'online-form-data-only': {
    fr: 'uniquement pour les données collectées par le formulaire en ligne',
    en: 'only for the data collected through the online form',
  },
  'end-of-relationship-only': {
    fr: 'uniquement à la fin de la relation commerciale',
    en: 'only when the business relationship ends',
  },
  'art17-grounds-only': {
    fr: "uniquement dans les cas prévus par l'article 17 du RGPD (données devenues inutiles, retrait du consentement, opposition, traitement illicite)",
    en: 'only in the cases set out in Article 17 GDPR (data no longer needed, consent withdrawn, objection, unlawful processing)',
  },
  'contractual-or-legal-requirement': {
    fr: 'sauf lorsque le traitement est nécessaire pour satisfaire à une exigence contractuelle ou légale',
    en: 'except where processing is needed to meet a contractual or legal requirement',
  },
};

const CONDITIONS: Phrases = {
  'postal-request': { fr: 'nous écrire par courrier', en: 'write to us by post' },
  'online-form-request': { fr: 'remplir notre formulaire en ligne', en: 'fill in our online form' },
  'account-settings': {
    fr: 'modifier vos choix dans les paramètres de votre compte',
    en: 'change your choices in your account settings',
  },
  'identity-document-copy': {
    fr: "joindre la copie d'un titre d'identité en cours de validité",
    en: 'enclose a copy of a valid identity document',
  },
  'signed-identity-document-copy': {
    fr: "joindre la copie signée d'un titre d'identité",
    en: 'enclose a signed copy of an identity document',
  },
  'redacted-identity-document': {
    fr: "joindre la copie de votre carte d'identité, photo et numéro de registre national masqués",
    en: 'enclose a copy of your identity card with the photo and national register number covered',
  },
  'written-request': { fr: 'formuler la demande par écrit', en: 'make the request in writing' },
  'from-subject-only': {
    fr: 'la demande doit émaner de la personne concernée elle-même',
    en: 'the request must come from the data subject in person',
  },
  'identity-verification': {
    fr: 'nous vérifions votre identité avant de répondre',
    en: 'we check your identity before answering',
  },
  asterisk: {
    fr: 'les champs obligatoires sont signalés par un astérisque',
    en: 'mandatory fields are marked with an asterisk',
  },
  'unsubscribe-link': {
    fr: 'cliquer sur le lien de désinscription présent dans chacun de nos messages',
    en: 'click the unsubscribe link in any of our messages',
  },
  'delete-cookies': {
    fr: 'supprimer les cookies de notre domaine dans votre navigateur',
    en: 'delete the cookies of our domain in your browser',
  },
  'email-request': { fr: 'nous écrire par e-mail', en: 'write to us by e-mail' },
  'dated-and-signed-request': {
    fr: 'envoyer une demande datée et signée',
    en: 'send a dated and signed request',
  },
  'preference-center': {
    fr: 'modifier vos choix dans votre centre de préférences',
    en: 'change your choices in your preference centre',
  },
};

const CONSEQUENCES: Phrases = {
  'no-consequence': { fr: "cela n'a aucune conséquence pour vous", en: 'this has no consequence for you' },
  'no-contract': {
    fr: 'nous ne pourrons pas conclure de contrat avec vous',
    en: 'we cannot enter into a contract with you',
  },
  'service-not-provided': {
    fr: 'le service lié à cette collecte pourrait ne pas être fourni',
    en: 'the service linked to this collection may not be provided',
  },
  'obligations-not-performed': {
    fr: 'nous ne pourrons pas exécuter nos obligations contractuelles',
    en: 'we cannot perform our contractual obligations',
  },
  'request-not-processed': {
    fr: 'nous ne pourrons pas traiter votre demande',
    en: 'we cannot process your request',
  },
  'account-not-created': { fr: 'votre compte ne pourra pas être créé', en: 'your account cannot be created' },
};

const LEGAL_BASES: Phrases = {
  consent: { fr: 'votre consentement', en: 'your consent' },
  'explicit-consent': { fr: 'votre consentement explicite', en: 'your explicit consent' },
  contract: {
    fr: "l'exécution du contrat conclu avec vous ou de mesures précontractuelles prises à votre demande",
    en: 'the performance of a contract with you, or steps taken at your request before entering into one',
  },
  'legal-obligation': {
    fr: "le respect d'une obligation légale à laquelle nous sommes soumis",
    en: 'compliance with a legal obligation we are subject to',
  },
  'vital-interest': {
    fr: "la sauvegarde de vos intérêts vitaux ou de ceux d'une autre personne",
    en: 'the protection of your vital interests or those of another person',
  },
  'public-task': {
    fr: "l'exécution d'une mission d'intérêt public ou relevant de l'exercice de l'autorité publique",
    en: 'a task carried out in the public interest or in the exercise of official authority',
  },
  'legitimate-interest': { fr: 'notre intérêt légitime', en: 'our legitimate interest' },
  'not-stated': { fr: 'base légale non précisée', en: 'legal basis not stated' },
};

const TABLES = {
  rights: RIGHTS,
  limitReasons: LIMIT_REASONS,
  exerciseConditions: CONDITIONS,
  consequences: CONSEQUENCES,
  legalBases: LEGAL_BASES,
} as const satisfies Partial<Record<TaxonomyKind, Phrases>>;

/**
 * The sentence fragment for a taxonomy entry (lower case, no final period): the hand-written
 * phrase for a built-in id, else the entry's description, else its label.
 */
export function phraseOf(taxonomy: Taxonomy, kind: keyof typeof TABLES, id: string, lang: Language): string {
  const known = TABLES[kind][id]?.[lang];
  if (known !== undefined) return known;
  const description = taxonomy[kind].get(id)?.description?.[lang];
  return lowerFirst(description?.replace(/\.$/, '') ?? labelOf(taxonomy, kind, id, lang));
}
