/**
 * THE one call for applications: may this subject's data be processed for this purpose at this
 * time? It reads consent, objections (GPC included) and restriction together and answers with
 * every reason (see decide.ts). The read is personal data, so it leaves an audit entry.
 */
import { consentKeysOf, decide } from './decide.ts';
import { audit, type ConsentLedgerDeps, policyOf, rulesOf, subjectOf } from './ledger-deps.ts';
import { readConsentFacts, readLedgerRestriction, readObjections } from './ledger-facts.ts';
import type { TSubjectInput } from './subject-key.ts';
import type { TProcessingDecision } from './types.ts';

export interface MayProcessInput {
  readonly subject: TSubjectInput;
  /** Activity id, cookie category id or purpose id of the policy. */
  readonly purpose: string;
  /** The time the processing would happen; now when omitted. */
  readonly at?: Date;
  /** Who asks (`token:<id>`, `user:<id>`), for the audit trail. */
  readonly actor: string;
}

/** Decide from the ledger, the engine's restriction records (when configured) and the policy. */
export async function mayProcess(
  deps: ConsentLedgerDeps,
  input: MayProcessInput,
): Promise<TProcessingDecision> {
  const rules = rulesOf(policyOf(deps), input.purpose);
  const who = subjectOf(deps, input.subject);
  const at = input.at ?? deps.clock();
  const atIso = at.toISOString();
  const fromTarget =
    deps.restrictions === undefined ? null : await deps.restrictions.restrictionOf(who.key, atIso);
  return deps.db.transaction().execute(async (trx) => {
    const consents = await readConsentFacts(trx, who.key, atIso, consentKeysOf(rules));
    const objections = await readObjections(trx, who.key, atIso);
    const restriction = fromTarget ?? (await readLedgerRestriction(trx, who.key, atIso));
    const decision = decide(rules, { consents, objections, restriction }, at);
    await audit(deps, trx, [
      {
        actor: input.actor,
        operation: 'personal-data.read',
        subjectRef: who.ref,
        tables: ['consent_events', 'consent_objections', 'consent_restrictions'],
        reason: `may-process check for ${input.purpose}`,
        details: { purpose: input.purpose, at: atIso, allowed: decision.allowed },
      },
    ]);
    return decision;
  });
}
