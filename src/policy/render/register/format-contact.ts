/**
 * One-line wording of addresses, contacts and legal entities for the register.
 */
import type { TAddress, TContact } from '../../model.ts';
import { labelOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { REGISTER_WORDS } from './register-words.ts';

/** Name of a country (ISO 3166 code) or of the EEA as a whole. */
export function countryName(taxonomy: Taxonomy, code: string, lang: Language): string {
  return code === 'EEA' ? REGISTER_WORDS[lang].eea : labelOf(taxonomy, 'countries', code, lang);
}

/** A postal address on one line: street, extra lines, postcode and city, country. */
export function formatAddress(address: TAddress, taxonomy: Taxonomy, lang: Language): string {
  return [
    address.street,
    ...(address.extra ?? []),
    `${address.postalCode} ${address.city}`,
    countryName(taxonomy, address.country, lang),
  ].join(', ');
}

/** Every contact point of a contact, on one line; '' when it has none. */
export function formatContact(contact: TContact | undefined, taxonomy: Taxonomy, lang: Language): string {
  if (contact === undefined) return '';
  const w = REGISTER_WORDS[lang];
  const parts: string[] = [];
  if (contact.name !== undefined) parts.push(contact.name);
  if (contact.organisation !== undefined) parts.push(contact.organisation);
  if (contact.address !== undefined) parts.push(formatAddress(contact.address, taxonomy, lang));
  if (contact.email !== undefined) parts.push(contact.email);
  if (contact.phone !== undefined) parts.push(`${w.phone} ${contact.phone}`);
  if (contact.fax !== undefined) parts.push(`${w.fax} ${contact.fax}`);
  if (contact.website !== undefined) parts.push(contact.website);
  if (contact.form !== undefined) parts.push(`${w.form}${w.colon}${contact.form}`);
  return parts.join(', ');
}

/** A legal entity: name, legal form, registration number, then its contact details. */
export function formatEntity(
  entity: {
    name: string;
    legalForm?: string | undefined;
    registration?: string | undefined;
    contact?: TContact | undefined;
  },
  taxonomy: Taxonomy,
  lang: Language,
): string {
  const name = [entity.name, entity.legalForm].filter((p) => p !== undefined).join(' ');
  const parts = [entity.registration === undefined ? name : `${name} (${entity.registration})`];
  const contact = formatContact(entity.contact, taxonomy, lang);
  if (contact !== '') parts.push(contact);
  return parts.join(', ');
}
