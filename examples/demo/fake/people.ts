/**
 * People, companies and places for the demo: French and Belgian first and last names, e-mail
 * addresses derived from names, postal addresses with plausible streets and postcodes.
 *
 * E-mail domains are under the reserved `.example` top-level domain (RFC 2606): the demo data
 * looks real but can never reach a real mailbox.
 */
import type { Rng } from './prng.ts';

export type Country = 'FR' | 'BE';
export type Sex = 1 | 2;

const FR_MALE = (
  'Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Daniel François David Laurent Frédéric ' +
  'Stéphane Éric Julien Thomas Sébastien Olivier Bernard Christian Claude Jacques Louis Paul Hugo Lucas ' +
  'Gabriel Raphaël Arthur Jules Adam Léo Nathan Antoine Maxime Alexandre Vincent Guillaume Romain Mathieu ' +
  'Benoît Jérôme Yves Marc Henri André Théo Bastien Cédric Damien Fabrice Grégoire Karim Mehdi Yanis'
).split(' ');
const FR_FEMALE = (
  'Marie Nathalie Isabelle Sylvie Catherine Sophie Sandrine Valérie Céline Anne Martine Christine Monique ' +
  'Françoise Aurélie Émilie Pauline Marion Laura Mathilde Charlotte Inès Jade Louise Alice Léa Emma Chloé ' +
  'Manon Camille Sarah Julie Hélène Agnès Margaux Clémence Élodie Lucie Anaïs Amandine Océane Justine ' +
  'Nadia Samia Yasmina Bérénice Solène Gaëlle Maëlle Coralie Delphine Géraldine Virginie'
).split(' ');
const BE_MALE = (
  'Jan Pieter Wim Koen Bart Tom Dirk Geert Peter Hans Luc Kristof Jeroen Stijn Ruben Lars Noah Arne Bram ' +
  'Maarten Thibault Quentin Gilles Arnaud Benoît Cédric Grégory Michaël Olivier Xavier Laurent Jérémy'
).split(' ');
const BE_FEMALE = (
  'Els An Lotte Lien Sofie Nele Annelies Ann Marleen Mila Olivia Elise Hanne Eline Fien Katrien Veerle ' +
  'Joke Inge Griet Amélie Aurore Caroline Florence Gaëlle Justine Laurence Marie Noémie Pascale Séverine'
).split(' ');
const FR_LAST = (
  'Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux ' +
  'David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre ' +
  'Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin ' +
  'Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire ' +
  'Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud ' +
  'Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine ' +
  'Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq ' +
  'Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert Berger Carpentier Sanchez Benali Haddad Nguyen'
).split(' ');
const BE_LAST = (
  'Peeters Janssens Maes Jacobs Mertens Willems Claes Goossens Wouters De_Smet Dubois Lambert Dupont ' +
  'Martin Hermans Vermeulen Pauwels Van_den_Broeck Michiels Desmet Declercq Leclercq Wuyts Van_Damme ' +
  'Verstraete Vandenberghe Renard Lejeune Simon Laurent Denis Lemaire Collignon Fontaine Jacquet ' +
  'Van_de_Velde Stevens Baert De_Backer Verhoeven Cools Segers Smets Coppens Lenaerts Bogaert Aerts'
)
  .split(' ')
  .map((name) => name.replace(/_/g, ' '));

/** A person's first and last names, sex and country. */
export interface Person {
  readonly firstName: string;
  readonly lastName: string;
  readonly sex: Sex;
  readonly country: Country;
}

/** A French (about 70 %) or Belgian person with a plausible name. */
export function person(rng: Rng, country: Country = rng.chance(0.7) ? 'FR' : 'BE'): Person {
  const sex: Sex = rng.chance(0.5) ? 1 : 2;
  const first = country === 'FR' ? (sex === 1 ? FR_MALE : FR_FEMALE) : sex === 1 ? BE_MALE : BE_FEMALE;
  return {
    firstName: rng.pick(first),
    lastName: rng.pick(country === 'FR' || rng.chance(0.2) ? FR_LAST : BE_LAST),
    sex,
    country,
  };
}

/** Lower-case ASCII slug of a name: "Hélène Van den Broeck" → "helene-van-den-broeck". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const PERSONAL_DOMAINS: Readonly<Record<Country, readonly string[]>> = {
  FR: [
    'orange.example',
    'free.example',
    'laposte.example',
    'sfr.example',
    'gmail.example',
    'outlook.example',
  ],
  BE: ['skynet.example', 'telenet.example', 'proximus.example', 'gmail.example', 'hotmail.example'],
};

/** A personal e-mail derived from the name ("marie.dupont42@orange.example"). */
export function personalEmail(rng: Rng, p: Person): string {
  const first = slug(p.firstName).replace(/-/g, '');
  const last = slug(p.lastName).replace(/-/g, '');
  const style = rng.int(4);
  const local =
    style === 0
      ? `${first}.${last}`
      : style === 1
        ? `${first[0] ?? 'x'}${last}`
        : style === 2
          ? `${first}.${last}${rng.between(1, 99)}`
          : `${last}.${first}`;
  return `${local}@${rng.pick(PERSONAL_DOMAINS[p.country])}`;
}

/** A work e-mail at the company's domain ("m.dupont@boulangerie-martin.example"). */
export function workEmail(rng: Rng, p: Person, companyDomain: string): string {
  const first = slug(p.firstName).replace(/-/g, '');
  const last = slug(p.lastName).replace(/-/g, '');
  const local = rng.chance(0.6) ? `${first}.${last}` : `${first[0] ?? 'x'}.${last}`;
  return `${local}@${companyDomain}`;
}

const COMPANY_KINDS = [
  'Boulangerie',
  'Transports',
  'Menuiserie',
  'Cabinet',
  'Garage',
  'Imprimerie',
  'Pharmacie',
  'Plomberie',
  'Librairie',
  'Brasserie',
  'Atelier',
  'Fromagerie',
  'Électricité',
  'Conseil',
  'Informatique',
  'Architecture',
];
const COMPANY_FORMS: Readonly<Record<Country, readonly string[]>> = {
  FR: ['SARL', 'SAS', 'SASU', 'EURL', 'SA'],
  BE: ['SRL', 'SA', 'BV', 'NV', 'SC'],
};

/** A small-business customer name with its legal form and a web domain. */
export function company(rng: Rng, country: Country): { name: string; domain: string } {
  const owner = rng.pick(country === 'FR' ? FR_LAST : BE_LAST);
  const kind = rng.pick(COMPANY_KINDS);
  const base = rng.chance(0.5) ? `${kind} ${owner}` : `${owner} ${kind}`;
  return { name: `${base} ${rng.pick(COMPANY_FORMS[country])}`, domain: `${slug(base)}.example` };
}

interface City {
  readonly city: string;
  readonly postcodes: readonly string[];
  /** NIR department of birth for people born there (France only). */
  readonly department?: string;
}

const FR_CITIES: readonly City[] = [
  {
    city: 'Lyon',
    postcodes: ['69001', '69002', '69003', '69004', '69006', '69007', '69008'],
    department: '69',
  },
  { city: 'Villeurbanne', postcodes: ['69100'], department: '69' },
  {
    city: 'Paris',
    postcodes: ['75003', '75008', '75011', '75012', '75015', '75017', '75020'],
    department: '75',
  },
  { city: 'Marseille', postcodes: ['13001', '13006', '13008', '13013'], department: '13' },
  { city: 'Lille', postcodes: ['59000', '59800'], department: '59' },
  { city: 'Bordeaux', postcodes: ['33000', '33800'], department: '33' },
  { city: 'Toulouse', postcodes: ['31000', '31400'], department: '31' },
  { city: 'Nantes', postcodes: ['44000', '44300'], department: '44' },
  { city: 'Grenoble', postcodes: ['38000', '38100'], department: '38' },
  { city: 'Saint-Étienne', postcodes: ['42000', '42100'], department: '42' },
  { city: 'Annecy', postcodes: ['74000'], department: '74' },
  { city: 'Dijon', postcodes: ['21000'], department: '21' },
  { city: 'Strasbourg', postcodes: ['67000', '67100'], department: '67' },
  { city: 'Rennes', postcodes: ['35000', '35200'], department: '35' },
  { city: 'Ajaccio', postcodes: ['20000', '20090'], department: '2A' },
  { city: 'Bastia', postcodes: ['20200', '20600'], department: '2B' },
];
const BE_CITIES: readonly City[] = [
  { city: 'Bruxelles', postcodes: ['1000'] },
  { city: 'Ixelles', postcodes: ['1050'] },
  { city: 'Schaerbeek', postcodes: ['1030'] },
  { city: 'Uccle', postcodes: ['1180'] },
  { city: 'Anderlecht', postcodes: ['1070'] },
  { city: 'Liège', postcodes: ['4000', '4020'] },
  { city: 'Namur', postcodes: ['5000'] },
  { city: 'Charleroi', postcodes: ['6000'] },
  { city: 'Mons', postcodes: ['7000'] },
  { city: 'Gent', postcodes: ['9000'] },
  { city: 'Antwerpen', postcodes: ['2000', '2018'] },
  { city: 'Leuven', postcodes: ['3000'] },
  { city: 'Brugge', postcodes: ['8000'] },
];

const FR_STREETS = [
  'rue Victor Hugo',
  'rue de la République',
  'avenue Jean Jaurès',
  'boulevard des Belges',
  'rue Garibaldi',
  'cours Lafayette',
  'rue Paul Bert',
  'place Bellecour',
  'rue des Lilas',
  'chemin des Vignes',
  'allée des Tilleuls',
  'rue du Moulin',
  'impasse des Acacias',
  'quai Saint-Vincent',
  'route de Genas',
  'avenue Berthelot',
  'rue Mercière',
  'boulevard de la Croix-Rousse',
];
const BE_STREETS_FR = [
  'Rue de la Loi',
  'Avenue Louise',
  'Chaussée de Waterloo',
  "Rue de l'Église",
  'Boulevard Anspach',
  'Rue Neuve',
  'Avenue de Tervueren',
  'Place Flagey',
];
const BE_STREETS_NL = [
  'Kerkstraat',
  'Stationsstraat',
  'Dorpstraat',
  'Molenstraat',
  'Schoolstraat',
  'Nieuwstraat',
  'Kapellelaan',
  'Brusselsesteenweg',
];

/** A postal address: street line, postcode, city and the NIR department for people born there. */
export interface PostalAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly department: string;
}

/** A postal address in the person's country, written the local way. */
export function postalAddress(rng: Rng, country: Country): PostalAddress {
  const city = rng.pick(country === 'FR' ? FR_CITIES : BE_CITIES);
  const number = rng.between(1, 180);
  let street: string;
  if (country === 'FR') {
    const suffix = rng.chance(0.08) ? rng.pick([' bis', ' ter']) : '';
    street = `${number}${suffix} ${rng.pick(FR_STREETS)}`;
  } else {
    const flemish = ['Gent', 'Antwerpen', 'Leuven', 'Brugge'].includes(city.city);
    street = `${rng.pick(flemish ? BE_STREETS_NL : BE_STREETS_FR)} ${number}`;
  }
  return {
    street,
    postalCode: rng.pick(city.postcodes),
    city: city.city,
    department: city.department ?? '99',
  };
}

/** A French department of birth for a NIR (mostly mainland, a few Corsican). */
export function birthDepartment(rng: Rng): string {
  return rng.pick(['69', '69', '75', '13', '38', '42', '01', '74', '59', '33', '31', '2A', '2B', '63']);
}

const JOB_TITLES = [
  'Gérant',
  'Gérante',
  'Comptable',
  'Responsable administratif et financier',
  'Directrice financière',
  'Assistant de direction',
  'Chargée de recouvrement',
  'Office manager',
  'Expert-comptable',
  'Responsable facturation',
];

/** A job title of a customer contact (billing, finance or management). */
export function jobTitle(rng: Rng): string {
  return rng.pick(JOB_TITLES);
}
