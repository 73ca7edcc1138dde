/**
 * Checks on what a notice must tell people (Art 13–14): when the policy dates from, how to reach
 * the organisation to exercise rights, who the DPO is, what the cookies are.
 */
import type { Finding } from '../policy-issue.ts';
import type { PolicyCheck } from './policy-check.ts';

export const policyDateMissing: PolicyCheck = {
  code: 'policy-date-missing',
  severity: 'warning',
  description: 'The policy states no date, so a reader cannot tell which version applied when.',
  run: (policy): Finding[] =>
    policy.policy.date === undefined
      ? [
          {
            severity: 'warning',
            code: 'policy-date-missing',
            path: ['policy'],
            message:
              "policy: no date is stated; add 'date: YYYY-MM-DD' so readers and the notice history know which version applied when",
          },
        ]
      : [],
};

export const channelWithoutAddress: PolicyCheck = {
  code: 'channel-without-address',
  severity: 'warning',
  description: 'A channel to exercise rights (e-mail, phone, web form) gives no address or number.',
  run: (policy): Finding[] =>
    policy.rights.channels.flatMap((channel, index): Finding[] =>
      (channel.kind === 'email' || channel.kind === 'phone' || channel.kind === 'web-form') &&
      channel.value === undefined
        ? [
            {
              severity: 'warning',
              code: 'channel-without-address',
              path: ['rights', 'channels', index],
              message: `rights.channels[${index}]: the ${channel.kind} channel gives no ${channel.kind === 'phone' ? 'number' : 'address'}; a person cannot use it (Art 12(2): facilitate the exercise of rights)`,
            },
          ]
        : [],
    ),
};

export const noDpo: PolicyCheck = {
  code: 'no-dpo',
  severity: 'warning',
  description: 'No data protection officer is named; Art 37 requires one for some organisations.',
  run: (policy): Finding[] =>
    policy.organisation.dpo === undefined
      ? [
          {
            severity: 'warning',
            code: 'no-dpo',
            path: ['organisation'],
            message:
              "organisation: no DPO is named; check whether Art 37 requires one (large-scale monitoring or special categories) and add 'dpo' with its contact, or a privacy contact",
          },
        ]
      : [],
};

export const cookiesWithoutCategories: PolicyCheck = {
  code: 'cookies-without-categories',
  severity: 'warning',
  description: 'The policy says cookies are used but describes none (purpose, consent, lifetime).',
  run: (policy): Finding[] =>
    policy.cookies?.used === true && policy.cookies.categories.length === 0
      ? [
          {
            severity: 'warning',
            code: 'cookies-without-categories',
            path: ['cookies', 'categories'],
            message:
              'cookies: cookies are used but no category is described; list each with its purposes, whether it needs consent and its lifetime (CNIL: 13 months at most)',
          },
        ]
      : [],
};
