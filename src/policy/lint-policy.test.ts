import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { lintPolicy, POLICY_CHECKS } from './lint-policy.ts';
import { loadPolicyFromString } from './load-policy.ts';
import type { TActivity, TPolicy } from './model.ts';
import { extendTaxonomy, loadBuiltinTaxonomy } from './taxonomy/load-taxonomy.ts';

const MINIMAL = readFileSync(
  new URL('../../test/fixtures/policy-valid/minimal.yaml', import.meta.url),
  'utf8',
);
const taxonomy = loadBuiltinTaxonomy();

function minimalPolicy(): TPolicy {
  const result = loadPolicyFromString(MINIMAL, 'minimal.yaml');
  if (!result.ok) throw new Error(`minimal.yaml should load: ${JSON.stringify(result.errors)}`);
  return structuredClone(result.policy);
}

let policy: TPolicy;
let accounts: TActivity;
let newsletter: TActivity;
beforeEach(() => {
  policy = minimalPolicy();
  [accounts, newsletter] = policy.activities as [TActivity, TActivity];
});

const lint = () => lintPolicy(policy, taxonomy).map(({ severity, code, path }) => ({ severity, code, path }));
const codes = () => lint().map((issue) => issue.code);

describe('POLICY_CHECKS', () => {
  it('lists each check once, with a kebab-case code, a severity and a description', () => {
    const listed = POLICY_CHECKS.map((check) => check.code);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(
      [
        'activity-without-retention',
        'archive-shorter-than-active',
        'channel-without-address',
        'consent-without-withdrawal',
        'cookies-without-categories',
        'legal-basis-not-stated',
        'marketing-legitimate-interest-without-objection',
        'no-dpo',
        'policy-date-missing',
        'privacy-shield-transfer',
        'processor-activity-without-controller',
        'retention-zero-without-event',
        'right-limited-without-reason',
        'special-category-without-art9',
        'transfer-without-safeguard',
      ].sort(),
    );
    for (const check of POLICY_CHECKS) {
      expect(check.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'error or warning']).toContain(check.severity);
      expect(check.description.length).toBeGreaterThan(20);
    }
  });

  it('finds nothing to say about the minimal policy', () => {
    expect(lint()).toEqual([]);
  });
});

describe('privacy-shield-transfer', () => {
  const transfer = () => policy.processors[0]?.transfers[0] as { safeguards: string[] };

  it('is an error when the Privacy Shield is the only safeguard', () => {
    transfer().safeguards = ['privacy-shield'];
    expect(lint()).toEqual([
      {
        severity: 'error',
        code: 'privacy-shield-transfer',
        path: 'processors[0].transfers[0].safeguards[0]',
      },
    ]);
  });

  it('is a warning when a valid safeguard is also listed, and names it', () => {
    transfer().safeguards = ['privacy-shield', 'scc'];
    const [issue] = lintPolicy(policy, taxonomy);
    expect(issue).toMatchObject({ severity: 'warning', code: 'privacy-shield-transfer' });
    expect(issue?.message).toContain("remove it: the transfer rests on 'scc'");
    expect(issue?.message).toContain('Schrems II judgment of 16 July 2020');
  });

  it('is still an error when the only other safeguard is "not stated"', () => {
    transfer().safeguards = ['privacy-shield', 'not-stated'];
    expect(lint()).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'privacy-shield-transfer' }),
    );
  });
});

describe('transfer-without-safeguard', () => {
  const processor = () =>
    policy.processors[0] as { country: string; transfers: { country: string; safeguards: string[] }[] };

  it('warns about a transfer outside the EEA, without adequacy, whose safeguard is not stated', () => {
    processor().transfers = [{ country: 'CN', safeguards: ['not-stated'] }];
    processor().country = 'CN';
    expect(lint()).toEqual([
      {
        severity: 'warning',
        code: 'transfer-without-safeguard',
        path: 'processors[0].transfers[0].safeguards',
      },
    ]);
    expect(lintPolicy(policy, taxonomy)[0]?.message).toContain('names no safeguard (Art 46)');
  });

  it('also warns for the USA, adequate only through the Data Privacy Framework', () => {
    processor().transfers = [{ country: 'US', safeguards: ['not-stated'] }];
    expect(codes()).toEqual(['transfer-without-safeguard']);
  });

  it('accepts an unstated safeguard towards an adequate country', () => {
    processor().transfers = [{ country: 'GB', safeguards: ['not-stated'] }];
    expect(lint()).toEqual([]);
  });

  it('warns about a processor located outside the EEA that lists no transfer', () => {
    processor().country = 'CN';
    processor().transfers = [];
    expect(lint()).toEqual([
      { severity: 'warning', code: 'transfer-without-safeguard', path: 'processors[0].country' },
    ]);
  });

  it('accepts a processor located in the EEA, or in an adequate country, without transfers', () => {
    processor().transfers = [];
    for (const country of ['EEA', 'FR', 'CH']) {
      processor().country = country;
      expect(lint()).toEqual([]);
    }
  });

  it("is an error to rely on 'dpf' for a country other than the US", () => {
    processor().country = 'CN';
    processor().transfers = [{ country: 'CN', safeguards: ['dpf'] }];
    expect(lint()).toEqual([
      {
        severity: 'error',
        code: 'transfer-without-safeguard',
        path: 'processors[0].transfers[0].safeguards[0]',
      },
    ]);
    processor().transfers = [{ country: 'US', safeguards: ['dpf'] }];
    processor().country = 'US';
    expect(lint()).toEqual([]);
  });
});

describe('consent-without-withdrawal', () => {
  const basis = () => newsletter.legalBases?.[0] as { withdrawal?: string[]; art9?: string; basis: string };

  it('is an error when consent has no withdrawal channel and the right is not available', () => {
    delete basis().withdrawal;
    expect(lint()).toEqual([
      { severity: 'error', code: 'consent-without-withdrawal', path: 'activities[1].legalBases[0]' },
    ]);
  });

  it("is satisfied by the 'withdraw-consent' right, policy-wide or for the activity", () => {
    delete basis().withdrawal;
    policy.rights.statements['withdraw-consent'] = { available: true };
    expect(lint()).toEqual([]);
    newsletter.rights = { 'withdraw-consent': { available: false, reasons: ['legal-obligation'] } };
    expect(codes()).toEqual(['consent-without-withdrawal']);
  });

  it('applies to explicit consent given as the Art 9 condition too', () => {
    const use = accounts.legalBases?.[0] as { art9?: string };
    use.art9 = 'art9-explicit-consent';
    expect(lint()).toEqual([
      { severity: 'error', code: 'consent-without-withdrawal', path: 'activities[0].legalBases[0]' },
    ]);
  });
});

describe('activity-without-retention', () => {
  it('warns about an activity without any retention rule', () => {
    accounts.retention = [];
    expect(lint()).toEqual([
      { severity: 'warning', code: 'activity-without-retention', path: 'activities[0].retention' },
    ]);
  });
});

describe('special-category-without-art9', () => {
  it('is an error for special-category data without an Art 9(2) condition, and clears with one', () => {
    accounts.data.push({ category: 'health-data' });
    expect(lint()).toEqual([
      { severity: 'error', code: 'special-category-without-art9', path: 'activities[0].data[2].category' },
    ]);
    (accounts.legalBases?.[0] as { art9?: string }).art9 = 'art9-health-care';
    expect(lint()).toEqual([]);
  });

  it('uses the special flag of organisation-defined categories too', () => {
    const biometric = {
      id: 'x-biometric',
      label: { fr: 'Biométrie', en: 'Biometrics' },
      cnil: 'other',
      special: true,
    };
    const extended = extendTaxonomy(taxonomy, { dataCategories: [biometric] }, 'test');
    expect(extended.issues).toEqual([]);
    accounts.data.push({ category: 'x-biometric' });
    const found = lintPolicy(policy, extended.taxonomy);
    expect(found.map((issue) => issue.code)).toEqual(['special-category-without-art9']);
  });
});

describe('marketing-legitimate-interest-without-objection', () => {
  beforeEach(() => {
    newsletter.legalBases = [{ basis: 'legitimate-interest' }];
  });

  it('is an error when marketing rests on legitimate interest and objection is not available', () => {
    expect(lint()).toEqual([
      {
        severity: 'error',
        code: 'marketing-legitimate-interest-without-objection',
        path: 'activities[1].legalBases[0].basis',
      },
    ]);
  });

  it('is satisfied by either objection right, policy-wide or for the activity', () => {
    newsletter.rights = { 'objection-direct-marketing': { available: true } };
    expect(lint()).toEqual([]);
    newsletter.rights = {};
    policy.rights.statements.objection = { available: true };
    expect(lint()).toEqual([]);
  });

  it('only looks at the purposes the basis covers', () => {
    newsletter.purposes = ['newsletter', 'statistics'];
    newsletter.legalBases = [
      { basis: 'legitimate-interest', purposes: ['statistics'] },
      { basis: 'consent', withdrawal: ['unsubscribe-link'], purposes: ['newsletter'] },
    ];
    expect(lint()).toEqual([]);
  });
});

describe('legal-basis-not-stated and processor-activity-without-controller', () => {
  it("warns when the policy states no basis ('not-stated'), and is an error when there is none at all", () => {
    accounts.legalBases = [{ basis: 'not-stated' }];
    expect(lint()).toEqual([
      { severity: 'warning', code: 'legal-basis-not-stated', path: 'activities[0].legalBases[0].basis' },
    ]);
    delete accounts.legalBases;
    expect(lint()).toEqual([
      { severity: 'error', code: 'legal-basis-not-stated', path: 'activities[0].legalBases' },
    ]);
  });

  it('does not ask a processor activity for a legal basis, but for the controllers it acts for', () => {
    delete accounts.legalBases;
    accounts.role = 'processor';
    expect(lint()).toEqual([
      {
        severity: 'warning',
        code: 'processor-activity-without-controller',
        path: 'activities[0].controllers',
      },
    ]);
    accounts.controllers = [{ name: { fr: 'Chaque client', en: 'Each customer' } }];
    expect(lint()).toEqual([]);
  });
});

describe('right-limited-without-reason', () => {
  it('is an error for a refused right without reasons, policy-wide or per activity', () => {
    policy.rights.statements.restriction = { available: false };
    newsletter.rights = { portability: { available: false, reasons: [] } };
    expect(lint()).toEqual([
      { severity: 'error', code: 'right-limited-without-reason', path: 'rights.statements.restriction' },
      { severity: 'error', code: 'right-limited-without-reason', path: 'activities[1].rights.portability' },
    ]);
    policy.rights.statements.restriction = { available: false, reasons: ['legal-obligation'] };
    newsletter.rights = { portability: { available: false, reasons: ['provided-data-only'] } };
    expect(lint()).toEqual([]);
  });
});

describe('retention-zero-without-event', () => {
  const rule = () => newsletter.retention[0] as { trigger: string; duration: string };

  it('is an error for a zero duration counted from collection or record creation, in any unit', () => {
    for (const [trigger, duration] of [
      ['collection', 'P0D'],
      ['record-creation', 'P0Y'],
      ['collection', 'PT0H'],
    ] as const) {
      rule().trigger = trigger;
      rule().duration = duration;
      expect(lint()).toEqual([
        {
          severity: 'error',
          code: 'retention-zero-without-event',
          path: 'activities[1].retention[0].duration',
        },
      ]);
    }
  });

  it('accepts a zero duration up to a later event, and a real duration from collection', () => {
    rule().trigger = 'consent-withdrawal';
    expect(lint()).toEqual([]);
    rule().trigger = 'collection';
    rule().duration = 'P3Y';
    expect(lint()).toEqual([]);
  });
});

describe('archive-shorter-than-active', () => {
  const rule = () => accounts.retention[0] as TActivity['retention'][number];
  const archive = (duration: string, extra: object = {}) => {
    rule().archive = { duration, from: 'trigger', reason: 'limitation-period', ...extra };
  };

  it('is an error when an archive counted from the trigger is not longer than the active phase', () => {
    for (const duration of ['P1Y', 'P3Y', 'P36M']) {
      archive(duration);
      expect(lint()).toEqual([
        {
          severity: 'error',
          code: 'archive-shorter-than-active',
          path: 'activities[0].retention[0].archive.duration',
        },
      ]);
    }
  });

  it('accepts a longer archive, one counted from the end of the active phase, or from its own trigger', () => {
    archive('P5Y');
    expect(lint()).toEqual([]);
    archive('P1Y', { from: 'active-end' });
    expect(lint()).toEqual([]);
    archive('P13M', { trigger: 'debit-date' });
    expect(lint()).toEqual([]);
  });
});
