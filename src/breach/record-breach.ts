/** Recording a breach: its title, when the organisation became aware (the clock starts) and any content known yet. */
import { randomUUID } from 'node:crypto';
import { RegistreError } from '../errors/registry.ts';
import { auditBreach, type BreachRegisterDeps, notInFuture, policyOf, utc } from './breach-deps.ts';
import type { TBreachView, TRecordBreachInput } from './breach-types.ts';
import { checkCategories, defaultContact, insertPhase } from './insert-phase.ts';
import { readBreach } from './read-breaches.ts';

/**
 * Record a new breach. The first phase of content is stored with it; the contact point defaults
 * to the policy's DPO (Art 33(3)(b)).
 */
export async function recordBreach(
  deps: BreachRegisterDeps,
  input: TRecordBreachInput,
  actor: string,
): Promise<TBreachView> {
  const policy = policyOf(deps);
  const now = deps.clock();
  const awareAt = utc(input.awareAt);
  const occurredAt = input.occurredAt === undefined ? null : utc(input.occurredAt);
  notInFuture('awareAt', awareAt, now);
  if (occurredAt !== null && occurredAt > awareAt) {
    throw new RegistreError(
      'REG_ERR_BREACH_TIME_INVALID',
      `occurredAt (${occurredAt}) is after awareAt (${awareAt}): a breach cannot be known before it happens`,
    );
  }
  const contact = input.content?.contact ?? defaultContact(policy);
  const content = { ...input.content, ...(contact === undefined ? {} : { contact }) };
  checkCategories(policy, content);
  const id = randomUUID();
  const nowIso = now.toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('breaches')
      .values({
        id,
        title: input.title,
        aware_at: awareAt,
        occurred_at: occurredAt,
        risk: null,
        authority_decision: null,
        authority_decision_reason: null,
        subjects_decision: null,
        subjects_decision_reason: null,
        subjects_decision_note: null,
        decided_at: null,
        decided_by: null,
        delay_reason: null,
        status: 'open',
        closed_at: null,
        closed_by: null,
        created_at: nowIso,
        created_by: actor,
        updated_at: nowIso,
      })
      .execute();
    await insertPhase(trx, id, content, nowIso, actor);
    await auditBreach(deps, trx, {
      actor,
      operation: 'breach.record',
      breachId: id,
      table: 'breaches',
      reason: 'breach recorded (Art 33(5))',
      details: { awareAt },
    });
  });
  return readBreach(deps.db, id, now);
}
