/** Shared shapes of the consent ledger: statuses, ledger facts and the answer to "may I process?". */
import { z } from 'zod';

/** What a subject did, as stored in the ledger. */
export const CONSENT_ACTIONS = ['given', 'withdrawn', 'refused'] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** Consent statuses in W3C DPV terms (expiry is derived at read time, never stored). */
export const ZConsentStatus = z.enum([
  'ConsentGiven',
  'ConsentWithdrawn',
  'ConsentRefused',
  'ConsentExpired',
]);
export type TConsentStatus = z.infer<typeof ZConsentStatus>;

export const DPV_STATUS_OF: Readonly<Record<ConsentAction, TConsentStatus>> = {
  given: 'ConsentGiven',
  withdrawn: 'ConsentWithdrawn',
  refused: 'ConsentRefused',
};

/** How a consent or objection reached Registre. */
export const ZChannel = z.enum([
  'privacy-center',
  'cookie-banner',
  'web-form',
  'api',
  'console',
  'email',
  'postal',
  'phone',
  'gpc',
]);
export type TChannel = z.infer<typeof ZChannel>;

/** The latest ledger event of one subject for one purpose key. */
export interface ConsentFact {
  readonly purpose: string;
  readonly action: ConsentAction;
  /** ISO-8601 time of the event. */
  readonly at: string;
  /** ISO-8601 end of validity of a given consent, or null when it does not expire. */
  readonly expiresAt: string | null;
}

/** An objection in force: to a purpose key, or to a class (`class:marketing`, `class:sharing`, …). */
export interface ObjectionFact {
  readonly id: string;
  readonly scope: string;
  readonly source: TChannel;
  readonly at: string;
  /** Compelling legitimate grounds recorded by the DPO (Art 21(1)); never for direct marketing. */
  readonly overriddenAt: string | null;
}

/** Art 18 restriction in force for the subject. */
export interface RestrictionFact {
  readonly since: string;
  /** `ledger` when recorded in Registre's store, `target` when read from the engine's records. */
  readonly source: 'ledger' | 'target';
}

export const ZDecisionReasonCode = z.enum([
  'restricted',
  'processor-activity',
  'strictly-necessary',
  'legal-basis',
  'consent-given',
  'consent-missing',
  'consent-withdrawn',
  'consent-refused',
  'consent-expired',
  'objection',
  'objection-overridden',
  'objection-not-applicable',
  'consent-after-objection',
]);

/** One reason behind an answer; `deny` reasons make the answer "no". */
export const ZDecisionReason = z.strictObject({
  code: ZDecisionReasonCode,
  effect: z.enum(['allow', 'deny']),
  /** The activity or cookie category the reason is about. */
  scope: z.string().optional(),
  /** The purpose or ledger key concerned. */
  purpose: z.string().optional(),
  /** DPV consent status, for consent reasons. */
  consentStatus: ZConsentStatus.optional(),
  /** Legal bases in scope, for `legal-basis`. */
  bases: z.array(z.string()).optional(),
  /** Where an objection came from (`gpc` for a Global Privacy Control signal). */
  source: z.string().optional(),
  /** Direct marketing: the objection is absolute (Art 21(3)). */
  absolute: z.boolean().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
});
export type TDecisionReason = z.infer<typeof ZDecisionReason>;

export const ZProcessingDecision = z.strictObject({
  allowed: z.boolean(),
  purpose: z.string(),
  at: z.string(),
  reasons: z.array(ZDecisionReason),
});
export type TProcessingDecision = z.infer<typeof ZProcessingDecision>;
