/**
 * Rights the policy refuses for an activity. A policy states, per activity
 * (`activities[].rights.<right>`) or for the whole organisation (`rights.statements.<right>`),
 * whether each right is available and, when it is not, why (taxonomy `limitReasons`: Art 17(3),
 * Art 21(1) compelling grounds…). The activity's own statement wins over the policy-wide one.
 *
 * Subject operations skip the rows of a table when one of its activities refuses the right being
 * exercised, and report the table with the activity and the policy's reasons: erasure (Art 17,
 * `plan-erasure.ts`), restriction and objection (Art 18 and 21(1), `restrict.ts`) and portability
 * (Art 20, `portability.ts`).
 */
import type { TPolicy, TRightStatement } from '../../policy/model.ts';
import { labelOf } from '../../policy/taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../policy/taxonomy/types.ts';

export interface RightRefusal {
  /** The right refused (taxonomy `rights` id). */
  readonly right: string;
  /** The first of the table's activities whose statement refuses it. */
  readonly activity: string;
  /** The policy's reasons (taxonomy `limitReasons` ids; empty when the policy gives none). */
  readonly reasons: readonly string[];
}

/** The statement that applies to `right` for `activityId`: the activity's own, else the policy-wide one. */
export function rightStatement(
  policy: TPolicy,
  activityId: string,
  right: string,
): TRightStatement | undefined {
  const activity = policy.activities.find((a) => a.id === activityId);
  return activity?.rights?.[right] ?? policy.rights.statements[right];
}

/**
 * The refusal of `right` by the first of `activities` whose statement says `available: false`, or
 * undefined when every activity allows it (or states nothing about it).
 */
export function refusedRight(
  policy: TPolicy,
  right: string,
  activities: readonly string[],
): RightRefusal | undefined {
  for (const activity of activities) {
    const statement = rightStatement(policy, activity, right);
    if (statement?.available === false) return { right, activity, reasons: statement.reasons ?? [] };
  }
  return undefined;
}

/** The refusal's reasons as labels in `lang` (the policy's words, for the subject and the agent). */
export function refusalLabels(taxonomy: Taxonomy, refusal: RightRefusal, lang: Language): string[] {
  return refusal.reasons.map((id) => labelOf(taxonomy, 'limitReasons', id, lang));
}
