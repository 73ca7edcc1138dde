import { createHmac } from 'node:crypto';

/**
 * A stable pseudonym for a subject, safe to write in logs and in the audit trail: a keyed hash
 * of the subject's table and key under the installation secret. Whoever holds the secret and
 * the database can link it back; a reader of the trail alone cannot.
 */
export function subjectRef(secret: string, table: string, key: string | number): string {
  return `subj_${createHmac('sha256', secret)
    .update(`${table}\u0000${String(key)}`)
    .digest('hex')
    .slice(0, 32)}`;
}
