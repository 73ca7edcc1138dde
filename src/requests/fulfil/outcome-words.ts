/** What a fulfilment did, in sentences for the subject (French or English). */
import type { Language } from '../../policy/taxonomy/types.ts';

type Words = {
  readonly notFound: string;
  readonly access: (rows: number, tables: number) => string;
  readonly portability: (rows: number, tables: number) => string;
  readonly portabilityExcluded: (tables: number) => string;
  readonly rectified: (columns: readonly string[], rows: number) => string;
  readonly restricted: (rows: number) => string;
  readonly objectionPending: (rows: number) => string;
  /** Rows left as they are because the policy refuses the right for their processing. */
  readonly notRestricted: (rows: number, activity: string, reasons: string) => string;
  readonly marketing: (added: number, erased: number) => string;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const OUTCOME_WORDS: Readonly<Record<Language, Words>> = {
  fr: {
    notFound: 'Nous ne détenons aucune donnée vous concernant.',
    access: (rows, tables) =>
      `Copie de vos données : ${plural(rows, 'enregistrement', 'enregistrements')} dans ${plural(tables, 'fichier', 'fichiers')}, au format HTML (lisible), JSON et CSV.`,
    portability: (rows, tables) =>
      `Données que vous nous avez fournies, dans un format structuré, couramment utilisé et lisible par machine (JSON et CSV) : ${plural(rows, 'enregistrement', 'enregistrements')} dans ${plural(tables, 'fichier', 'fichiers')}.`,
    portabilityExcluded: (tables) =>
      `${plural(tables, 'fichier n’est', 'fichiers ne sont')} pas concerné${tables === 1 ? '' : 's'} par la portabilité (données non fournies par vous, ou traitement qui ne repose ni sur votre consentement ni sur un contrat).`,
    rectified: (columns, rows) =>
      `Données rectifiées (${columns.join(', ')}) : ${plural(rows, 'enregistrement modifié', 'enregistrements modifiés')}.`,
    restricted: (rows) =>
      `Traitement limité : vos données sont conservées mais ne sont plus utilisées (${plural(rows, 'enregistrement', 'enregistrements')}). Nous vous informerons avant de lever cette limitation.`,
    objectionPending: (rows) =>
      `Opposition enregistrée : le traitement de vos données est limité (${plural(rows, 'enregistrement', 'enregistrements')}) le temps de vérifier s'il existe des motifs légitimes et impérieux (article 18, paragraphe 1, point d), du RGPD).`,
    notRestricted: (rows, activity, reasons) =>
      `${plural(rows, 'enregistrement n’est', 'enregistrements ne sont')} pas concerné${rows === 1 ? '' : 's'} : ce droit ne s’applique pas au traitement « ${activity} »${reasons === '' ? '' : ` (${reasons})`}.`,
    marketing: (added, erased) =>
      `Opposition à la prospection enregistrée (${plural(added, 'nouvel identifiant', 'nouveaux identifiants')} sur notre liste d'opposition) ; ${plural(erased, 'enregistrement effacé', 'enregistrements effacés')} de nos fichiers de prospection.`,
  },
  en: {
    notFound: 'We hold no data about you.',
    access: (rows, tables) =>
      `Copy of your data: ${plural(rows, 'record', 'records')} in ${plural(tables, 'file', 'files')}, as HTML (readable), JSON and CSV.`,
    portability: (rows, tables) =>
      `The data you provided, in a structured, commonly used and machine-readable format (JSON and CSV): ${plural(rows, 'record', 'records')} in ${plural(tables, 'file', 'files')}.`,
    portabilityExcluded: (tables) =>
      `${plural(tables, 'file is', 'files are')} outside portability (data you did not provide, or processing based neither on your consent nor on a contract).`,
    rectified: (columns, rows) =>
      `Data rectified (${columns.join(', ')}): ${plural(rows, 'record', 'records')} changed.`,
    restricted: (rows) =>
      `Processing restricted: your data is kept but no longer used (${plural(rows, 'record', 'records')}). We will tell you before the restriction is lifted.`,
    objectionPending: (rows) =>
      `Objection recorded: processing of your data is restricted (${plural(rows, 'record', 'records')}) while we verify whether compelling legitimate grounds exist (Article 18(1)(d) GDPR).`,
    notRestricted: (rows, activity, reasons) =>
      `${plural(rows, 'record is', 'records are')} not concerned: this right does not apply to “${activity}”${reasons === '' ? '' : ` (${reasons})`}.`,
    marketing: (added, erased) =>
      `Objection to direct marketing recorded (${plural(added, 'new identifier', 'new identifiers')} on our suppression list); ${plural(erased, 'record', 'records')} erased from our marketing files.`,
  },
};
