/**
 * The rules a breach decision must follow, as pure functions of the risk, the decision and the
 * policy's own commitments:
 * - Art 33(1): notify the authority unless the breach is unlikely to result in a risk;
 * - Art 34(1): inform the subjects of a high risk, unless (34(3)) the data was unintelligible
 *   (encrypted), later measures removed the high risk, or informing each one would be
 *   disproportionate (then a public communication instead);
 * - a policy may promise more (`breach.notifySubjects.when`: `possible-harm`, `always`); then
 *   the subjects are informed in those cases too and the Art 34(3) exemptions do not apply.
 */
import { RegistreError } from '../errors/registry.ts';
import type { TPolicy } from '../policy/model.ts';
import type { TAssessmentInput, TBreachView, TRiskLevel } from './breach-types.ts';

type SubjectsGround = NonNullable<TBreachView['subjects']['ground']>;
type Commitment = NonNullable<TPolicy['breach']['notifySubjects']>['when'];

/** Whether the subjects must be informed, and whether it is the law or only the policy that says so. */
export function subjectsInformationDue(
  risk: TRiskLevel,
  commitment: Commitment | undefined,
): { due: boolean; byLaw: boolean; exemptionsApply: boolean } {
  const byLaw = risk === 'high';
  const byPolicy = commitment === 'always' || (commitment === 'possible-harm' && risk !== 'unlikely');
  const exemptionsApply =
    commitment === undefined || commitment === 'high-risk' || commitment === 'high-risk-unless-protected';
  return { due: byLaw || byPolicy, byLaw, exemptionsApply };
}

function invalid(message: string): RegistreError {
  return new RegistreError('REG_ERR_BREACH_DECISION_INVALID', message);
}

/**
 * Check an assessment and derive the ground of the Art 34 decision. Throws
 * REG_ERR_BREACH_DECISION_INVALID naming the rule that is not met.
 */
export function checkAssessment(input: TAssessmentInput, commitment: Commitment | undefined): SubjectsGround {
  const { risk, authority, subjects } = input;
  if (authority.decision === 'not-required') {
    if (risk !== 'unlikely') {
      throw invalid(
        `authority.decision "not-required" is allowed only when the breach is unlikely to result in a risk (risk is "${risk}"): notify the authority (Art 33(1))`,
      );
    }
    if (authority.reason === undefined) {
      throw invalid(
        'authority.reason is required when the authority is not notified: say why no risk is likely',
      );
    }
  }
  const due = subjectsInformationDue(risk, commitment);
  if (subjects.decision !== 'not-required' && subjects.exemption !== undefined) {
    throw invalid(
      `subjects.exemption applies only to the decision "not-required" (decision is "${subjects.decision}")`,
    );
  }
  if (subjects.decision === 'public-communication') {
    if (subjects.note === undefined) {
      throw invalid(
        'subjects.note is required for a public communication: say why informing each subject is disproportionate (Art 34(3)(c))',
      );
    }
    return 'disproportionate';
  }
  if (subjects.decision === 'inform') {
    if (due.byLaw) return 'high-risk';
    return due.due ? 'policy-commitment' : 'voluntary';
  }
  if (!due.due) return 'not-high-risk';
  if (!due.exemptionsApply || !due.byLaw) {
    throw invalid(
      `subjects.decision "not-required" contradicts the policy, which commits to inform subjects (breach.notifySubjects.when: ${commitment}) at risk "${risk}"`,
    );
  }
  if (subjects.exemption === undefined) {
    throw invalid(
      'subjects.decision "not-required" with a high risk needs subjects.exemption: "encrypted" (Art 34(3)(a)) or "measures-removed-risk" (Art 34(3)(b)); otherwise inform the subjects or choose "public-communication"',
    );
  }
  if (subjects.note === undefined) {
    throw invalid(
      `subjects.note is required with the exemption "${subjects.exemption}": describe the protection or the measures`,
    );
  }
  return subjects.exemption;
}

/** What still prevents closing the breach (empty when it can be closed). */
export function closeBlockers(breach: TBreachView): string[] {
  const out: string[] = [];
  if (breach.content.nature === undefined)
    out.push('the nature of the breach is not described (Art 33(3)(a))');
  if (breach.risk === null) out.push('the risk is not assessed');
  if (breach.authority.decision === null) out.push('the decision on notifying the authority is not recorded');
  if (breach.subjects.decision === null)
    out.push('the decision on informing the subjects is not recorded (Art 34)');
  const sent = (recipient: string) => breach.notifications.some((n) => n.recipient === recipient);
  if (breach.authority.decision === 'notify' && !sent('authority'))
    out.push('no notification to the authority is recorded');
  if (breach.subjects.decision === 'inform' && !sent('subjects'))
    out.push('no information of the subjects is recorded');
  if (breach.subjects.decision === 'public-communication' && !sent('public')) {
    out.push('no public communication is recorded');
  }
  return out;
}
