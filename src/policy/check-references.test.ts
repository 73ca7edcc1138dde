import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkReferences } from './check-references.ts';
import { loadPolicyFromString } from './load-policy.ts';
import type { TActivity, TPolicy } from './model.ts';
import { extendTaxonomy, loadBuiltinTaxonomy } from './taxonomy/load-taxonomy.ts';

const MINIMAL = readFileSync(
  new URL('../../test/fixtures/policy-valid/minimal.yaml', import.meta.url),
  'utf8',
);
const taxonomy = loadBuiltinTaxonomy();

let policy: TPolicy;
let accounts: TActivity;
beforeEach(() => {
  const result = loadPolicyFromString(MINIMAL, 'minimal.yaml');
  if (!result.ok) throw new Error(`minimal.yaml should load: ${JSON.stringify(result.errors)}`);
  policy = structuredClone(result.policy);
  accounts = policy.activities[0] as TActivity;
});

const check = () => checkReferences(policy, taxonomy);
const summary = () => check().map(({ code, path }) => `${code} ${path}`);

describe('checkReferences', () => {
  it('finds nothing wrong in the minimal policy', () => {
    expect(check()).toEqual([]);
  });

  it('gives no position when the policy has no source text', () => {
    accounts.purposes = ['no-such-purpose'];
    expect(check()).toEqual([
      {
        severity: 'error',
        code: 'unknown-id',
        file: 'policy',
        path: 'activities[0].purposes[0]',
        message:
          "activities[0].purposes[0]: unknown purpose 'no-such-purpose'; it is not in the taxonomy; check the spelling, or define it under 'taxonomy.purposes' with an id starting with 'x-'",
      },
    ]);
  });

  it('accepts ids the organisation added to the taxonomy', () => {
    const loyalty = { id: 'x-loyalty', label: { fr: 'Fidélité', en: 'Loyalty' } };
    const extended = extendTaxonomy(taxonomy, { purposes: [loyalty] }, 'test');
    accounts.purposes = ['x-loyalty'];
    expect(checkReferences(policy, extended.taxonomy)).toEqual([]);
    expect(summary()).toEqual(['unknown-id activities[0].purposes[0]']);
  });

  it('requires an Art 6(1) basis under basis and an Art 9(2) condition under art9', () => {
    accounts.legalBases = [{ basis: 'art9-explicit-consent', art9: 'consent' }];
    expect(summary()).toEqual([
      'art6-basis-expected activities[0].legalBases[0].basis',
      'art9-condition-expected activities[0].legalBases[0].art9',
    ]);
  });

  it('checks the scope of recipients', () => {
    accounts.recipients = { internal: ['banks'], external: ['it-department'] };
    expect(summary()).toEqual([
      'recipient-scope activities[0].recipients.internal[0]',
      'recipient-scope activities[0].recipients.external[0]',
    ]);
    expect(check()[0]?.message).toContain(
      "'banks' is an external recipient; list it under 'recipients.external'",
    );
  });

  it('checks processors named by activities, cookie categories and security measures', () => {
    policy.cookies = {
      used: true,
      categories: [
        {
          id: 'audience',
          label: { fr: 'Mesure d’audience', en: 'Audience measurement' },
          consent: true,
          purposes: ['audience-measurement'],
          providers: ['analytics'],
          lifetime: 'P13M',
        },
      ],
    };
    policy.security = [{ measure: 'encryption-at-rest', applied: true, providedBy: 'mailer' }];
    policy.security.push({ measure: 'backups', applied: true, providedBy: 'hoster' });
    expect(summary()).toEqual([
      'unknown-id security[1].providedBy',
      'unknown-id cookies.categories[0].providers[0]',
    ]);
    expect(check()[0]?.message).toContain("declared processors: 'mailer'");
    policy.processors = [];
    policy.activities[1] = { ...(policy.activities[1] as TActivity), processors: [] };
    expect(check()[0]?.message).toContain('the policy declares no processors');
  });

  it('accepts commitments or exercise conditions in policy.changeNotification', () => {
    policy.policy.changeNotification = ['changes-by-email', 'email-request'];
    expect(check()).toEqual([]);
    policy.policy.changeNotification = ['carrier-pigeon'];
    expect(check()[0]?.message).toContain("unknown commitment or exercise condition 'carrier-pigeon'");
  });

  it('checks rights keys, their reasons and conditions, at both levels', () => {
    policy.rights.statements.erasure = {
      available: false,
      reasons: ['whim'],
      conditions: ['written-request'],
    };
    accounts.rights = { portabilty: { available: true } };
    expect(summary()).toEqual([
      'unknown-id activities[0].rights.portabilty',
      'unknown-id rights.statements.erasure.reasons[0]',
    ]);
    expect(check()[0]?.message).toContain("did you mean 'portability'?");
  });

  it('checks every country code against the taxonomy, and accepts "EEA" as a processor location', () => {
    const mailer = policy.processors[0] as TPolicy['processors'][number];
    mailer.country = 'EEA';
    mailer.transfers = [{ country: 'ZZ', safeguards: ['scc'] }];
    expect(summary()).toEqual(['unknown-id processors[0].transfers[0].country']);
  });

  it('reports duplicate ids at their second use', () => {
    const mailer = policy.processors[0] as TPolicy['processors'][number];
    policy.processors.push({ ...mailer, name: 'Mailer bis' });
    const second = policy.activities[1] as TActivity;
    (second.retention[0] as { id: string }).id = 'customer-accounts';
    expect(summary()).toEqual([
      'duplicate-id processors[1].id',
      'duplicate-id activities[1].retention[0].id',
    ]);
  });

  it('asks every localized text for each language of the organisation, wherever it sits', () => {
    accounts.controllers = [{ name: { fr: 'Chaque client' } }];
    policy.rights.statements.access = { available: true, note: { en: 'By e-mail' } };
    expect(summary()).toEqual([
      'missing-language activities[0].controllers[0].name',
      'missing-language rights.statements.access.note',
    ]);
    expect(check()[1]?.message).toContain("rights.statements.access.note has no 'fr' text");
    policy.organisation.languages = ['fr'];
    expect(summary()).toEqual(['missing-language rights.statements.access.note']);
  });
});
