/**
 * The life of a data-subject request (Art 12):
 *
 *     received → verifying → in_progress → (extended) → completed
 *                                         ↘ refused
 *
 * - `received`: recorded, identity not yet checked (an agent's intake for a person already known
 *   may skip verification and go straight to `in_progress`);
 * - `verifying`: a code was e-mailed to the subject, who must enter it;
 * - `in_progress`: identity verified, the request is being worked;
 * - `extended`: the deadline was extended by up to two further months (Art 12(3)), reason sent;
 * - `completed`: answered (data copied, erased, rectified…);
 * - `refused`: manifestly unfounded or excessive (Art 12(5)), identity never verified, or a right
 *   the policy does not grant; the reason is recorded and sent with the right to complain;
 * - `withdrawn`: the subject (or their authorised agent) withdrew the request.
 */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';

export const REQUEST_STATES = [
  'received',
  'verifying',
  'in_progress',
  'extended',
  'completed',
  'refused',
  'withdrawn',
] as const;
export const ZRequestState = z.enum(REQUEST_STATES);
export type TRequestState = z.infer<typeof ZRequestState>;

/** States a request may move to from each state. */
const TRANSITIONS: Readonly<Record<TRequestState, readonly TRequestState[]>> = {
  received: ['verifying', 'in_progress', 'refused', 'withdrawn'],
  verifying: ['verifying', 'in_progress', 'refused', 'withdrawn'],
  in_progress: ['extended', 'completed', 'refused', 'withdrawn'],
  extended: ['completed', 'refused', 'withdrawn'],
  completed: [],
  refused: [],
  withdrawn: [],
};

/** States in which nothing can change any more. */
export const FINAL_STATES: readonly TRequestState[] = ['completed', 'refused', 'withdrawn'];

/** States in which the request is being worked (identity verified, not yet answered). */
export const WORKING_STATES: readonly TRequestState[] = ['in_progress', 'extended'];

/** True once the request is answered, refused or withdrawn. */
export function isFinalState(state: TRequestState): boolean {
  return FINAL_STATES.includes(state);
}

/** True when the state machine allows `from` → `to`. */
export function canTransition(from: TRequestState, to: TRequestState): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Throws REG_ERR_REQUESTS_TRANSITION, naming the request's state and what it allows, unless the
 * request may move from `from` to `to`.
 * @param action what the caller tried, in words ("extend the deadline")
 */
export function assertTransition(from: TRequestState, to: TRequestState, action: string): void {
  if (canTransition(from, to)) return;
  const allowed = TRANSITIONS[from];
  throw new RegistreError(
    'REG_ERR_REQUESTS_TRANSITION',
    `cannot ${action}: the request is ${from}${
      allowed.length === 0 ? ' (final)' : ` (it can only become ${allowed.join(', ')})`
    }`,
    {
      publicMessage: `Cannot ${action}: the request is ${from.replace('_', ' ')}.`,
    },
  );
}

/** Throws REG_ERR_REQUESTS_TRANSITION unless the request is being worked (in progress or extended). */
export function assertWorking(state: TRequestState, action: string): void {
  if (WORKING_STATES.includes(state)) return;
  throw new RegistreError(
    'REG_ERR_REQUESTS_TRANSITION',
    `cannot ${action}: the request is ${state}; only a request in_progress or extended can be worked`,
    { publicMessage: `Cannot ${action}: the request is ${state.replace('_', ' ')}.` },
  );
}
