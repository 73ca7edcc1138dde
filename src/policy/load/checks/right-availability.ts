import type { TActivity, TPolicy } from '../../model.ts';

/** Whether a right is available for an activity: its own statement wins over the policy-wide one. */
export function isRightAvailable(policy: TPolicy, activity: TActivity, right: string): boolean {
  const statement = activity.rights?.[right] ?? policy.rights.statements[right];
  return statement?.available === true;
}
