/**
 * How trigger events and retention reasons read inside a sentence, in French and English.
 *
 * Taxonomy labels are titles ("Fin du contrat"); a sentence needs the event with its
 * preposition ("à compter de la fin du contrat", "until the end of the contract"). Built-in
 * ids have hand-written phrases; an organisation's own ids fall back to their label in quotes.
 */
import { labelOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';

/** The forms of one event inside a retention sentence. */
export interface EventPhrases {
  /** Start of a period: "à compter de la fin du contrat" / "from the end of the contract". */
  readonly from: string;
  /** End of a period that lasts until the event: "jusqu'à la fin du contrat". */
  readonly until: string;
  /** After the event: "après la fin du contrat" (for "until 5 years after the end of the contract"). */
  readonly after: string;
  /** The state that ends with the event, when it reads better: "pendant toute la durée du contrat". */
  readonly during?: string;
}

type PhraseTable = Readonly<Record<string, Readonly<Record<Language, EventPhrases>>>>;

const e = (from: string, until: string, after: string, during?: string): EventPhrases =>
  during === undefined ? { from, until, after } : { from, until, after, during };

const TRIGGER_PHRASES: PhraseTable = {
  collection: {
    fr: e('à compter de leur collecte', "jusqu'à leur collecte", 'après leur collecte'),
    en: e('from collection', 'until they are collected', 'after collection'),
  },
  'record-creation': {
    fr: e('à compter de leur enregistrement', "jusqu'à leur enregistrement", 'après leur enregistrement'),
    en: e('from when they are recorded', 'until they are recorded', 'after they are recorded'),
  },
  'last-contact-from-subject': {
    fr: e(
      'à compter du dernier contact émanant de vous',
      "jusqu'à votre dernier contact avec nous",
      'après le dernier contact émanant de vous',
    ),
    en: e(
      'from your last contact with us',
      'until your last contact with us',
      'after your last contact with us',
    ),
  },
  'last-connection': {
    fr: e(
      'à compter de votre dernière connexion',
      "jusqu'à votre dernière connexion",
      'après votre dernière connexion',
    ),
    en: e('from your last login', 'until your last login', 'after your last login'),
  },
  'end-of-contract': {
    fr: e(
      'à compter de la fin du contrat',
      "jusqu'à la fin du contrat",
      'après la fin du contrat',
      'pendant toute la durée du contrat',
    ),
    en: e(
      'from the end of the contract',
      'until the end of the contract',
      'after the end of the contract',
      'for the whole term of the contract',
    ),
  },
  unsubscription: {
    fr: e('à compter de votre désabonnement', "jusqu'à votre désabonnement", 'après votre désabonnement'),
    en: e('from when you unsubscribe', 'until you unsubscribe', 'after you unsubscribe'),
  },
  'account-deletion': {
    fr: e(
      'à compter de la suppression de votre compte',
      "jusqu'à la suppression de votre compte",
      'après la suppression de votre compte',
    ),
    en: e(
      'from the deletion of your account',
      'until your account is deleted',
      'after your account is deleted',
    ),
  },
  transaction: {
    fr: e('à compter de la transaction', "jusqu'à la réalisation de la transaction", 'après la transaction'),
    en: e('from the transaction', 'until the transaction is completed', 'after the transaction'),
  },
  'debit-date': {
    fr: e('à compter de la date de débit', "jusqu'à la date de débit", 'après la date de débit'),
    en: e('from the debit date', 'until the debit date', 'after the debit date'),
  },
  'event-date': {
    fr: e(
      "à compter de la date de l'événement",
      "jusqu'à la tenue de l'événement",
      "après la tenue de l'événement",
    ),
    en: e('from the date of the event', 'until the event takes place', 'after the event'),
  },
  'consent-withdrawal': {
    fr: e(
      'à compter du retrait de votre consentement',
      "jusqu'au retrait de votre consentement",
      'après le retrait de votre consentement',
    ),
    en: e(
      'from the withdrawal of your consent',
      'until you withdraw your consent',
      'after you withdraw your consent',
    ),
  },
  'erasure-request': {
    fr: e(
      'à compter de votre demande de suppression',
      "jusqu'à ce que vous nous demandiez la suppression",
      'après votre demande de suppression',
    ),
    en: e(
      'from your request for deletion',
      'until you ask us to delete them',
      'after you ask us to delete them',
    ),
  },
  'end-of-service': {
    fr: e(
      'à compter de la fin de la prestation',
      "jusqu'à la fin de la prestation",
      'après la fin de la prestation',
      'pendant toute la durée de la prestation',
    ),
    en: e(
      'from the end of the service',
      'until the end of the service',
      'after the end of the service',
      'for the whole duration of the service',
    ),
  },
  'cookie-deposit': {
    fr: e('à compter du dépôt du cookie', "jusqu'au dépôt du cookie", 'après le dépôt du cookie'),
    en: e('from when the cookie is set', 'until the cookie is set', 'after the cookie is set'),
  },
  'backup-creation': {
    fr: e(
      'à compter de la création de la sauvegarde',
      "jusqu'à la création de la sauvegarde",
      'après la création de la sauvegarde',
    ),
    en: e('from when the backup is made', 'until the backup is made', 'after the backup is made'),
  },
  'invoice-date': {
    fr: e(
      'à compter de la date de la facture',
      "jusqu'à la date de la facture",
      'après la date de la facture',
    ),
    en: e('from the invoice date', 'until the invoice date', 'after the invoice date'),
  },
  'end-of-financial-year': {
    fr: e(
      "à compter de la clôture de l'exercice",
      "jusqu'à la clôture de l'exercice",
      "après la clôture de l'exercice",
    ),
    en: e(
      'from the end of the financial year',
      'until the end of the financial year',
      'after the end of the financial year',
    ),
  },
  'end-of-recovery': {
    fr: e(
      'à compter de la clôture du recouvrement',
      "jusqu'à la clôture du recouvrement",
      'après la clôture du recouvrement',
    ),
    en: e(
      'from the close of debt recovery',
      'until debt recovery is closed',
      'after debt recovery is closed',
    ),
  },
  recording: {
    fr: e("à compter de l'enregistrement", "jusqu'à l'enregistrement", "après l'enregistrement"),
    en: e('from the recording', 'until the recording', 'after the recording'),
  },
};

/** Retention reasons as they read between parentheses after a phase. */
const REASON_PHRASES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  'accounting-obligation': { fr: 'obligations comptables', en: 'accounting obligations' },
  'tax-obligation': { fr: 'obligations fiscales', en: 'tax obligations' },
  'proof-of-contract': { fr: 'preuve du contrat', en: 'proof of the contract' },
  'limitation-period': { fr: 'délai de prescription', en: 'limitation period' },
  'legal-claims': { fr: 'défense de nos droits en justice', en: 'defence of legal claims' },
  'payment-proof': { fr: 'preuve du paiement', en: 'proof of payment' },
  'connection-data-obligation': {
    fr: 'obligation légale de conservation des données de connexion',
    en: 'legal duty to keep connection data',
  },
  security: { fr: 'sécurité', en: 'security' },
  statistics: { fr: 'statistiques', en: 'statistics' },
};

/** Lower-case the first letter of a title so it reads inside a sentence ("Fin du contrat" → "fin du contrat"), but keep acronyms ("CNIL"). */
export function lowerFirst(text: string): string {
  const first = text.charAt(0);
  const second = text.charAt(1);
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return text;
  return first.toLowerCase() + text.slice(1);
}

/** Quote a text the way the language does: « texte » in French, “text” in English. */
export function quote(text: string, lang: Language): string {
  return lang === 'fr' ? `« ${text} »` : `“${text}”`;
}

/** The phrases of a trigger event; an unknown (organisation-defined) event reads as its quoted label. */
export function eventPhrases(taxonomy: Taxonomy, id: string, lang: Language): EventPhrases {
  const known = TRIGGER_PHRASES[id];
  if (known !== undefined) return known[lang];
  const label = quote(labelOf(taxonomy, 'triggerEvents', id, lang), lang);
  return lang === 'fr'
    ? e(`à compter de l'événement ${label}`, `jusqu'à l'événement ${label}`, `après l'événement ${label}`)
    : e(`from the event ${label}`, `until the event ${label}`, `after the event ${label}`);
}

/** A retention reason as a noun phrase ("délai de prescription"). */
export function reasonPhrase(taxonomy: Taxonomy, id: string, lang: Language): string {
  return REASON_PHRASES[id]?.[lang] ?? lowerFirst(labelOf(taxonomy, 'retentionReasons', id, lang));
}
