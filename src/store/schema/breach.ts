/**
 * Tables of the breach register (migrations 0300–0399). Every breach is kept, notified or not
 * (Art 33(5)); there is no delete, a finished record is closed. The register describes breaches
 * in categories and counts: it holds no subject's identity.
 * Conventions as in accounts.ts: text ids, ISO-8601 UTC text timestamps, JSON text.
 */

export interface BreachesTable {
  id: string;
  /** Short label for lists ("Lost laptop, sales team"). */
  title: string;
  /** When the organisation became aware: the Art 33 72-hour clock starts here. */
  aware_at: string;
  /** When the breach happened or began, when known. */
  occurred_at: string | null;
  /** `unlikely` (no risk likely), `risk` or `high`; null until assessed. */
  risk: string | null;
  /** `notify` or `not-required` (only when a risk is unlikely, Art 33(1)); null until decided. */
  authority_decision: string | null;
  authority_decision_reason: string | null;
  /** `inform`, `public-communication` or `not-required` (Art 34); null until decided. */
  subjects_decision: string | null;
  /** Ground of the Art 34 decision: `high-risk`, `not-high-risk`, `encrypted`, `measures-removed-risk`, `disproportionate`, `policy-commitment`, `voluntary`. */
  subjects_decision_reason: string | null;
  subjects_decision_note: string | null;
  decided_at: string | null;
  decided_by: string | null;
  /** Reasons for notifying the authority after 72 hours (Art 33(1)). */
  delay_reason: string | null;
  /** `open` or `closed`. */
  status: string;
  closed_at: string | null;
  closed_by: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

/** Art 33(3) content, filled in phases (Art 33(4)): each phase adds or corrects fields, timestamped. */
export interface BreachPhasesTable {
  id: string;
  breach_id: string;
  /** 1, 2, 3… per breach. */
  seq: number;
  at: string;
  recorded_by: string;
  nature: string | null;
  /** JSON array of taxonomy data-category ids. */
  data_categories: string | null;
  /** JSON array of taxonomy subject-category ids. */
  subject_categories: string | null;
  approx_subjects: number | null;
  approx_records: number | null;
  /** DPO or other contact point where more information can be obtained. */
  contact: string | null;
  consequences: string | null;
  measures_taken: string | null;
  measures_proposed: string | null;
}

/** A notification made: to the authority, to the subjects, by public communication, or to a controller. */
export interface BreachNotificationsTable {
  id: string;
  breach_id: string;
  /** `authority`, `subjects`, `public` or `controller`. */
  recipient: string;
  /** When it was sent. */
  at: string;
  /** How: `online-form`, `email`, `letter`, `phone`, `website`, `press`, `other`. */
  channel: string;
  /** Reference given by the recipient (e.g. the authority's notification number). */
  reference: string | null;
  /** Number of subjects informed, for `subjects`. */
  recipients_count: number | null;
  recorded_at: string;
  recorded_by: string;
}

export interface BreachTables {
  breaches: BreachesTable;
  breach_phases: BreachPhasesTable;
  breach_notifications: BreachNotificationsTable;
}
