/**
 * Column-name hints: what a column's name says about its content, in English, French and Dutch.
 * A hint alone proposes a category with lower confidence; with matching values it confirms.
 */
export interface ColumnHint {
  readonly category: string;
  readonly pattern: RegExp;
}

/** Names that contain a hint word but are not about a person. */
const NOT_PERSONAL =
  /(company|societe|société|product|produit|file|fichier|event|table|host|server|template|domain)/i;

export const COLUMN_HINTS: readonly ColumnHint[] = [
  { category: 'email-address', pattern: /(^|_)(e_?mail|courriel|mail)(_|$)/i },
  { category: 'telephone-number', pattern: /(phone|(^|_)tel(_|$)|telephone|mobile|gsm|portable|fax)/i },
  { category: 'bank-account', pattern: /(iban|bank_?account|(^|_)rib(_|$)|rekening)/i },
  { category: 'bic', pattern: /(^|_)(bic|swift)(_|$)/i },
  { category: 'payment-card', pattern: /(card_?number|(^|_)pan(_|$)|carte_?bancaire|numero_?carte)/i },
  { category: 'ip-address', pattern: /((^|_)ip(_|$)|ip_?addr|ip_?address|adresse_?ip)/i },
  { category: 'date-of-birth', pattern: /(birth|naissance|(^|_)dob(_|$)|born|geboorte)/i },
  {
    category: 'name',
    pattern:
      /((^|_)(name|nom|naam)(_|$)|prenom|prénom|first_?name|last_?name|surname|full_?name|voornaam|achternaam)/i,
  },
  { category: 'postal-address', pattern: /(address|adresse|adres|street|(^|_)rue(_|$)|straat)/i },
  {
    category: 'national-id-number',
    pattern: /((^|_)nir(_|$)|ssn|secu|national_?(id|number)|rijksregister|registre_?national)/i,
  },
  { category: 'licence-plate', pattern: /(plate|immat|kenteken|nummerplaat)/i },
  { category: 'imei', pattern: /imei/i },
  { category: 'user-agent', pattern: /user_?agent/i },
  { category: 'cookie-identifier', pattern: /cookie/i },
  { category: 'call-recording', pattern: /(recording|enregistrement)/i },
];

/** The categories a column's name suggests (usually zero or one). */
export function hintsFor(columnName: string): string[] {
  if (NOT_PERSONAL.test(columnName)) return [];
  return COLUMN_HINTS.filter((hint) => hint.pattern.test(columnName)).map((hint) => hint.category);
}
