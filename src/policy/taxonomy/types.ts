/**
 * The built-in taxonomy: stable ids, French and English labels, W3C DPV 2.3 mappings.
 *
 * Each kind lives in one YAML file under `src/policy/taxonomy/data/<kind>.yaml`. An organisation
 * extends any kind from its own files (ids of its own entries start with `x-`).
 */
import { z } from 'zod';

/** The languages Registre renders documents in. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text given in one or more languages. */
export const ZLocalizedText = z.strictObject({
  fr: z.string().min(1).optional(),
  en: z.string().min(1).optional(),
});
export type TLocalizedText = z.infer<typeof ZLocalizedText>;

/**
 * A DPV term written as a CURIE. Prefixes: `dpv:` (https://w3id.org/dpv#), `pd:`
 * (https://w3id.org/dpv/pd#), `eu-gdpr:` (https://w3id.org/dpv/legal/eu/gdpr#), `eu:`
 * (https://w3id.org/dpv/legal/eu#), `loc:` (https://w3id.org/dpv/loc#).
 */
export const ZDpvCurie = z.string().regex(/^(dpv|pd|eu-gdpr|eu|loc):[A-Za-z0-9][A-Za-z0-9_-]*$/, {
  message: 'expected a DPV term such as "dpv:Customer" or "pd:EmailAddress"',
});

export const DPV_PREFIXES: Readonly<Record<string, string>> = {
  dpv: 'https://w3id.org/dpv#',
  pd: 'https://w3id.org/dpv/pd#',
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
  eu: 'https://w3id.org/dpv/legal/eu#',
  loc: 'https://w3id.org/dpv/loc#',
};

/** Ids are lower-case kebab-case; an organisation's own ids start with `x-`. */
export const ZTaxonomyId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
  message: 'expected a lower-case kebab-case id such as "email-address"',
});

const base = {
  id: ZTaxonomyId,
  label: z.strictObject({ fr: z.string().min(1), en: z.string().min(1) }),
  /** A one-sentence explanation, shown in notices where the label alone is not enough. */
  description: z.strictObject({ fr: z.string().min(1), en: z.string().min(1) }).optional(),
  /** DPV terms this entry maps to (at least one for built-in entries). */
  dpv: z.array(ZDpvCurie).default([]),
};

/** CNIL register model: the family a data category belongs to. */
export const CNIL_DATA_FAMILIES = [
  'identity',
  'personal-life',
  'professional-life',
  'economic-financial',
  'connection',
  'location',
  'internet',
  'other',
] as const;

/** CNIL register model: the family a security measure belongs to. */
export const CNIL_SECURITY_FAMILIES = [
  'access-control',
  'traceability',
  'software-protection',
  'backups',
  'encryption',
  'processor-control',
  'physical',
  'organisational',
  'other',
] as const;

export const ZDataCategory = z.strictObject({
  ...base,
  cnil: z.enum(CNIL_DATA_FAMILIES),
  /** Art 9 special category. */
  special: z.boolean().default(false),
  /** Art 10 criminal-offence data. */
  criminal: z.boolean().default(false),
  /** High-risk in practice though not Art 9 (national id number, bank data…): shown in the register. */
  sensitive: z.boolean().default(false),
});

export const ZSubjectCategory = z.strictObject({ ...base });
export const ZPurpose = z.strictObject({ ...base });

export const ZLegalBasis = z.strictObject({
  ...base,
  /** GDPR article, e.g. "6(1)(a)" or "9(2)(a)". */
  article: z.string().min(1),
  /** True for an Art 9(2) condition (lifting the ban on special categories). */
  art9: z.boolean().default(false),
  /** True when the basis is consent (Art 6(1)(a) or 9(2)(a)): withdrawal must be offered. */
  consent: z.boolean().default(false),
});

export const ZRight = z.strictObject({
  ...base,
  /** GDPR article (or national law reference), e.g. "15", "7(3)", "LIL art. 85". */
  article: z.string().min(1),
});

export const ZSecurityMeasure = z.strictObject({ ...base, cnil: z.enum(CNIL_SECURITY_FAMILIES) });

export const ZTriggerEvent = z.strictObject({ ...base });

/** A kind of taxonomy with no extra fields: sources, recipients, services, reasons… */
export const ZPlainEntry = z.strictObject({ ...base });

export const ZRecipient = z.strictObject({ ...base, scope: z.enum(['internal', 'external']) });

export const ZSafeguard = z.strictObject({
  ...base,
  /** False for a mechanism no longer valid (e.g. the EU–US Privacy Shield since July 2020). */
  valid: z.boolean(),
  /** True for the sentinel "not stated" (the policy names no safeguard). */
  unstated: z.boolean().default(false),
  /** GDPR article, e.g. "45", "46(2)(c)". */
  article: z.string().optional(),
});

export const ZLimitReason = z.strictObject({
  ...base,
  /** The Art 17(3) or 23 ground it rests on, when there is one, e.g. "17(3)(b)". */
  article: z.string().optional(),
});

export const ZAuthority = z.strictObject({
  ...base,
  country: z.string().regex(/^[A-Z]{2}$/),
  address: z.string().min(1),
  website: z.string().url(),
  complaintUrl: z.string().url().optional(),
  phone: z.string().optional(),
});

export const ZCountry = z.strictObject({
  /** ISO 3166-1 alpha-2 code, upper case. */
  id: z.string().regex(/^[A-Z]{2}$/),
  label: z.strictObject({ fr: z.string().min(1), en: z.string().min(1) }),
  dpv: z.array(ZDpvCurie).default([]),
  /** Member of the European Economic Area. */
  eea: z.boolean(),
  /** Covered by an Art 45 adequacy decision (for the USA: only DPF-certified organisations). */
  adequacy: z.enum(['none', 'full', 'partial']).default('none'),
});

/** Every kind of the taxonomy, with its YAML file name and entry schema. */
export const TAXONOMY_KINDS = {
  dataCategories: { file: 'data-categories.yaml', schema: ZDataCategory },
  subjectCategories: { file: 'subject-categories.yaml', schema: ZSubjectCategory },
  purposes: { file: 'purposes.yaml', schema: ZPurpose },
  legalBases: { file: 'legal-bases.yaml', schema: ZLegalBasis },
  rights: { file: 'rights.yaml', schema: ZRight },
  securityMeasures: { file: 'security-measures.yaml', schema: ZSecurityMeasure },
  triggerEvents: { file: 'trigger-events.yaml', schema: ZTriggerEvent },
  sources: { file: 'sources.yaml', schema: ZPlainEntry },
  recipients: { file: 'recipients.yaml', schema: ZRecipient },
  processorServices: { file: 'processor-services.yaml', schema: ZPlainEntry },
  limitReasons: { file: 'limit-reasons.yaml', schema: ZLimitReason },
  retentionReasons: { file: 'retention-reasons.yaml', schema: ZLimitReason },
  consequences: { file: 'consequences.yaml', schema: ZPlainEntry },
  exerciseConditions: { file: 'exercise-conditions.yaml', schema: ZPlainEntry },
  commitments: { file: 'commitments.yaml', schema: ZPlainEntry },
  safeguards: { file: 'safeguards.yaml', schema: ZSafeguard },
  authorities: { file: 'authorities.yaml', schema: ZAuthority },
  countries: { file: 'countries.yaml', schema: ZCountry },
} as const;

export type TaxonomyKind = keyof typeof TAXONOMY_KINDS;
export type TaxonomyEntry<K extends TaxonomyKind> = z.infer<(typeof TAXONOMY_KINDS)[K]['schema']>;
export type Taxonomy = { readonly [K in TaxonomyKind]: ReadonlyMap<string, TaxonomyEntry<K>> };
