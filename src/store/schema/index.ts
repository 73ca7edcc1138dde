/**
 * The type of Registre's own store: each area declares its tables in `schema/<area>.ts` and adds
 * them here (one import and one `&` line per area).
 */
import type { AccountsTables } from './accounts.ts';
import type { AuditVerificationTables } from './audit-verifications.ts';
import type { BreachTables } from './breach.ts';
import type { ConsentTables } from './consent.ts';
import type { JobsTables } from './jobs.ts';
import type { NoticesTables } from './notices.ts';
import type { RequestsTables } from './requests.ts';
import type { RetentionTables } from './retention.ts';

export type StoreDb = AccountsTables &
  ConsentTables &
  BreachTables &
  NoticesTables &
  RequestsTables &
  JobsTables &
  AuditVerificationTables &
  RetentionTables;
