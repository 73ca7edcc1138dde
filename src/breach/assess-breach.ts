/** Recording the risk assessment and the two decisions: notify the authority (Art 33), inform the subjects (Art 34). */
import { RegistreError } from '../errors/registry.ts';
import { auditBreach, type BreachRegisterDeps, breachRow, policyOf } from './breach-deps.ts';
import { checkAssessment } from './breach-rules.ts';
import type { TAssessmentInput, TBreachView } from './breach-types.ts';
import { readBreach } from './read-breaches.ts';

/**
 * Record (or revise, while the breach is open) the assessment. A decision that contradicts a
 * notification already made is refused: the authority or the subjects cannot be "un-notified".
 */
export async function assessBreach(
  deps: BreachRegisterDeps,
  id: string,
  input: TAssessmentInput,
  actor: string,
): Promise<TBreachView> {
  const ground = checkAssessment(input, policyOf(deps)?.policy.breach.notifySubjects?.when);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await breachRow(trx, id, { open: true });
    const sent = await trx
      .selectFrom('breach_notifications')
      .select('recipient')
      .where('breach_id', '=', id)
      .execute();
    const has = (recipient: string) => sent.some((n) => n.recipient === recipient);
    if (input.authority.decision === 'not-required' && has('authority')) {
      throw new RegistreError(
        'REG_ERR_BREACH_DECISION_INVALID',
        'authority.decision "not-required": the authority has already been notified of this breach',
      );
    }
    if (input.subjects.decision === 'not-required' && (has('subjects') || has('public'))) {
      throw new RegistreError(
        'REG_ERR_BREACH_DECISION_INVALID',
        'subjects.decision "not-required": the subjects have already been informed of this breach',
      );
    }
    await trx
      .updateTable('breaches')
      .set({
        risk: input.risk,
        authority_decision: input.authority.decision,
        authority_decision_reason: input.authority.reason ?? null,
        subjects_decision: input.subjects.decision,
        subjects_decision_reason: ground,
        subjects_decision_note: input.subjects.note ?? null,
        decided_at: now.toISOString(),
        decided_by: actor,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await auditBreach(deps, trx, {
      actor,
      operation: 'breach.update',
      breachId: id,
      table: 'breaches',
      reason: 'breach risk assessed and notification decisions recorded (Art 33, 34)',
      details: {
        risk: input.risk,
        authority: input.authority.decision,
        subjects: input.subjects.decision,
        ground,
      },
    });
  });
  return readBreach(deps.db, id, now);
}
