/**
 * Every kind of audit entry, each belonging to exactly one class. A new operation is added
 * here first; `appendAudit` refuses names that are not listed.
 */
export const AUDIT_OPERATIONS = {
  'retention.archive': 'retention',
  'retention.anonymise': 'retention',
  'retention.delete': 'retention',
  'retention.hold': 'retention',
  'subject.access': 'subject-request',
  'subject.erase': 'subject-request',
  'subject.rectify': 'subject-request',
  'subject.restrict': 'subject-request',
  'subject.unrestrict': 'subject-request',
  'subject.object': 'subject-request',
  'subject.portability': 'subject-request',
  'personal-data.read': 'read',
  'consent.record': 'consent',
  'consent.withdraw': 'consent',
  'breach.record': 'breach',
  'breach.update': 'breach',
  'audit.verify': 'audit',
} as const;

export type AuditOperation = keyof typeof AUDIT_OPERATIONS;
export type AuditClass = (typeof AUDIT_OPERATIONS)[AuditOperation];

export function isAuditOperation(value: string): value is AuditOperation {
  return Object.hasOwn(AUDIT_OPERATIONS, value);
}
