/**
 * Fixed wording of the Art 30 register, in each language Registre renders. Taxonomy entries carry
 * their own labels; this file holds only what belongs to the register itself (explicit values for
 * empty fields, CNIL family names, column headers).
 */
import type { CNIL_DATA_FAMILIES, CNIL_SECURITY_FAMILIES, Language } from '../../taxonomy/types.ts';

export interface RegisterWords {
  /** The policy names none (masculine in French: "Aucun"). */
  readonly none: string;
  /** The policy names none (feminine in French: "Aucune"). */
  readonly noneFeminine: string;
  /** The policy does not say. */
  readonly notStated: string;
  /** The column does not apply to this record (union CSV). */
  readonly notApplicable: string;
  readonly yes: string;
  readonly no: string;
  /** Separator between a label and its value ("Identité : Nom" / "Identity: Name"). */
  readonly colon: string;
  readonly notApplied: string;
  readonly invalidSafeguard: string;
  readonly eea: string;
  readonly phone: string;
  readonly fax: string;
  readonly form: string;
  readonly providedBy: string;
  readonly certification: string;
  readonly contractBound: string;
  readonly by: string;
  readonly impliedTransfer: string;
  readonly registerTitle: string;
  /** Header of the first column of the combined CSV. */
  readonly recordColumn: string;
  readonly controllerRecordTitle: string;
  readonly processorRecordTitle: string;
  readonly noActivity: string;
  readonly version: string;
  readonly generated: string;
  readonly dataFamilies: Readonly<Record<(typeof CNIL_DATA_FAMILIES)[number], string>>;
  readonly securityFamilies: Readonly<Record<(typeof CNIL_SECURITY_FAMILIES)[number], string>>;
}

export const REGISTER_WORDS: Readonly<Record<Language, RegisterWords>> = {
  fr: {
    none: 'Aucun',
    noneFeminine: 'Aucune',
    notStated: 'Non précisé par la politique',
    notApplicable: 'Sans objet',
    yes: 'Oui',
    no: 'Non',
    colon: ' : ',
    notApplied: 'non appliquée',
    invalidSafeguard: 'mécanisme non valide',
    eea: 'Espace économique européen',
    phone: 'Tél.',
    fax: 'Fax',
    form: 'Formulaire',
    providedBy: 'fournie par',
    certification: 'Certification',
    contractBound: 'Sous-traitants liés par contrat',
    by: 'par',
    impliedTransfer: 'traitement hors EEE',
    registerTitle: 'Registre des activités de traitement',
    recordColumn: 'Registre',
    controllerRecordTitle: 'Registre du responsable de traitement (article 30.1 du RGPD)',
    processorRecordTitle: 'Registre du sous-traitant (article 30.2 du RGPD)',
    noActivity: 'Aucune activité de traitement dans ce registre.',
    version: 'Version de la politique',
    generated: 'Établi à partir de la politique',
    dataFamilies: {
      identity: 'État civil, identité, données d’identification',
      'personal-life': 'Vie personnelle',
      'professional-life': 'Vie professionnelle',
      'economic-financial': 'Informations d’ordre économique et financier',
      connection: 'Données de connexion',
      location: 'Données de localisation',
      internet: 'Internet (cookies, traceurs, navigation)',
      other: 'Autres catégories de données',
    },
    securityFamilies: {
      'access-control': 'Contrôle d’accès des utilisateurs',
      traceability: 'Mesures de traçabilité',
      'software-protection': 'Mesures de protection des logiciels',
      backups: 'Sauvegarde des données',
      encryption: 'Chiffrement des données',
      'processor-control': 'Contrôle des sous-traitants',
      physical: 'Sécurité physique',
      organisational: 'Mesures organisationnelles',
      other: 'Autres mesures',
    },
  },
  en: {
    none: 'None',
    noneFeminine: 'None',
    notStated: 'Not stated in the policy',
    notApplicable: 'Not applicable',
    yes: 'Yes',
    no: 'No',
    colon: ': ',
    notApplied: 'not applied',
    invalidSafeguard: 'no longer a valid mechanism',
    eea: 'European Economic Area',
    phone: 'Tel.',
    fax: 'Fax',
    form: 'Form',
    providedBy: 'provided by',
    certification: 'Certification',
    contractBound: 'Processors bound by contract',
    by: 'by',
    impliedTransfer: 'processing outside the EEA',
    registerTitle: 'Record of processing activities',
    recordColumn: 'Record',
    controllerRecordTitle: 'Controller record (GDPR Article 30(1))',
    processorRecordTitle: 'Processor record (GDPR Article 30(2))',
    noActivity: 'No processing activity in this record.',
    version: 'Policy version',
    generated: 'Built from the policy',
    dataFamilies: {
      identity: 'Identity and identification data',
      'personal-life': 'Personal life',
      'professional-life': 'Professional life',
      'economic-financial': 'Economic and financial information',
      connection: 'Connection data',
      location: 'Location data',
      internet: 'Internet (cookies, trackers, browsing)',
      other: 'Other categories of data',
    },
    securityFamilies: {
      'access-control': 'User access control',
      traceability: 'Traceability',
      'software-protection': 'Software protection',
      backups: 'Data backups',
      encryption: 'Encryption',
      'processor-control': 'Control of processors',
      physical: 'Physical security',
      organisational: 'Organisational measures',
      other: 'Other measures',
    },
  },
};
