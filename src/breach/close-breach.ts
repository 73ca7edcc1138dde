/** Closing a breach: its record is complete and stays in the register, unchanged, for good. */
import { RegistreError } from '../errors/registry.ts';
import { auditBreach, type BreachRegisterDeps, breachRow } from './breach-deps.ts';
import { closeBlockers } from './breach-rules.ts';
import type { TBreachView } from './breach-types.ts';
import { readBreach } from './read-breaches.ts';

/** Close a breach once its content, decisions and notifications are all recorded. */
export async function closeBreach(deps: BreachRegisterDeps, id: string, actor: string): Promise<TBreachView> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await breachRow(trx, id, { open: true });
    const view = await readBreach(trx, id, now);
    const blockers = closeBlockers(view);
    if (blockers.length > 0) {
      throw new RegistreError(
        'REG_ERR_BREACH_CLOSE_INCOMPLETE',
        `breach "${id}" cannot be closed: ${blockers.join('; ')}`,
        {
          details: { missing: blockers },
        },
      );
    }
    await trx
      .updateTable('breaches')
      .set({
        status: 'closed',
        closed_at: now.toISOString(),
        closed_by: actor,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await auditBreach(deps, trx, {
      actor,
      operation: 'breach.update',
      breachId: id,
      table: 'breaches',
      reason: 'breach closed; its record is kept (Art 33(5))',
    });
  });
  return readBreach(deps.db, id, now);
}
