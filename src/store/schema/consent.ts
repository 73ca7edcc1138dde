/**
 * Tables of the consent area (migrations 0200–0299): the consent ledger, the objection list and
 * the Art 18 restriction flag for subjects the engine does not know. Subjects appear only as
 * ledger keys (pseudonymous ids or keyed hashes, see src/consent/subject-key.ts), never in clear.
 * Conventions as in accounts.ts: text ids, ISO-8601 UTC text timestamps, JSON text.
 */

/** One thing a subject did about one purpose; append-only, never updated. */
export interface ConsentEventsTable {
  id: string;
  subject_key: string;
  /** Activity id, cookie category id or taxonomy purpose id of the policy. */
  purpose: string;
  /** 1, 2, 3… per (subject_key, purpose): the order of events at the same instant. */
  seq: number;
  /** `given`, `withdrawn` or `refused`. */
  action: string;
  at: string;
  /** End of validity of a given consent (trackers: 13 months at most), null when it does not expire. */
  expires_at: string | null;
  /** How it was collected (ZChannel). */
  channel: string;
  /** The notice version the subject was shown (notice_versions.id), when known. */
  notice_version_id: string | null;
  /** Who recorded it: `subject`, `user:<id>`, `token:<id>`. */
  collected_by: string;
  language: string;
  /** Kantara Consent Receipt v1.1 (JSON) for a given consent. */
  receipt: string | null;
}

/** Art 21 objections, to one purpose key or to a class (`class:marketing`, `class:sharing`…). */
export interface ConsentObjectionsTable {
  id: string;
  subject_key: string;
  scope: string;
  /** How it reached Registre (ZChannel); `gpc` for a Global Privacy Control signal. */
  source: string;
  at: string;
  recorded_by: string;
  lifted_at: string | null;
  lifted_by: string | null;
  /** Compelling legitimate grounds (Art 21(1)) recorded by the DPO; never for direct marketing. */
  overridden_at: string | null;
  overridden_by: string | null;
  override_reason: string | null;
}

/** Art 18 restriction of subjects that are not linked to rows of the organisation's database. */
export interface ConsentRestrictionsTable {
  id: string;
  subject_key: string;
  /** Art 18(1) ground: `accuracy-contested`, `unlawful-processing`, `legal-claims`, `objection-pending`. */
  reason: string;
  since: string;
  recorded_by: string;
  /** When the subject was told the restriction will be lifted (Art 18(3)); required before lifting. */
  notified_at: string | null;
  lifted_at: string | null;
  lifted_by: string | null;
}

export interface ConsentTables {
  consent_events: ConsentEventsTable;
  consent_objections: ConsentObjectionsTable;
  consent_restrictions: ConsentRestrictionsTable;
}
