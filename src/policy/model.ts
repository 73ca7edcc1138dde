/**
 * The policy model: what an organisation writes once, as YAML, and everything else derives from.
 *
 * Every object is strict (an unknown key is an error: a typo must not pass silently). Values
 * that name a taxonomy entry are plain ids here; {@link checkReferences} (cross-reference
 * check) verifies them against the built-in taxonomy plus the organisation's extensions.
 *
 * Naming: `Z…` is a Zod schema, `T…` its inferred type.
 */
import { z } from 'zod';
import { ZDpvCurie, ZLocalizedText, ZTaxonomyId } from './taxonomy/types.ts';

export { ZLocalizedText } from './taxonomy/types.ts';

/** ISO 8601 duration in calendar units: `P3Y`, `P13M`, `P4W`, `P30D`, `P1Y6M`, `P0D`; hours with `PT72H`. */
export const ZIsoDuration = z.string().regex(/^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?)?$/, {
  message: 'expected an ISO 8601 duration such as "P3Y", "P13M", "P4W", "P30D" or "PT72H"',
});

export const ZCountryCode = z.string().regex(/^[A-Z]{2}$/, {
  message: 'expected an ISO 3166-1 alpha-2 country code in upper case, such as "FR"',
});

export const ZAddress = z.strictObject({
  /** Street and number, as written on letters. */
  street: z.string().min(1),
  /** Further lines: building, BP/CS/TSA box, "Cedex" line. */
  extra: z.array(z.string().min(1)).optional(),
  postalCode: z.string().min(1),
  city: z.string().min(1),
  country: ZCountryCode,
});
export type TAddress = z.infer<typeof ZAddress>;

export const ZContact = z.strictObject({
  name: z.string().min(1).optional(),
  organisation: z.string().min(1).optional(),
  email: z.email().optional(),
  phone: z.string().min(1).optional(),
  fax: z.string().min(1).optional(),
  website: z.url().optional(),
  /** A web form for requests or complaints. */
  form: z.url().optional(),
  address: ZAddress.optional(),
});
export type TContact = z.infer<typeof ZContact>;

/** A legal entity that takes part in processing (group company, joint controller, representative). */
export const ZEntity = z.strictObject({
  name: z.string().min(1),
  legalForm: z.string().min(1).optional(),
  /** Company registration number (SIREN, BCE/KBO number…). */
  registration: z.string().min(1).optional(),
  contact: ZContact.optional(),
});

export const ZOrganisation = z.strictObject({
  /** Stable id of the organisation, lower-case kebab-case. */
  id: ZTaxonomyId,
  name: z.string().min(1),
  legalForm: z.string().min(1).optional(),
  registration: z.string().min(1).optional(),
  /** Trade names and products the policy covers (e.g. "Wimi", "Wimi Armoured"). */
  brands: z.array(z.string().min(1)).optional(),
  /** Websites the policy covers. */
  websites: z.array(z.url()).optional(),
  /** Main contact point (head office); at least an address. */
  contact: ZContact,
  /** The group the controller belongs to, when the policy names it. */
  group: ZEntity.optional(),
  jointControllers: z.array(ZEntity).optional(),
  /** Art 27 representative (for controllers outside the EU). */
  representative: ZEntity.optional(),
  /** Data protection officer; omit only when none is designated. */
  dpo: ZContact.optional(),
  /** Competent supervisory authority (taxonomy `authorities`). */
  supervisoryAuthority: ZTaxonomyId,
  /** Languages the notice is published in; every localized text must exist in each. */
  languages: z.array(z.enum(['fr', 'en'])).min(1),
  /** Minimum age of users, when the policy sets one. */
  minimumAge: z.number().int().min(0).max(25).optional(),
  /** Roles in which the organisation acts across the activities of this policy. */
  roles: z.array(z.enum(['controller', 'processor'])).min(1),
  /** Headcount band, for the Art 30(5) exemption test. */
  staff: z.enum(['under-250', '250-or-more']).optional(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

export const ZPolicyMeta = z.strictObject({
  /** Version label as the organisation publishes it. */
  version: z.string().min(1),
  /** Date of this version (ISO date); the check warns when the policy states none. */
  date: z.iso.date().optional(),
  title: ZLocalizedText.optional(),
  url: z.url().optional(),
  /** How the organisation informs people of a new version (taxonomy `commitments` style ids). */
  changeNotification: z.array(ZTaxonomyId).optional(),
});

/** A phase during which data is kept in an intermediate archive before its end action. */
export const ZArchivePhase = z.strictObject({
  /** How long the archive phase lasts. */
  duration: ZIsoDuration,
  /**
   * Where the archive duration is counted from: `active-end` (the end of the active phase, the
   * default) or `trigger` (the rule's trigger event, e.g. "until 5 years after the end of contract").
   */
  from: z.enum(['active-end', 'trigger']).default('active-end'),
  /** A different trigger event for the archive phase (e.g. bank data: the debit date). */
  trigger: ZTaxonomyId.optional(),
  /** Why the data is archived (taxonomy `retentionReasons`). */
  reason: ZTaxonomyId,
  /** "At most": the policy states a maximum, not a fixed term. */
  maximum: z.boolean().optional(),
});

export const ZLegalHold = z.strictObject({
  /** Why the data is kept regardless of the end action (taxonomy `retentionReasons`). */
  reason: ZTaxonomyId,
  /** The statute, article or decision that imposes it, e.g. "Code de commerce L.123-22". */
  reference: z.string().min(1).optional(),
  /** How long the hold lasts from the rule's trigger. */
  duration: ZIsoDuration.optional(),
});

export const ZRetentionRule = z.strictObject({
  /** Stable id within the policy, used by the data map and the engine. */
  id: ZTaxonomyId,
  /** What the policy calls this data, as it says it ("Données de base des clients…"). */
  label: ZLocalizedText,
  /** Data categories the rule covers (taxonomy `dataCategories`). */
  data: z.array(ZTaxonomyId).min(1),
  /** Subject categories the rule covers; all of the activity's when omitted. */
  subjects: z.array(ZTaxonomyId).optional(),
  /** The event the clock starts from (taxonomy `triggerEvents`). */
  trigger: ZTaxonomyId,
  /**
   * Active-phase duration after the trigger. `P0D` means "until the trigger event" (until consent
   * is withdrawn, until the account is deleted, for the duration of the contract…).
   */
  duration: ZIsoDuration,
  /** The policy states a maximum ("at most 6 months"), not a fixed term. */
  maximum: z.boolean().optional(),
  /** Events that end retention earlier, whichever comes first ("3 years or until you ask us to delete"). */
  endsEarlierOn: z.array(ZTaxonomyId).optional(),
  /** Intermediate archive phase before the end action. */
  archive: ZArchivePhase.optional(),
  /** What happens at the end: delete, anonymise, or return to the controller then delete. */
  endAction: z.enum(['delete', 'anonymise', 'return-and-delete']),
  /** Legal holds that keep the data regardless of the end action. */
  legalHolds: z.array(ZLegalHold).optional(),
  /**
   * Before the end action the organisation may ask the subject once more (CNIL prospects rule:
   * "at the end, one more request may be made").
   */
  renewalRequest: z.boolean().optional(),
  /** The data is kept beyond the trigger only with the subject's express consent to this purpose. */
  longerWithConsent: z.boolean().optional(),
});
export type TRetentionRule = z.infer<typeof ZRetentionRule>;

export const ZLegalBasisUse = z.strictObject({
  /** Art 6(1) basis (taxonomy `legalBases`), or `not-stated` when the policy gives none. */
  basis: ZTaxonomyId,
  /** Art 9(2) condition when special-category data is processed. */
  art9: ZTaxonomyId.optional(),
  /** For legitimate interest: the interest pursued. */
  interest: ZLocalizedText.optional(),
  /** For legitimate interest: a balancing test was carried out. */
  balancingTest: z.boolean().optional(),
  /** For consent: how it is withdrawn (taxonomy `exerciseConditions`-style channel ids). */
  withdrawal: z.array(ZTaxonomyId).optional(),
  /** The purposes of the activity this basis covers; all when omitted. */
  purposes: z.array(ZTaxonomyId).optional(),
});

export const ZDataItem = z.strictObject({
  /** Taxonomy `dataCategories` id. */
  category: ZTaxonomyId,
  /** Whether providing it is required (true) or optional (false); unstated when omitted. */
  mandatory: z.boolean().optional(),
  /** Where it comes from (taxonomy `sources`); the activity's sources when omitted. */
  sources: z.array(ZTaxonomyId).optional(),
  /** Provided by the subject (Art 20 portability scope); defaults from the source. */
  providedBySubject: z.boolean().optional(),
});

export const ZAutomatedDecisions = z.strictObject({
  /** Decisions based solely on automated processing with legal or similar effects (Art 22). */
  automatedDecisionMaking: z.boolean(),
  profiling: z.boolean(),
  /** Purposes of the profiling (taxonomy `purposes`). */
  profilingPurposes: z.array(ZTaxonomyId).optional(),
  /** Legal basis of the profiling (taxonomy `legalBases`), e.g. explicit consent. */
  legalBasis: ZTaxonomyId.optional(),
  /** Meaningful information about the logic involved. */
  logic: ZLocalizedText.optional(),
});

/** Availability of one right: available (possibly with limits) or refused with a reason. */
export const ZRightStatement = z.strictObject({
  available: z.boolean(),
  /** Why the right is refused or limited (taxonomy `limitReasons`); required when not available. */
  reasons: z.array(ZTaxonomyId).optional(),
  /** Conditions to exercise it (taxonomy `exerciseConditions`): id copy, written request… */
  conditions: z.array(ZTaxonomyId).optional(),
  /** Free explanation as the policy words it (the structured fields above carry the rule). */
  note: ZLocalizedText.optional(),
});
export type TRightStatement = z.infer<typeof ZRightStatement>;

/** Per-right statements keyed by taxonomy `rights` id (access, erasure, restriction…). */
export const ZRights = z.record(ZTaxonomyId, ZRightStatement);

export const ZActivity = z.strictObject({
  id: ZTaxonomyId,
  name: ZLocalizedText,
  description: ZLocalizedText.optional(),
  /** `controller` (Art 30(1) record) or `processor` on behalf of other controllers (Art 30(2)). */
  role: z.enum(['controller', 'processor']),
  /** For processor activities: the controllers it acts for (e.g. "each customer under its DPA"). */
  controllers: z.array(z.strictObject({ name: ZLocalizedText, contact: ZContact.optional() })).optional(),
  /** Purposes (taxonomy `purposes`). */
  purposes: z.array(ZTaxonomyId).min(1),
  /** Purposes as the policy details them, when more specific than the taxonomy labels. */
  purposeDetails: z.array(ZLocalizedText).optional(),
  /** Legal bases; required for controller activities. */
  legalBases: z.array(ZLegalBasisUse).optional(),
  subjects: z.array(ZTaxonomyId).min(1),
  data: z.array(ZDataItem).min(1),
  /** Where the data comes from (taxonomy `sources`). */
  sources: z.array(ZTaxonomyId).min(1),
  /** What happens when mandatory data is not provided (taxonomy `consequences`). */
  consequenceOfNotProviding: ZTaxonomyId.optional(),
  /** How mandatory fields are shown on forms (taxonomy `exerciseConditions`-style id, e.g. `asterisk`). */
  mandatoryIndicator: ZTaxonomyId.optional(),
  recipients: z
    .strictObject({
      /** Internal recipients (taxonomy `recipients` with scope internal). */
      internal: z.array(ZTaxonomyId).default([]),
      /** External recipients other than processors (taxonomy `recipients` with scope external). */
      external: z.array(ZTaxonomyId).default([]),
    })
    .optional(),
  /** Processors and sub-processors used (ids from the policy's `processors`). */
  processors: z.array(ZTaxonomyId).default([]),
  /** Retention rules (at least one; the check warns when none). */
  retention: z.array(ZRetentionRule).default([]),
  /** Security measures specific to this activity, on top of the organisation's. */
  security: z.array(ZTaxonomyId).optional(),
  automatedDecisions: ZAutomatedDecisions.optional(),
  /** Rights that differ for this activity from the policy-wide statement. */
  rights: ZRights.optional(),
  /** The software or service that carries the processing (CNIL model). */
  software: z.array(z.string().min(1)).optional(),
  /** Creation and update dates of the register entry (CNIL model). */
  createdOn: z.iso.date().optional(),
  updatedOn: z.iso.date().optional(),
});
export type TActivity = z.infer<typeof ZActivity>;

export const ZTransfer = z.strictObject({
  country: ZCountryCode,
  /** Safeguards the transfer relies on (taxonomy `safeguards`); `not-stated` when the policy names none. */
  safeguards: z.array(ZTaxonomyId).min(1),
  /** Who performs the transfer when it is not the processor itself (e.g. its own provider). */
  by: z.string().min(1).optional(),
});

export const ZProcessor = z.strictObject({
  id: ZTaxonomyId,
  name: z.string().min(1),
  /** Legal entity that contracts, when different from the trade name. */
  entity: z.string().min(1).optional(),
  /** Registered address; the country is required even when the policy gives no street. */
  address: ZAddress.optional(),
  /** Where the processor processes the data (ISO 3166 alpha-2), or `EEA` when only "in the EEA". */
  country: z.union([ZCountryCode, z.literal('EEA')]),
  /** `processor` for the organisation's own processors, `sub-processor` when it acts as processor. */
  role: z.enum(['processor', 'sub-processor']),
  /** What the processor does (taxonomy `processorServices`). */
  services: z.array(ZTaxonomyId).min(1),
  /** The purpose of use as the policy words it. */
  serviceDetails: ZLocalizedText.optional(),
  /** Transfers outside the EEA, with their safeguards. */
  transfers: z.array(ZTransfer).default([]),
  /** A confidentiality or Art 28 contract binds the processor. */
  contract: z.boolean().optional(),
  /** Certifications the policy names (e.g. ISO/IEC 27001). */
  certifications: z.array(z.string().min(1)).optional(),
});
export type TProcessor = z.infer<typeof ZProcessor>;

export const ZSecurityMeasureUse = z.strictObject({
  /** Taxonomy `securityMeasures` id. */
  measure: ZTaxonomyId,
  /** False when the policy states the measure is not applied (e.g. "no pseudonymisation"). */
  applied: z.boolean().default(true),
  /** Processor that provides it, if any (id from `processors`). */
  providedBy: ZTaxonomyId.optional(),
  details: ZLocalizedText.optional(),
});

export const ZExerciseChannel = z.strictObject({
  kind: z.enum(['email', 'postal', 'web-form', 'phone', 'privacy-center']),
  /** E-mail address, URL or phone number for non-postal channels. */
  value: z.string().min(1).optional(),
  address: ZAddress.optional(),
});

export const ZRightsSection = z.strictObject({
  /** Policy-wide statement per right (taxonomy `rights` ids). */
  statements: ZRights,
  /** How to exercise the rights. */
  channels: z.array(ZExerciseChannel).min(1),
  /** Identity verification and other conditions (taxonomy `exerciseConditions`). */
  conditions: z.array(ZTaxonomyId).optional(),
  /** Time to answer promised by the policy; Art 12(3) one month when omitted. */
  responseTime: ZIsoDuration.optional(),
  /** Extension the policy reserves (Art 12(3): up to two further months). */
  extension: ZIsoDuration.optional(),
  /** Fees: `free`, further copies charged, excessive requests charged or refused. */
  fees: z
    .strictObject({
      additionalCopies: z.enum(['free', 'reasonable-fee']).optional(),
      manifestlyUnfoundedOrExcessive: z.enum(['refuse', 'reasonable-fee', 'refuse-or-fee']).optional(),
    })
    .optional(),
  /** French post-mortem directives (Loi Informatique et Libertés art. 85). */
  postMortem: z
    .strictObject({
      available: z.boolean(),
      channels: z.array(ZExerciseChannel).optional(),
      conditions: z.array(ZTaxonomyId).optional(),
    })
    .optional(),
  /** Where to complain: the authority (taxonomy `authorities`) and the contact the policy gives. */
  complaint: z.strictObject({
    authority: ZTaxonomyId,
    contact: ZContact.optional(),
    /** The policy asks the subject to contact the controller first. */
    contactControllerFirst: z.boolean().optional(),
  }),
});

export const ZBreachCommitments = z.strictObject({
  /** Notify the supervisory authority (Art 33); the authority is the organisation's when omitted. */
  notifyAuthority: z.strictObject({
    within: ZIsoDuration.default('PT72H'),
    authority: ZTaxonomyId.optional(),
  }),
  /** Inform subjects (Art 34): when, and what the message carries. */
  notifySubjects: z
    .strictObject({
      when: z.enum(['high-risk', 'high-risk-unless-protected', 'possible-harm', 'always']),
      timing: z.enum(['without-undue-delay', 'immediately']).default('without-undue-delay'),
      content: z.array(z.enum(['nature', 'consequences', 'measures', 'recommendations', 'contact'])).min(1),
    })
    .optional(),
  /** As a processor: inform the controller without undue delay (Art 33(2)). */
  notifyControllerAsProcessor: z.boolean().optional(),
  /** Every breach is documented, notified or not (Art 33(5)); always true in Registre. */
  documentAll: z.literal(true).default(true),
});

export const ZCookieCategory = z.strictObject({
  id: ZTaxonomyId,
  label: ZLocalizedText,
  /** Needs consent (everything but strictly necessary trackers). */
  consent: z.boolean(),
  purposes: z.array(ZTaxonomyId).min(1),
  /** Processors that set or read these cookies (ids from `processors`). */
  providers: z.array(ZTaxonomyId).optional(),
  /** Tracker lifetime (CNIL: 13 months at most, not extended on each visit). */
  lifetime: ZIsoDuration,
  /** Retention of the data the trackers collect (CNIL: audience data 25 months at most). */
  dataRetention: ZIsoDuration.optional(),
});

export const ZCookies = z.strictObject({
  used: z.boolean(),
  policyUrl: z.url().optional(),
  categories: z.array(ZCookieCategory).default([]),
  /** How consent is withdrawn (taxonomy `exerciseConditions`-style ids, e.g. `delete-cookies`). */
  withdrawal: z.array(ZTaxonomyId).optional(),
});

/** Organisation-defined taxonomy entries, inline; or files listed in `taxonomyFiles`. */
export const ZTaxonomyExtension = z.record(z.string(), z.array(z.unknown()));

export const ZPolicy = z.strictObject({
  /** Policy-file format version. */
  registre: z.literal(1),
  organisation: ZOrganisation,
  policy: ZPolicyMeta,
  /** YAML files (relative to this file) that extend the taxonomy. */
  taxonomyFiles: z.array(z.string().min(1)).optional(),
  /** Inline taxonomy extensions, keyed by kind (`dataCategories`, `purposes`…). */
  taxonomy: ZTaxonomyExtension.optional(),
  processors: z.array(ZProcessor).default([]),
  activities: z.array(ZActivity).min(1),
  /** Organisation-wide security measures (Art 32). */
  security: z.array(ZSecurityMeasureUse).default([]),
  /** Certifications held (e.g. ISO/IEC 27001). */
  certifications: z.array(z.string().min(1)).optional(),
  rights: ZRightsSection,
  breach: ZBreachCommitments,
  cookies: ZCookies.optional(),
  /** Other commitments the policy makes (taxonomy `commitments`). */
  commitments: z.array(ZTaxonomyId).default([]),
  /** DPV terms the organisation wants attached to itself in exports (rarely needed). */
  dpv: z.array(ZDpvCurie).optional(),
});
export type TPolicy = z.infer<typeof ZPolicy>;
export type TPolicyInput = z.input<typeof ZPolicy>;
