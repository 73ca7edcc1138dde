/**
 * Every localized text must exist in each language the notice is published in
 * (`organisation.languages`), or the notice would show a blank.
 */
import { type TPolicy, ZLocalizedText, ZPolicy } from '../../model.ts';
import { formatPath } from '../issue-path.ts';
import type { Finding } from '../policy-issue.ts';
import { walkWithSchema } from '../schema-at.ts';

/** Reports each localized text that lacks one of the organisation's languages. */
export function checkLanguages(policy: TPolicy): Finding[] {
  const findings: Finding[] = [];
  const languages = policy.organisation.languages;
  walkWithSchema(ZPolicy, policy, (schema, value, path) => {
    if (schema !== ZLocalizedText || value === null || typeof value !== 'object') return;
    for (const language of languages) {
      if ((value as Record<string, unknown>)[language] !== undefined) continue;
      findings.push({
        severity: 'error',
        code: 'missing-language',
        path,
        message:
          `${formatPath(path)} has no '${language}' text, but organisation.languages lists ` +
          `${languages.join(', ')}; add '${language}: …'`,
      });
    }
  });
  return findings;
}
