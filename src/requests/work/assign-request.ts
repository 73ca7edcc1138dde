/** Assigning a request to the person who works it (or unassigning it). */
import { RegistreError } from '../../errors/registry.ts';
import type { Actor, RequestsDeps } from '../deps.ts';
import { isFinalState, type TRequestState } from '../states.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { mutateRequest } from '../store/mutate-request.ts';
import type { RequestRecord } from '../types.ts';

/** Roles that can work requests. */
export const ASSIGNABLE_ROLES = ['agent', 'dpo', 'admin'] as const;

/**
 * Assign request `requestId` to user `assigneeId` (null: unassign). Throws REG_ERR_REQUESTS_ASSIGNEE
 * for an unknown, disabled or read-only account, REG_ERR_REQUESTS_TRANSITION on a closed request.
 */
export async function assignRequest(
  deps: RequestsDeps,
  requestId: string,
  assigneeId: string | null,
  actor: Actor,
): Promise<RequestRecord> {
  return mutateRequest(deps, requestId, async (trx, row, now) => {
    if (isFinalState(row.state as TRequestState)) {
      throw new RegistreError(
        'REG_ERR_REQUESTS_TRANSITION',
        `request ${row.id} is ${row.state}: it cannot be assigned`,
        {
          publicMessage: `A ${row.state} request cannot be assigned.`,
        },
      );
    }
    if (assigneeId !== null) {
      const user = await trx
        .selectFrom('users')
        .select(['id', 'role', 'disabled'])
        .where('id', '=', assigneeId)
        .executeTakeFirst();
      if (
        user === undefined ||
        Number(user.disabled) === 1 ||
        !(ASSIGNABLE_ROLES as readonly string[]).includes(user.role)
      ) {
        throw new RegistreError(
          'REG_ERR_REQUESTS_ASSIGNEE',
          `user ${assigneeId} is unknown, disabled, or not one of ${ASSIGNABLE_ROLES.join(', ')}`,
        );
      }
    }
    await trx
      .updateTable('subject_requests')
      .set({ assignee_id: assigneeId })
      .where('id', '=', row.id)
      .execute();
    await appendRequestEvent(trx, deps.sealer, row.id, now, {
      kind: 'assigned',
      actor,
      data: { assigneeId, previous: row.assignee_id },
    });
  });
}
