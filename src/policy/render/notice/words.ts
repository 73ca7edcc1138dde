/** Shared wording helpers for the notice: dates, GDPR articles, addresses, contacts, label lists. */
import type { TAddress, TContact } from '../../model.ts';
import { labelOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy, TaxonomyKind } from '../../taxonomy/types.ts';
import { describeDuration } from '../retention-words.ts';
import { emailLink, type Field, type Inlines, link, phoneLink, urlLink } from './document.ts';

const MONTHS: Readonly<Record<Language, readonly string[]>> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** "14 mars 2025", "1er juin 2018" / "14 March 2025" from an ISO date. */
export function formatDate(iso: string, lang: Language): string {
  const [year, month, day] = iso.split('-').map(Number);
  const monthName = MONTHS[lang][(month ?? 1) - 1] ?? '';
  const dayText = lang === 'fr' && day === 1 ? '1er' : String(day);
  return `${dayText} ${monthName} ${year}`;
}

/** The label separator: "Label : valeur" in French, "Label: value" in English. */
export const colon = (lang: Language): string => (lang === 'fr' ? ' :' : ':');

/** Capitalise the first letter of a sentence. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A GDPR article in words: "6(1)(a)" → "article 6, paragraphe 1, point a), du RGPD" /
 * "Article 6(1)(a) GDPR"; "LIL art. 85" → the French Data Protection Act.
 */
export function articleRef(article: string, lang: Language): string {
  const lil = /^LIL art\.?\s*(\d+)$/.exec(article);
  if (lil !== null) {
    return lang === 'fr'
      ? `article ${lil[1]} de la loi Informatique et Libertés`
      : `Article ${lil[1]} of the French Data Protection Act`;
  }
  if (lang === 'en') return `Article ${article.replace('-', '–')} GDPR`;
  const match = /^(\d+)((?:\(\d+\))(?:-\(\d+\))?)?(?:\(([a-z])\))?$/.exec(article);
  if (match === null) return `article ${article} du RGPD`;
  const paragraphs = (match[2] ?? '').match(/\d+/g) ?? [];
  let text = `article ${match[1]}`;
  if (paragraphs.length === 1) text += `, paragraphe ${paragraphs[0]}`;
  if (paragraphs.length === 2) text += `, paragraphes ${paragraphs[0]} et ${paragraphs[1]}`;
  if (match[3] !== undefined) text += `, point ${match[3]})`;
  return `${text}${paragraphs.length > 0 || match[3] !== undefined ? ',' : ''} du RGPD`;
}

/** A country name, or the European Economic Area for `EEA`. */
export function countryName(taxonomy: Taxonomy, code: string, lang: Language): string {
  if (code === 'EEA') return lang === 'fr' ? 'Espace économique européen' : 'European Economic Area';
  return labelOf(taxonomy, 'countries', code, lang);
}

/** True when data stays in the EEA in that country. */
export function isInEea(taxonomy: Taxonomy, code: string): boolean {
  return code === 'EEA' || taxonomy.countries.get(code)?.eea === true;
}

/** An address on one line: "10 rue de la Paix, 75002 Paris, France". */
export function addressText(address: TAddress, taxonomy: Taxonomy, lang: Language): string {
  return [
    address.street,
    ...(address.extra ?? []),
    `${address.postalCode} ${address.city}`,
    countryName(taxonomy, address.country, lang),
  ].join(', ');
}

/** Labels of taxonomy ids in a language, in the given order. */
export function labelsOf(
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  ids: readonly string[],
  lang: Language,
): string[] {
  return ids.map((id) => labelOf(taxonomy, kind, id, lang));
}

const CONTACT_LABELS = {
  fr: {
    name: 'Nom',
    organisation: 'Organisme',
    address: 'Adresse',
    email: 'E-mail',
    phone: 'Téléphone',
    fax: 'Télécopie',
    website: 'Site web',
    form: 'Formulaire',
  },
  en: {
    name: 'Name',
    organisation: 'Organisation',
    address: 'Address',
    email: 'E-mail',
    phone: 'Phone',
    fax: 'Fax',
    website: 'Website',
    form: 'Form',
  },
} as const;

/** The fields of a contact, in a fixed order, each one present only when given. */
export function contactFields(contact: TContact, taxonomy: Taxonomy, lang: Language): Field[] {
  const l = CONTACT_LABELS[lang];
  const out: Field[] = [];
  const add = (label: string, value: Inlines | undefined): void => {
    if (value !== undefined) out.push({ label, values: [value] });
  };
  add(l.name, contact.name === undefined ? undefined : [contact.name]);
  add(l.organisation, contact.organisation === undefined ? undefined : [contact.organisation]);
  add(l.address, contact.address === undefined ? undefined : [addressText(contact.address, taxonomy, lang)]);
  add(l.email, contact.email === undefined ? undefined : [emailLink(contact.email)]);
  add(l.phone, contact.phone === undefined ? undefined : [phoneLink(contact.phone)]);
  add(l.fax, contact.fax === undefined ? undefined : [contact.fax]);
  add(l.website, contact.website === undefined ? undefined : [urlLink(contact.website)]);
  add(l.form, contact.form === undefined ? undefined : [link(contact.form, contact.form)]);
  return out;
}

/** An infinitive after "de", elided before a vowel: "de cliquer", "d'envoyer". */
export function withDe(infinitive: string): string {
  return /^[aeiouyéèêàâîôûh]/i.test(infinitive) ? `d'${infinitive}` : `de ${infinitive}`;
}

/** How to do something, as alternatives: "de cliquer … ou d'envoyer …" / "click … or send …". */
export function alternatives(infinitives: readonly string[], lang: Language): string {
  return lang === 'fr' ? infinitives.map(withDe).join(' ou ') : infinitives.join(' or ');
}

/** "d'un mois", "de 30 jours" / "one month", "30 days": a time limit after "within". */
export function timeLimit(iso: string, lang: Language): string {
  const words = describeDuration(iso, lang);
  if (lang === 'en') return words === '1 month' ? 'one month' : words;
  return words.startsWith('1 ')
    ? `d'un${words.endsWith('semaine') || words.endsWith('heure') ? 'e' : ''} ${words.slice(2)}`
    : `de ${words}`;
}
