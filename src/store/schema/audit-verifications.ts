/**
 * Verifications of the audit trails (migrations 0600–0699): when the chain was checked, by whom,
 * and what was found. A row is written for every `POST /v1/audit/verify`, intact or not.
 */

export interface AuditVerificationsTable {
  id: string;
  verified_at: string;
  /** `user:<id>` or `token:<id>`; never an e-mail address. */
  actor: string;
  /** 1 when every trail that exists is intact and could be read. */
  ok: number;
  /** Entries checked, every trail together. */
  entries: number;
  /** JSON list of the trails checked: status, entries, last sequence and hash, first problems. */
  trails: string;
}

export interface AuditVerificationTables {
  audit_verifications: AuditVerificationsTable;
}
