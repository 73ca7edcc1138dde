import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRegistreError, type RegistreError } from '../errors/registry.ts';
import { loadPolicy, loadPolicyFromString, loadPolicyOrThrow } from './load-policy.ts';
import type { PolicyIssue } from './loaded-policy.ts';

const MINIMAL_FILE = new URL('../../test/fixtures/policy-valid/minimal.yaml', import.meta.url).pathname;
const MINIMAL = readFileSync(MINIMAL_FILE, 'utf8');
const workDir = mkdtempSync(join(tmpdir(), 'registre-load-policy-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Writes files (path → text) under a fresh folder and returns its path. */
function writeTree(name: string, files: Record<string, string>): string {
  const dir = join(workDir, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function thrown(promise: Promise<unknown>): Promise<RegistreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isRegistreError(error)) throw new Error(`expected a RegistreError, got ${String(error)}`);
  return error;
}

/** The minimal policy with `taxonomyFiles` (and anything else) added after the policy section. */
const withSection = (section: string) => MINIMAL.replace('processors:\n', `${section}\nprocessors:\n`);
const summary = (issues: readonly PolicyIssue[]) =>
  issues.map((i) => `${i.code} ${i.file}:${i.line}:${i.column} ${i.path}`);

describe('loadPolicyOrThrow', () => {
  it('returns the loaded policy with its taxonomy', async () => {
    const loaded = await loadPolicyOrThrow(MINIMAL_FILE);
    expect(loaded).not.toHaveProperty('ok');
    expect(loaded.file).toBe(MINIMAL_FILE);
    expect(loaded.policy.organisation.supervisoryAuthority).toBe('cnil');
    expect(loaded.taxonomy.purposes.get('newsletter')?.label.en).toBeTruthy();
    expect(loaded.warnings).toEqual([]);
  });

  it('throws REG_ERR_POLICY_FILE_NOT_FOUND for a missing file', async () => {
    const missing = join(workDir, 'nowhere.yaml');
    const result = await loadPolicy(missing);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.code)).toEqual(['file-not-found']);
    const error = await thrown(loadPolicyOrThrow(missing));
    expect(error.code).toBe('REG_ERR_POLICY_FILE_NOT_FOUND');
    expect(error.status).toBe(404);
    expect(error.message).toContain(missing);
  });

  it('throws REG_ERR_POLICY_YAML_SYNTAX with the issues as details', async () => {
    const dir = writeTree('syntax', { 'policy.yaml': 'registre: 1\norganisation: [unclosed\n' });
    const error = await thrown(loadPolicyOrThrow(join(dir, 'policy.yaml')));
    expect(error.code).toBe('REG_ERR_POLICY_YAML_SYNTAX');
    const details = error.details as PolicyIssue[];
    expect(details.length).toBeGreaterThan(0);
    expect(details.every((issue) => issue.code === 'yaml-syntax' && issue.line !== undefined)).toBe(true);
    expect(error.message).toContain(`${join(dir, 'policy.yaml')}:${details[0]?.line}:`);
  });

  it('throws REG_ERR_POLICY_INVALID with every error and warning as details', async () => {
    const text = MINIMAL.replace('duration: P3Y', 'duration: 3Y').replace('country: FR', 'country: fr');
    const dir = writeTree('invalid', { 'policy.yaml': text });
    const error = await thrown(loadPolicyOrThrow(join(dir, 'policy.yaml')));
    expect(error.code).toBe('REG_ERR_POLICY_INVALID');
    expect(error.status).toBe(422);
    expect((error.details as PolicyIssue[]).map((issue) => issue.path)).toEqual([
      'organisation.contact.address.country',
      'activities[0].retention[0].duration',
    ]);
    expect(error.message).toMatch(/: 2 errors\n/);
  });
});

describe('loadPolicyFromString', () => {
  it('reports every schema problem at once, in the order of the file', () => {
    const text = MINIMAL.replace('kind: email', 'kind: mail').replace(
      '  name: Exemple SAS\n',
      '  nom: Exemple SAS\n',
    );
    const result = loadPolicyFromString(text, 'p.yaml');
    expect(!result.ok && summary(result.errors)).toEqual([
      'missing-field p.yaml:4:3 organisation.name',
      'unknown-key p.yaml:5:3 organisation.nom',
      'invalid-value p.yaml:87:13 rights.channels[0].kind',
    ]);
  });

  it('says so when the file is empty', () => {
    const result = loadPolicyFromString('# nothing yet\n', 'empty.yaml');
    expect(!result.ok && result.errors[0]?.message).toContain('the policy file is empty');
  });

  it('keeps warnings without making the policy invalid', () => {
    const text = MINIMAL.replace('    country: US\n', '    country: CN\n').replace(
      '      - country: US\n        safeguards: [scc]',
      '      - country: CN\n        safeguards: [not-stated]',
    );
    const result = loadPolicyFromString(text, 'w.yaml');
    expect(result.ok).toBe(true);
    expect(summary(result.warnings)).toEqual([
      'transfer-without-safeguard w.yaml:29:21 processors[0].transfers[0].safeguards',
    ]);
  });

  it('accepts organisation-defined ids from the inline taxonomy', () => {
    const text = withSection(
      'taxonomy:\n  purposes:\n    - id: x-loyalty\n      label: { fr: Fidélité, en: Loyalty }',
    ).replace('purposes: [account-management]', 'purposes: [account-management, x-loyalty]');
    const result = loadPolicyFromString(text, 'inline.yaml');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.taxonomy.purposes.has('x-loyalty')).toBe(true);
  });
});

describe('taxonomy files', () => {
  it('resolves taxonomyFiles relative to the policy file and uses their entries', async () => {
    const dir = writeTree('with-taxonomy', {
      'policy.yaml': withSection('taxonomyFiles: [taxonomy/own.yaml]').replace(
        'subjects: [customer]',
        'subjects: [customer, x-member]',
      ),
      'taxonomy/own.yaml': 'subjectCategories:\n  - id: x-member\n    label: { fr: Adhérent, en: Member }\n',
    });
    const loaded = await loadPolicyOrThrow(join(dir, 'policy.yaml'));
    expect(loaded.taxonomy.subjectCategories.get('x-member')?.label.fr).toBe('Adhérent');
  });

  it('places problems of a taxonomy file in that file, at their line and column', async () => {
    const dir = writeTree('bad-taxonomy', {
      'policy.yaml': withSection('taxonomyFiles: [own.yaml, broken.yaml]'),
      'own.yaml':
        'purposes:\n  - id: x-fine\n    label: { fr: Bien, en: Fine }\n  - id: loyalty\n    label: { fr: F, en: L }\n',
      'broken.yaml': 'purposes:\n  - id: x-a\n    label: { fr: "unclosed, en: L }\n',
    });
    const result = await loadPolicy(join(dir, 'policy.yaml'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [prefix, ...syntax] = result.errors;
    expect(prefix).toMatchObject({
      code: 'taxonomy-id-prefix',
      file: join(dir, 'own.yaml'),
      line: 4,
      column: 9,
      path: 'purposes[1].id',
    });
    expect(syntax.length).toBeGreaterThan(0);
    expect(
      syntax.every((issue) => issue.code === 'yaml-syntax' && issue.file === join(dir, 'broken.yaml')),
    ).toBe(true);
  });

  it('reports a taxonomy file that is not a mapping of kinds at its taxonomyFiles entry', async () => {
    const dir = writeTree('list-taxonomy', {
      'policy.yaml': withSection('taxonomyFiles: [list.yaml]'),
      'list.yaml': '- id: x-a\n',
    });
    const result = await loadPolicy(join(dir, 'policy.yaml'));
    expect(!result.ok && summary(result.errors)).toEqual([
      `taxonomy-file-invalid ${join(dir, 'policy.yaml')}:21:17 taxonomyFiles[0]`,
    ]);
  });
});
