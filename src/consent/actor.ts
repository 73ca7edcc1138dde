/** How the audit trail and the ledger name whoever acts: never an e-mail address or a name. */
import type { Principal } from '../accounts/principal.ts';

/** The actor a data subject acting for themselves is recorded as (privacy center). */
export const SUBJECT_ACTOR = 'subject';

/** `user:<id>` for a person, `token:<id>` for an API token, `subject` for an anonymous visitor. */
export function actorOf(principal: Principal | null): string {
  if (principal === null) return SUBJECT_ACTOR;
  return principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
}
