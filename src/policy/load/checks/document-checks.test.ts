import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicyFromString } from '../../load-policy.ts';
import type { TPolicy } from '../../model.ts';
import { loadBuiltinTaxonomy } from '../../taxonomy/load-taxonomy.ts';
import {
  channelWithoutAddress,
  cookiesWithoutCategories,
  noDpo,
  policyDateMissing,
} from './document-checks.ts';

const MINIMAL = readFileSync(
  new URL('../../../../test/fixtures/policy-valid/minimal.yaml', import.meta.url),
  'utf8',
);

function minimal(): TPolicy {
  const result = loadPolicyFromString(MINIMAL, 'minimal.yaml');
  if (!result.ok) throw new Error('minimal.yaml should load');
  return structuredClone(result.policy);
}
const taxonomy = loadBuiltinTaxonomy();
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('document checks', () => {
  it('say nothing about a complete policy', () => {
    const policy = minimal();
    for (const check of [policyDateMissing, channelWithoutAddress, noDpo, cookiesWithoutCategories]) {
      expect(check.run(policy, taxonomy)).toEqual([]);
    }
  });

  it('warn when the policy states no date', () => {
    const policy = minimal();
    delete (policy.policy as { date?: string }).date;
    expect(codes(policyDateMissing.run(policy, taxonomy))).toEqual(['policy-date-missing']);
  });

  it('warn about an e-mail channel without an address, not about a postal one', () => {
    const policy = minimal();
    policy.rights.channels = [{ kind: 'email' }, { kind: 'postal' }];
    const findings = channelWithoutAddress.run(policy, taxonomy);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: ['rights', 'channels', 0], severity: 'warning' });
  });

  it('warn when no DPO is named', () => {
    const policy = minimal();
    delete (policy.organisation as { dpo?: unknown }).dpo;
    expect(codes(noDpo.run(policy, taxonomy))).toEqual(['no-dpo']);
  });

  it('warn when cookies are used without any described category', () => {
    const policy = minimal();
    policy.cookies = { used: true, categories: [] };
    expect(codes(cookiesWithoutCategories.run(policy, taxonomy))).toEqual(['cookies-without-categories']);
    policy.cookies = { used: false, categories: [] };
    expect(cookiesWithoutCategories.run(policy, taxonomy)).toEqual([]);
  });
});
