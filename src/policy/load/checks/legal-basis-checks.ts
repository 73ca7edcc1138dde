/**
 * Legal bases (Art 6, 7, 9, 21): each controller activity states one, consent can be withdrawn,
 * special categories have an Art 9(2) condition, marketing on legitimate interest can be objected to.
 */
import type { TActivity, TPolicy } from '../../model.ts';
import { quoteList } from '../describe-value.ts';
import { formatPath, type PathSegment } from '../issue-path.ts';
import type { Finding } from '../policy-issue.ts';
import type { PolicyCheck } from './policy-check.ts';
import { isRightAvailable } from './right-availability.ts';

/** Purposes that are direct marketing in the sense of Art 21(2) (objection is absolute). */
export const MARKETING_PURPOSES: readonly string[] = [
  'direct-marketing',
  'newsletter',
  'promotional-offers',
  'advertising',
  'profiling-for-marketing',
];

function eachBasis(policy: TPolicy) {
  return policy.activities.flatMap((activity, a) =>
    (activity.legalBases ?? []).map((use, b) => ({
      activity,
      use,
      path: ['activities', a, 'legalBases', b] as PathSegment[],
    })),
  );
}

function activityName(activity: TActivity, a: number): string {
  return `activities[${a}] ('${activity.id}')`;
}

export const consentWithoutWithdrawal: PolicyCheck = {
  code: 'consent-without-withdrawal',
  severity: 'error',
  description:
    "An activity relies on consent but names no withdrawal channel on that basis and the 'withdraw-consent' right is not available (Art 7(3)).",
  run: (policy, taxonomy) =>
    eachBasis(policy).flatMap(({ activity, use, path }): Finding[] => {
      const consent = [use.basis, use.art9].find(
        (id) => id !== undefined && taxonomy.legalBases.get(id)?.consent === true,
      );
      if (consent === undefined || (use.withdrawal ?? []).length > 0) return [];
      if (isRightAvailable(policy, activity, 'withdraw-consent')) return [];
      return [
        {
          severity: 'error',
          code: 'consent-without-withdrawal',
          path,
          message: `${formatPath(path)}: '${activity.id}' relies on consent ('${consent}') but offers no way to withdraw it (Art 7(3)); list the channels under 'withdrawal' (e.g. 'unsubscribe-link') or make the 'withdraw-consent' right available`,
        },
      ];
    }),
};

export const specialCategoryWithoutArt9: PolicyCheck = {
  code: 'special-category-without-art9',
  severity: 'error',
  description:
    'An activity processes a special category of data (Art 9) but none of its legal bases names an Art 9(2) condition.',
  run: (policy, taxonomy) =>
    policy.activities.flatMap((activity, a) => {
      if ((activity.legalBases ?? []).some((use) => use.art9 !== undefined)) return [];
      return activity.data.flatMap((item, d): Finding[] => {
        if (taxonomy.dataCategories.get(item.category)?.special !== true) return [];
        const path = ['activities', a, 'data', d, 'category'];
        return [
          {
            severity: 'error',
            code: 'special-category-without-art9',
            path,
            message: `${formatPath(path)}: '${item.category}' is a special category of data (Art 9), but no legal basis of ${activityName(activity, a)} names an Art 9(2) condition; add 'art9' (e.g. 'art9-explicit-consent') to its legal basis`,
          },
        ];
      });
    }),
};

function marketingPurposes(activity: TActivity, purposes: readonly string[] | undefined): string[] {
  return (purposes ?? activity.purposes).filter((purpose) => MARKETING_PURPOSES.includes(purpose));
}

export const marketingLegitimateInterestWithoutObjection: PolicyCheck = {
  code: 'marketing-legitimate-interest-without-objection',
  severity: 'error',
  description:
    "Direct marketing rests on legitimate interest while neither 'objection-direct-marketing' nor 'objection' is available (Art 21(2)–(3)).",
  run: (policy) =>
    eachBasis(policy).flatMap(({ activity, use, path }): Finding[] => {
      if (use.basis !== 'legitimate-interest') return [];
      const marketing = marketingPurposes(activity, use.purposes);
      if (marketing.length === 0) return [];
      const objection = ['objection-direct-marketing', 'objection'].some((right) =>
        isRightAvailable(policy, activity, right),
      );
      if (objection) return [];
      return [
        {
          severity: 'error',
          code: 'marketing-legitimate-interest-without-objection',
          path: [...path, 'basis'],
          message: `${formatPath(path)}: '${activity.id}' uses legitimate interest for direct marketing (${quoteList(marketing)}), so the subject must be able to object at any time (Art 21(2)–(3)); make 'objection-direct-marketing' available under rights.statements or this activity's rights`,
        },
      ];
    }),
};

export const legalBasisNotStated: PolicyCheck = {
  code: 'legal-basis-not-stated',
  severity: 'error or warning',
  description:
    "A controller activity has no 'legalBases' (error) or its basis is 'not-stated' because the policy gives none (warning; Art 13(1)(c)).",
  run: (policy) =>
    policy.activities.flatMap((activity, a): Finding[] => {
      if (activity.role !== 'controller') return [];
      const uses = activity.legalBases ?? [];
      if (uses.length === 0) {
        return [
          {
            severity: 'error',
            code: 'legal-basis-not-stated',
            path: ['activities', a, 'legalBases'],
            message: `${activityName(activity, a)} is a controller activity without 'legalBases' (Art 6(1)); add its legal basis, or 'basis: not-stated' if the policy really gives none`,
          },
        ];
      }
      return uses.flatMap((use, b): Finding[] =>
        use.basis === 'not-stated'
          ? [
              {
                severity: 'warning',
                code: 'legal-basis-not-stated',
                path: ['activities', a, 'legalBases', b, 'basis'],
                message: `${activityName(activity, a)}: the policy states no legal basis for this activity; Art 13(1)(c) requires the notice to give it`,
              },
            ]
          : [],
      );
    }),
};

export const processorActivityWithoutController: PolicyCheck = {
  code: 'processor-activity-without-controller',
  severity: 'warning',
  description: 'An activity carried out as processor names no controller it acts for (Art 30(2)(a)).',
  run: (policy) =>
    policy.activities.flatMap((activity, a): Finding[] =>
      activity.role === 'processor' && (activity.controllers ?? []).length === 0
        ? [
            {
              severity: 'warning',
              code: 'processor-activity-without-controller',
              path: ['activities', a, 'controllers'],
              message: `${activityName(activity, a)} is carried out as processor but names no controller it acts for (Art 30(2)(a)); add 'controllers'`,
            },
          ]
        : [],
    ),
};
