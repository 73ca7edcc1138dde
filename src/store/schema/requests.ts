/**
 * Tables of the data-subject requests area (migrations 0100–0199). Conventions as in accounts.ts
 * (text ids, ISO-8601 UTC text timestamps, 0/1 booleans, JSON text). Every identifier of the
 * subject and every free text (details, notes, replies, reasons) is sealed with AES-256-GCM under
 * a key derived from the installation secret (`…_sealed` columns, bound to the row by associated
 * data): reading one is a read of personal data and leaves an entry in the store's audit trail.
 */

export interface SubjectRequestsTable {
  id: string;
  /** Requested right (REQUESTABLE_RIGHTS). */
  right: string;
  /** How it reached Registre: privacy-center, console, drp, email, postal, phone. */
  channel: string;
  /** REQUEST_STATES. */
  state: string;
  /** Language of the messages sent to the subject (fr, en). */
  language: string;
  /** Keyed hash of the normalised e-mail address (the consent ledger's key for the same person). */
  subject_key: string;
  email_sealed: string;
  name_sealed: string | null;
  details_sealed: string | null;
  received_at: string;
  /** Day (YYYY-MM-DD) the first period ends. */
  due_on: string;
  /** Day the extended period ends, once extended. */
  extended_due_on: string | null;
  extension_reason_sealed: string | null;
  /** REFUSAL_GROUNDS, once refused. */
  refusal_ground: string | null;
  refusal_reason_sealed: string | null;
  /** 1 when the same subject asked for the same right within the repeat window. */
  possibly_repetitive: number;
  /** The earlier request that makes this one possibly repetitive. */
  repeat_of: string | null;
  assignee_id: string | null;
  /** HMAC of the verification code currently out. */
  code_hash: string | null;
  code_expires_at: string | null;
  code_attempts: number;
  codes_sent: number;
  verified_at: string | null;
  /** SHA-256 of the token the subject holds to follow the request. */
  status_token_hash: string;
  /** Principal that filed a DRP request (`token:<id>`): only it may read or revoke it. */
  drp_principal: string | null;
  drp_agent_id: string | null;
  drp_agent_request_id: string | null;
  /** JSON summary of the fulfilment (counts, tables, no personal data). */
  outcome: string | null;
  /** `subject`, `user:<id>` or `token:<id>`. */
  created_by: string;
  closed_at: string | null;
  updated_at: string;
}

/** The request's timeline: every step, who took it and when; append-only. */
export interface SubjectRequestEventsTable {
  id: string;
  request_id: string;
  /** 1, 2, 3… per request. */
  seq: number;
  at: string;
  /** REQUEST_EVENT_KINDS. */
  kind: string;
  /** `subject`, `user:<id>`, `token:<id>`, `system`. */
  actor: string;
  from_state: string | null;
  to_state: string | null;
  /** Text of a note, a reply or a reason (sealed). */
  body_sealed: string | null;
  /** JSON facts free of personal data (counts, assignee id, export id…). */
  data: string;
}

/** Copies handed to the subject (access, portability) behind an expiring link. */
export interface SubjectRequestExportsTable {
  id: string;
  request_id: string;
  /** SHA-256 of the download token (the token is only in the link sent to the subject). */
  token_hash: string;
  /** The token sealed (request-field key), for the DRP `results_url` given to the subject's agent. */
  token_sealed: string;
  created_at: string;
  expires_at: string;
  downloads: number;
  last_downloaded_at: string | null;
}

/** One file of an export, sealed under REGISTRE_EXPORT_KEY (associated data: export id and name). */
export interface SubjectRequestExportFilesTable {
  export_id: string;
  name: string;
  media_type: string;
  /** Plaintext size in bytes. */
  size: number;
  sealed: string;
}

export interface RequestsTables {
  subject_requests: SubjectRequestsTable;
  subject_request_events: SubjectRequestEventsTable;
  subject_request_exports: SubjectRequestExportsTable;
  subject_request_export_files: SubjectRequestExportFilesTable;
}
