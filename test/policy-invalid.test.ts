/**
 * Each file under fixtures/policy-invalid/ is fixtures/policy-valid/minimal.yaml with ONE thing
 * broken. For each, the loader must refuse the policy with exactly one error, pointing at the
 * line and column of the broken node, with a message that says what to write instead.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../src/policy/load-policy.ts';

const INVALID = join(import.meta.dirname, 'fixtures/policy-invalid');
const MINIMAL = join(import.meta.dirname, 'fixtures/policy-valid/minimal.yaml');

interface Expected {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  /** The part of the message a DPO acts on (the suggestion, the allowed values…). */
  readonly message: string | RegExp;
}

const CASES: Readonly<Record<string, Expected>> = {
  // Schema: unknown keys at several depths, with and without a close allowed key.
  'unknown-key-top-level': {
    code: 'unknown-key',
    line: 28,
    column: 1,
    path: 'activites',
    message: "unknown key 'activites' at the top level of the policy; did you mean 'activities'?",
  },
  'unknown-key-activity': {
    code: 'unknown-key',
    line: 46,
    column: 5,
    path: 'activities[0].retension',
    message: "unknown key 'retension' in activities[0]; did you mean 'retention'?",
  },
  'unknown-key-retention-rule': {
    code: 'unknown-key',
    line: 52,
    column: 9,
    path: 'activities[0].retention[0].triger',
    message: "unknown key 'triger' in activities[0].retention[0]; did you mean 'trigger'?",
  },
  'unknown-key-no-suggestion': {
    code: 'unknown-key',
    line: 6,
    column: 3,
    path: 'organisation.colour',
    message: /^unknown key 'colour' in organisation; allowed keys: 'id', 'name', .*'supervisoryAuthority'/,
  },
  // Schema: missing fields, wrong types, bad values and formats.
  'missing-required-field': {
    code: 'missing-field',
    line: 29,
    column: 5,
    path: 'activities[0].subjects',
    message: "missing required field 'subjects' in activities[0]",
  },
  'wrong-type-list': {
    code: 'wrong-type',
    line: 34,
    column: 15,
    path: 'activities[0].purposes',
    message: "expected a list, got text 'account-management'",
  },
  'wrong-type-number': {
    code: 'wrong-type',
    line: 17,
    column: 12,
    path: 'policy.version',
    message: "expected text, got the number 1; write it in quotes ('1.0')",
  },
  'bad-enum-role': {
    code: 'invalid-value',
    line: 59,
    column: 11,
    path: 'activities[1].role',
    message:
      "'controler' is not allowed (did you mean 'controller'?); allowed values: 'controller', 'processor'",
  },
  'bad-enum-end-action': {
    code: 'invalid-value',
    line: 54,
    column: 20,
    path: 'activities[0].retention[0].endAction',
    message: "'destroy' is not allowed; allowed values: 'delete', 'anonymise', 'return-and-delete'",
  },
  'wrong-format-version': {
    code: 'invalid-value',
    line: 2,
    column: 11,
    path: 'registre',
    message: 'registre: 2 is not allowed; the only allowed value is 1',
  },
  'bad-duration': {
    code: 'invalid-format',
    line: 53,
    column: 19,
    path: 'activities[0].retention[0].duration',
    message: '\'3 years\' is invalid: expected an ISO 8601 duration such as "P3Y"',
  },
  'bad-date': {
    code: 'invalid-format',
    line: 18,
    column: 9,
    path: 'policy.date',
    message: "'2024-02-30' is not a valid date; write it as YYYY-MM-DD",
  },
  'bad-email': {
    code: 'invalid-format',
    line: 7,
    column: 12,
    path: 'organisation.contact.email',
    message: 'organisation.contact.email is not a valid e-mail address',
  },
  'bad-country-code': {
    code: 'invalid-format',
    line: 12,
    column: 16,
    path: 'organisation.contact.address.country',
    message: "'France' is invalid: expected an ISO 3166-1 alpha-2 country code",
  },
  'invalid-id': {
    code: 'invalid-format',
    line: 29,
    column: 9,
    path: 'activities[0].id',
    message: "'Customer_Accounts' is invalid: expected a lower-case kebab-case id",
  },
  'empty-list': {
    code: 'too-small',
    line: 37,
    column: 15,
    path: 'activities[0].subjects',
    message: 'activities[0].subjects: list at least 1 entry',
  },
  // YAML itself.
  'yaml-syntax-error': {
    code: 'yaml-syntax',
    line: 32,
    column: 6,
    path: '',
    message: 'All mapping items must start at the same column',
  },
  'duplicate-yaml-key': {
    code: 'yaml-duplicate-key',
    line: 34,
    column: 5,
    path: 'activities[0].role',
    message: "duplicate key 'role' in activities[0]",
  },
  // Cross-references.
  'unknown-data-category': {
    code: 'unknown-id',
    line: 41,
    column: 19,
    path: 'activities[0].data[1].category',
    message: "unknown data category 'email-adress'; did you mean 'email-address'?",
  },
  'unknown-purpose': {
    code: 'unknown-id',
    line: 34,
    column: 16,
    path: 'activities[0].purposes[0]',
    message: "unknown purpose 'acount-management'; did you mean 'account-management'?",
  },
  'unknown-trigger': {
    code: 'unknown-id',
    line: 52,
    column: 18,
    path: 'activities[0].retention[0].trigger',
    message: "unknown trigger event 'end-of-contrat'; did you mean 'end-of-contract'?",
  },
  'unknown-legal-basis': {
    code: 'unknown-id',
    line: 36,
    column: 16,
    path: 'activities[0].legalBases[0].basis',
    message: "unknown legal basis 'contrat'; did you mean 'contract'?",
  },
  'unknown-processor': {
    code: 'unknown-id',
    line: 69,
    column: 18,
    path: 'activities[1].processors[0]',
    message: "unknown processor 'mailr'; did you mean 'mailer'?",
  },
  'unknown-authority': {
    code: 'unknown-id',
    line: 13,
    column: 25,
    path: 'organisation.supervisoryAuthority',
    message: "unknown supervisory authority 'cnli'; did you mean 'cnil'?",
  },
  'unknown-right': {
    code: 'unknown-id',
    line: 81,
    column: 5,
    path: 'rights.statements.acess',
    message: "unknown right 'acess'; did you mean 'access'?",
  },
  'art6-basis-as-art9': {
    code: 'art9-condition-expected',
    line: 37,
    column: 15,
    path: 'activities[0].legalBases[0].art9',
    message:
      /'contract' is an Art 6\(1\) legal basis, not an Art 9\(2\) condition; use one of .*'art9-explicit-consent'/,
  },
  'internal-recipient-as-external': {
    code: 'recipient-scope',
    line: 45,
    column: 18,
    path: 'activities[0].recipients.external[0]',
    message: "'customer-relations' is an internal recipient; list it under 'recipients.internal'",
  },
  'duplicate-activity-id': {
    code: 'duplicate-id',
    line: 55,
    column: 9,
    path: 'activities[1].id',
    message: "duplicate activity id 'customer-accounts', already used by activities[0].id",
  },
  'duplicate-retention-rule-id': {
    code: 'duplicate-id',
    line: 71,
    column: 13,
    path: 'activities[1].retention[0].id',
    message: "duplicate retention rule id 'customer-accounts', already used by activities[0].retention[0].id",
  },
  'missing-language': {
    code: 'missing-language',
    line: 57,
    column: 7,
    path: 'activities[1].name',
    message: "activities[1].name has no 'en' text",
  },
  'missing-taxonomy-file': {
    code: 'taxonomy-file-not-found',
    line: 19,
    column: 17,
    path: 'taxonomyFiles[0]',
    message: "taxonomy file 'taxonomy/loyalty.yaml' not found",
  },
  'taxonomy-extension-without-x-prefix': {
    code: 'taxonomy-id-prefix',
    line: 21,
    column: 11,
    path: 'taxonomy.purposes[0].id',
    message: 'id "loyalty-programme" must start with "x-"',
  },
  // DPO checks that make a policy invalid.
  'privacy-shield-only': {
    code: 'privacy-shield-transfer',
    line: 27,
    column: 22,
    path: 'processors[0].transfers[0].safeguards[0]',
    message:
      "relies on 'privacy-shield' (the EU–US Privacy Shield, invalid since the CJEU Schrems II judgment of 16 July 2020",
  },
  'consent-without-withdrawal': {
    code: 'consent-without-withdrawal',
    line: 62,
    column: 9,
    path: 'activities[1].legalBases[0]',
    message: "relies on consent ('consent') but offers no way to withdraw it (Art 7(3))",
  },
  'special-category-without-art9': {
    code: 'special-category-without-art9',
    line: 39,
    column: 19,
    path: 'activities[0].data[0].category',
    message: "'health-data' is a special category of data (Art 9)",
  },
  'marketing-legitimate-interest-without-objection': {
    code: 'marketing-legitimate-interest-without-objection',
    line: 62,
    column: 16,
    path: 'activities[1].legalBases[0].basis',
    message: "uses legitimate interest for direct marketing ('newsletter')",
  },
  'controller-without-legal-basis': {
    code: 'legal-basis-not-stated',
    line: 29,
    column: 5,
    path: 'activities[0].legalBases',
    message: "activities[0] ('customer-accounts') is a controller activity without 'legalBases'",
  },
  'right-refused-without-reason': {
    code: 'right-limited-without-reason',
    line: 83,
    column: 14,
    path: 'rights.statements.erasure',
    message: "the right 'erasure' is refused (available: false) without a reason",
  },
  'retention-zero-at-collection': {
    code: 'retention-zero-without-event',
    line: 77,
    column: 19,
    path: 'activities[1].retention[0].duration',
    message: "a duration of P0D from 'collection' deletes the data as soon as it is collected",
  },
  'archive-shorter-than-active': {
    code: 'archive-shorter-than-active',
    line: 54,
    column: 30,
    path: 'activities[0].retention[0].archive.duration',
    message: 'the archive phase lasts P1Y from the trigger, which is not longer than the active phase (P3Y)',
  },
};

describe('the minimal valid policy', () => {
  it('loads with no error and no warning', async () => {
    const result = await loadPolicy(MINIMAL);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.ok && result.policy.activities.map((a) => a.id)).toEqual([
      'customer-accounts',
      'newsletter',
    ]);
  });
});

describe('malformed policies', () => {
  it('has one expectation per fixture file, and at least 25 of them', () => {
    const files = readdirSync(INVALID)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(CASES))('%s', async (name, expected) => {
    const file = join(INVALID, `${name}.yaml`);
    const result = await loadPolicy(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    const [issue] = result.errors;
    expect(issue).toMatchObject({
      severity: 'error',
      file,
      code: expected.code,
      line: expected.line,
      column: expected.column,
      path: expected.path,
    });
    if (typeof expected.message === 'string') expect(issue?.message).toContain(expected.message);
    else expect(issue?.message).toMatch(expected.message);
  });
});
