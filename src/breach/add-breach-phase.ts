/** Adding a phase of Art 33(3) content as it becomes known (Art 33(4)). */
import { RegistreError } from '../errors/registry.ts';
import { auditBreach, type BreachRegisterDeps, breachRow, policyOf } from './breach-deps.ts';
import type { TBreachContent, TBreachView } from './breach-types.ts';
import { checkCategories, insertPhase } from './insert-phase.ts';
import { readBreach } from './read-breaches.ts';

/** Add a phase to an open breach; fields given replace the earlier ones in the current content. */
export async function addBreachPhase(
  deps: BreachRegisterDeps,
  id: string,
  content: TBreachContent,
  actor: string,
): Promise<TBreachView> {
  if (Object.keys(content).length === 0) {
    throw new RegistreError(
      'REG_ERR_BREACH_CONTENT_INVALID',
      'a phase must give at least one field of content',
    );
  }
  checkCategories(policyOf(deps), content);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await breachRow(trx, id, { open: true });
    const seq = await insertPhase(trx, id, content, now.toISOString(), actor);
    await trx.updateTable('breaches').set({ updated_at: now.toISOString() }).where('id', '=', id).execute();
    await auditBreach(deps, trx, {
      actor,
      operation: 'breach.update',
      breachId: id,
      table: 'breach_phases',
      reason: 'breach content completed (Art 33(4))',
      details: { phase: seq, fields: Object.keys(content) },
    });
  });
  return readBreach(deps.db, id, now);
}
