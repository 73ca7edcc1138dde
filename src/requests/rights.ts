/**
 * Which rights a data subject can exercise through a request, and whether the organisation's
 * policy grants each one. A right the policy refuses (e.g. restriction in seed 001, "processing
 * lawful and necessary for the contract") is refused at intake with the policy's own reason.
 */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { TRightStatement } from '../policy/model.ts';
import { labelOf } from '../policy/taxonomy/labels.ts';
import type { Language } from '../policy/taxonomy/types.ts';

/** Rights a request can carry (taxonomy `rights` ids), each fulfilled by one engine operation. */
export const REQUESTABLE_RIGHTS = [
  'access',
  'rectification',
  'erasure',
  'restriction',
  'portability',
  'objection',
  'objection-direct-marketing',
] as const;
export const ZRequestRight = z.enum(REQUESTABLE_RIGHTS);
export type TRequestRight = z.infer<typeof ZRequestRight>;

export type RightAvailability =
  | {
      readonly granted: true;
      /** The policy's statement (limits and conditions the agent must apply). */
      readonly statement: TRightStatement;
      /** Labels of the limits the policy attaches to the right, in the requested language. */
      readonly limits: readonly string[];
    }
  | {
      readonly granted: false;
      /** Labels of the policy's reasons, in the requested language (empty when the policy is silent). */
      readonly reasons: readonly string[];
    };

/** The right's name in `language` (taxonomy label, or the id for an unknown right). */
export function rightLabel(policy: LoadedPolicy, right: string, language: Language): string {
  return labelOf(policy.taxonomy, 'rights', right, language);
}

/**
 * The policy-wide statement about `right`. The objection to direct marketing (Art 21(2)) is part
 * of the right to object: a policy that states only `objection` states it too.
 */
function statementOf(policy: LoadedPolicy, right: string): TRightStatement | undefined {
  const statements = policy.policy.rights.statements;
  return statements[right] ?? (right === 'objection-direct-marketing' ? statements.objection : undefined);
}

/**
 * Whether the policy grants `right`, from its policy-wide statement (`rights.statements`). A
 * right the policy does not mention is not granted: the policy is the organisation's word on
 * which requests it handles.
 */
export function rightAvailability(
  policy: LoadedPolicy,
  right: string,
  language: Language,
): RightAvailability {
  const statement = statementOf(policy, right);
  const labels = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => labelOf(policy.taxonomy, 'limitReasons', id, language));
  if (statement === undefined || !statement.available) {
    return { granted: false, reasons: labels(statement?.reasons) };
  }
  return { granted: true, statement, limits: labels(statement.reasons) };
}

/** Rights of {@link REQUESTABLE_RIGHTS} the policy grants, in that order. */
export function grantedRights(policy: LoadedPolicy): TRequestRight[] {
  return REQUESTABLE_RIGHTS.filter((right) => statementOf(policy, right)?.available === true);
}

/**
 * Throws REG_ERR_REQUESTS_RIGHT_NOT_GRANTED (422) with the policy's reason when `right` cannot be
 * requested; the public message names the right and the reason, in `language`.
 */
export function assertRightGranted(policy: LoadedPolicy, right: TRequestRight, language: Language): void {
  const availability = rightAvailability(policy, right, language);
  if (availability.granted) return;
  const label = rightLabel(policy, right, language);
  const granted = grantedRights(policy).join(', ');
  const because =
    availability.reasons.length === 0
      ? language === 'fr'
        ? 'la politique de confidentialité ne le prévoit pas'
        : 'the privacy policy does not provide for it'
      : availability.reasons.join('; ');
  const publicMessage =
    language === 'fr'
      ? `Le ${lowerFirst(label)} ne peut pas être exercé : ${because}.`
      : `The ${lowerFirst(label)} cannot be exercised: ${because}.`;
  throw new RegistreError(
    'REG_ERR_REQUESTS_RIGHT_NOT_GRANTED',
    `right '${right}' is not granted by policy ${policy.file} (granted: ${granted || 'none'})`,
    { publicMessage, details: [{ path: 'body.right', message: publicMessage }] },
  );
}

function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1);
}
