/**
 * Rights (Art 15–22): a right the policy refuses carries the ground it is refused on.
 */
import type { TRightStatement } from '../../model.ts';
import { formatPath, type PathSegment } from '../issue-path.ts';
import type { Finding } from '../policy-issue.ts';
import type { PolicyCheck } from './policy-check.ts';

function statementsAt(
  statements: Readonly<Record<string, TRightStatement>> | undefined,
  base: readonly PathSegment[],
) {
  return Object.entries(statements ?? {}).map(([right, statement]) => ({
    right,
    statement,
    path: [...base, right],
  }));
}

export const rightLimitedWithoutReason: PolicyCheck = {
  code: 'right-limited-without-reason',
  severity: 'error',
  description: 'A right is refused (available: false) without a reason (taxonomy limitReasons).',
  run: (policy) =>
    [
      ...statementsAt(policy.rights.statements, ['rights', 'statements']),
      ...policy.activities.flatMap((activity, a) =>
        statementsAt(activity.rights, ['activities', a, 'rights']),
      ),
    ].flatMap(({ right, statement, path }): Finding[] =>
      !statement.available && (statement.reasons ?? []).length === 0
        ? [
            {
              severity: 'error',
              code: 'right-limited-without-reason',
              path,
              message: `${formatPath(path)}: the right '${right}' is refused (available: false) without a reason; list the ground under 'reasons' (taxonomy limitReasons, e.g. 'legal-obligation')`,
            },
          ]
        : [],
    ),
};
