/**
 * Every country code in the policy (addresses, processor locations, transfers) must be a country of
 * the taxonomy: the transfer checks need to know whether it is in the EEA and whether it is adequate.
 */
import { type TPolicy, ZCountryCode, ZPolicy } from '../../model.ts';
import type { Taxonomy } from '../../taxonomy/types.ts';
import { formatPath } from '../issue-path.ts';
import type { Finding } from '../policy-issue.ts';
import { walkWithSchema } from '../schema-at.ts';

/** Checks each ISO 3166 code of the policy against `taxonomy.countries`. */
export function checkCountries(policy: TPolicy, taxonomy: Taxonomy): Finding[] {
  const findings: Finding[] = [];
  walkWithSchema(ZPolicy, policy, (schema, value, path) => {
    if (schema !== ZCountryCode || typeof value !== 'string' || taxonomy.countries.has(value)) return;
    findings.push({
      severity: 'error',
      code: 'unknown-id',
      path,
      message:
        `${formatPath(path)}: unknown country '${value}'; check the ISO 3166-1 alpha-2 code ` +
        "(two-letter codes are too close to one another to guess), or define it under 'taxonomy.countries'",
    });
  });
  return findings;
}
