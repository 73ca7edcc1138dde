import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRegistreError } from '../errors/registry.ts';
import {
  type DataMapIssue,
  type DataMapLoadResult,
  loadDataMap,
  loadDataMapFromString,
  loadDataMapOrThrow,
} from './load-datamap.ts';

const DIR = join(import.meta.dirname, '../../test/fixtures/datamap');
const FILE = join(DIR, 'datamap.yaml');
const VALID = readFileSync(FILE, 'utf8');

/** The valid fixture with one piece of text replaced (the replaced text must occur exactly once). */
function variant(from: string, to: string): string {
  expect(VALID.split(from).length - 1, `'${from}' must occur once in the fixture`).toBe(1);
  return VALID.replace(from, to);
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  expect(index, `'${needle}' not found`).toBeGreaterThanOrEqual(0);
  return text.slice(0, index).split('\n').length;
}

async function errorsOf(text: string): Promise<readonly DataMapIssue[]> {
  const result = await loadDataMapFromString(text, FILE);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function only(issues: readonly DataMapIssue[]): DataMapIssue {
  expect(issues.map((i) => i.message)).toHaveLength(1);
  return issues[0] as DataMapIssue;
}

function warningsOf(result: DataMapLoadResult): string[] {
  return result.warnings.map((w) => `${w.code} ${w.path}`);
}

describe('loadDataMap', () => {
  it('loads the fixture with its policy and no warnings', async () => {
    const loaded = await loadDataMapOrThrow(FILE);
    expect(Object.keys(loaded.datamap.tables)).toEqual([
      'customers',
      'invoices',
      'invoice_lines',
      'subscribers',
    ]);
    expect(loaded.policy.policy.organisation.id).toBe('boutique');
    expect(loaded.policy.file).toBe(join(DIR, 'policy.yaml'));
    expect(loaded.warnings).toEqual([]);
    expect(loaded.datamap.tables.subscribers?.legalHolds).toEqual([]);
    expect(loaded.locator.position(['tables', 'invoices', 'key'])?.line).toBe(
      lineOf(VALID, 'key: id\n    activities: [invoicing]'),
    );
  });

  it('reports a missing file with its own code', async () => {
    const result = await loadDataMap(join(DIR, 'nope.yaml'));
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['file-not-found']);
    await expect(loadDataMapOrThrow(join(DIR, 'nope.yaml'))).rejects.toMatchObject({
      code: 'REG_ERR_DATAMAP_FILE_NOT_FOUND',
    });
  });

  it('names the data map, not the policy, in schema messages', async () => {
    const text = variant('registre-datamap: 1', 'registre-datamap: 1\ndatabse: sqlite:x.db');
    const issue = only(await errorsOf(text));
    expect(issue).toMatchObject({
      code: 'unknown-key',
      path: 'databse',
      line: lineOf(text, 'databse'),
      column: 1,
    });
    expect(issue.message).toBe(
      "unknown key 'databse' at the top level of the data map; did you mean 'database'?",
    );
    const empty = only(await errorsOf(''));
    expect(empty.message).toMatch(/data-map file is empty.*registre-datamap: 1/);
    const dup = await errorsOf(variant('policy: policy.yaml', 'policy: policy.yaml\npolicy: other.yaml'));
    expect(dup.map((i) => i.message).join('\n')).toContain(
      "duplicate key 'policy' at the top level of the data map",
    );
  });

  it('gives the allowed values of an enum with the line and column', async () => {
    const text = variant('full_name: "null"', 'full_name: blank');
    const issue = only(await errorsOf(text));
    expect(issue.path).toBe('tables.customers.erasure.columns.full_name');
    expect(issue.line).toBe(lineOf(text, 'full_name: blank'));
    expect(issue.message).toContain("'null', 'hash', 'mask', 'generalise', 'constant'");
  });

  it('rejects an unknown activity with a suggestion', async () => {
    const text = variant('activities: [customer-accounts]', 'activities: [customer-acounts]');
    const issue = only(await errorsOf(text));
    expect(issue).toMatchObject({ code: 'unknown-activity', path: 'tables.customers.activities[0]' });
    expect(issue.line).toBe(lineOf(text, 'customer-acounts'));
    expect(issue.message).toContain("did you mean 'customer-accounts'?");
  });

  it("rejects a retention rule that is not one of the table's activities'", async () => {
    const other = only(
      await errorsOf(variant('- rule: customer-accounts', '- rule: newsletter-subscribers')),
    );
    expect(other.code).toBe('unknown-retention-rule');
    expect(other.message).toContain("belongs to activity 'newsletter'");
    const unknown = only(await errorsOf(variant('- rule: invoices', '- rule: invoice')));
    expect(unknown.message).toContain("did you mean 'invoices'?");
  });

  it('rejects unknown data categories, subject categories and retention reasons', async () => {
    const category = only(
      await errorsOf(variant('total: { category: invoice }', 'total: { category: invoices }')),
    );
    expect(category).toMatchObject({
      code: 'unknown-data-category',
      path: 'tables.invoices.columns.total.category',
    });
    expect(category.message).toContain("did you mean 'invoice'?");
    const subject = only(await errorsOf(variant('subject: newsletter-subscriber', 'subject: reader')));
    expect(subject).toMatchObject({ code: 'unknown-subject-category', path: 'tables.subscribers.subject' });
    expect(subject.message).toContain("'taxonomy.subjectCategories'");
    const keep = await errorsOf(
      variant(
        '    erasure: { strategy: keep, reason: accounting-obligation }\n    legalHolds:\n      - { reason: accounting-obligation, column',
        '    erasure: { strategy: keep, reason: bookkeeping }\n    legalHolds:\n      - { reason: accounting-obligaton, column',
      ),
    );
    expect(keep.map((i) => i.path)).toEqual([
      'tables.invoices.erasure.reason',
      'tables.invoices.legalHolds[0].reason',
    ]);
    expect(keep.map((i) => i.code)).toEqual(['unknown-retention-reason', 'unknown-retention-reason']);
  });

  it('requires archivedAt for a rule with an archive phase', async () => {
    const issue = only(await errorsOf(variant('        archivedAt: archived_at\n', '')));
    expect(issue).toMatchObject({ code: 'archived-at-missing', path: 'tables.invoices.retention[0]' });
  });

  it('accepts only annotated columns in an anonymisation', async () => {
    const issue = only(
      await errorsOf(variant('        phone: mask', '        phone: mask\n        phon_2: mask')),
    );
    expect(issue).toMatchObject({
      code: 'anonymise-unannotated-column',
      path: 'tables.customers.erasure.columns.phon_2',
    });
  });

  it('checks that every table reaches an identity and that paths chain through mapped tables', async () => {
    const withoutIdentity = variant(
      'email: { category: email-address, identity: email, providedBySubject: true }\n      full_name: { category: name, identity: name, providedBySubject: true }',
      'email: { category: email-address }\n      full_name: { category: name }',
    );
    const issues = await errorsOf(withoutIdentity);
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'no-identity tables.customers',
      'path-end-no-identity tables.invoices.path[0].references',
      'path-end-no-identity tables.invoice_lines.path[1].references',
    ]);
    const unmapped = only(
      await errorsOf(
        variant(
          '{ column: invoice_id, references: invoices }',
          '{ column: invoice_id, references: invoice }',
        ),
      ),
    );
    expect(unmapped).toMatchObject({
      code: 'path-step-unmapped',
      path: 'tables.invoice_lines.path[0].references',
    });
    expect(unmapped.message).toContain("did you mean 'invoices'?");
    const short = only(
      await errorsOf(
        variant(
          '      - { column: customer_id, references: customers }\n    columns:\n      label',
          '    columns:\n      label',
        ),
      ),
    );
    expect(short.code).toBe('path-end-no-identity');
    expect(short.message).toContain('continue the path with its own steps (customer_id → customers)');
  });

  it('checks the form of legal holds', async () => {
    const two = only(await errorsOf(variant('heldBy: invoices }', 'heldBy: invoices, flag: disputed }')));
    expect(two).toMatchObject({ code: 'legal-hold-form', path: 'tables.customers.legalHolds[0]' });
    const duration = only(await errorsOf(variant('duration: P10Y }', "duration: '10 years' }")));
    expect(duration).toMatchObject({
      code: 'invalid-duration',
      path: 'tables.invoices.legalHolds[0].duration',
    });
    const heldBy = only(await errorsOf(variant('heldBy: invoices }', 'heldBy: bills }')));
    expect(heldBy.code).toBe('held-by-unmapped');
  });

  it('warns when an annotation is not what the policy declares', async () => {
    const text = variant(
      '      phone: { category: telephone-number, providedBySubject: true }',
      '      phone: { category: telephone-number, providedBySubject: true }\n      born_on: { category: date-of-birth }',
    );
    const result = await loadDataMapFromString(text, FILE);
    expect(result.ok).toBe(true);
    expect(warningsOf(result)).toEqual([
      'category-not-in-activities tables.customers.columns.born_on.category',
    ]);
  });

  it('reports a missing or invalid policy at the `policy` key', async () => {
    const missing = only(await errorsOf(variant('policy: policy.yaml', 'policy: ../policy.yaml')));
    expect(missing).toMatchObject({ code: 'policy-not-found', path: 'policy', line: 4 });
    expect(missing.message).toContain(join(DIR, '../policy.yaml'));
    const invalid = await errorsOf(variant('policy: policy.yaml', 'policy: datamap.yaml'));
    expect(invalid.at(-1)?.code).toBe('policy-invalid');
    expect(invalid.length).toBeGreaterThan(1);
    expect(invalid[0]?.file).toBe(join(DIR, 'datamap.yaml'));
  });

  it('throws REG_ERR_DATAMAP_INVALID listing the errors with their positions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-datamap-'));
    try {
      const text = variant('policy: policy.yaml', `policy: ${join(DIR, 'policy.yaml')}`).replace(
        'activities: [customer-accounts]',
        'activities: [customer-acounts]',
      );
      writeFileSync(join(dir, 'map.yaml'), text);
      const error = await loadDataMapOrThrow(join(dir, 'map.yaml')).catch((e: unknown) => e);
      expect(isRegistreError(error) && error.code).toBe('REG_ERR_DATAMAP_INVALID');
      const line = lineOf(text, 'customer-acounts');
      expect((error as Error).message).toContain(`${join(dir, 'map.yaml')}:${line}:`);
      expect((error as Error).message).toContain('[unknown-activity]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
