/** What every consent-ledger operation receives, and the helpers they share. */
import type { Kysely, Transaction } from 'kysely';
import { type AuditEvent, appendAudit } from '../audit/append-audit.ts';
import { RegistreError } from '../errors/registry.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { StoreDb } from '../store/schema/index.ts';
import { type PurposeRules, resolvePurpose } from './purpose-rules.ts';
import type { RestrictionSource } from './restriction-source.ts';
import { auditSubjectRef, ledgerSubjectKey, type TSubjectInput } from './subject-key.ts';

export interface ConsentLedgerDeps {
  readonly db: Kysely<StoreDb>;
  readonly clock: () => Date;
  /** The policy in force (a function when the server can reload it). */
  readonly policy: LoadedPolicy | (() => LoadedPolicy);
  /** Installation secret (`loadSecret()`): keyed hashes of e-mail addresses and audit pseudonyms. */
  readonly secret: string;
  /** Art 18 restrictions recorded by the engine in the organisation's database, when one is configured. */
  readonly restrictions?: RestrictionSource;
  /** Public URL of a published notice version, for receipts (`policyUrl`). */
  readonly noticeUrl?: (version: number) => string;
}

export function policyOf(deps: ConsentLedgerDeps): LoadedPolicy {
  return typeof deps.policy === 'function' ? deps.policy() : deps.policy;
}

/** Rules of a purpose key; throws REG_ERR_CONSENT_PURPOSE_UNKNOWN listing what the policy offers. */
export function rulesOf(loaded: LoadedPolicy, purpose: string): PurposeRules {
  const rules = resolvePurpose(loaded, purpose);
  if (rules !== null) return rules;
  const known = [
    ...loaded.policy.activities.map((a) => a.id),
    ...(loaded.policy.cookies?.categories ?? []).map((c) => c.id),
  ];
  throw new RegistreError(
    'REG_ERR_CONSENT_PURPOSE_UNKNOWN',
    `purpose "${purpose}" is not an activity, cookie category or purpose of the policy (activities and cookie categories: ${known.join(', ')})`,
  );
}

/** A subject as the ledger names it, with its audit pseudonym. */
export function subjectOf(deps: ConsentLedgerDeps, input: TSubjectInput): { key: string; ref: string } {
  const key = ledgerSubjectKey(deps.secret, input);
  return { key, ref: auditSubjectRef(deps.secret, key) };
}

/** Append entries to the store's own trail, in the caller's transaction. */
export async function audit(
  deps: ConsentLedgerDeps,
  trx: Transaction<StoreDb>,
  events: readonly AuditEvent[],
): Promise<void> {
  await appendAudit(trx, events, { clock: deps.clock });
}
