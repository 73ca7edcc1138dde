import { appendFileSync, cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isRegistreError } from '../../errors/registry.ts';
import {
  BUILTIN_TAXONOMY_DIR,
  extendTaxonomy,
  loadBuiltinTaxonomy,
  loadTaxonomyFile,
  readTaxonomyDir,
  TAXONOMY_KIND_NAMES,
} from './load-taxonomy.ts';

const tmp = mkdtempSync(join(tmpdir(), 'registre-taxonomy-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = loadBuiltinTaxonomy();
const label = { fr: 'Notes du CRM', en: 'CRM notes' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isRegistreError(error) ? error.code : 'not a RegistreError';
  }
  return undefined;
}

describe('loadBuiltinTaxonomy', () => {
  it('reads every kind once and returns the cached taxonomy afterwards', () => {
    expect(loadBuiltinTaxonomy()).toBe(base);
    expect(Object.keys(base).sort()).toEqual([...TAXONOMY_KIND_NAMES].sort());
  });

  it('freezes built-in entries', () => {
    const entry = base.dataCategories.get('email-address');
    expect(entry).toBeDefined();
    expect(Object.isFrozen(entry)).toBe(true);
    expect(Object.isFrozen(entry?.label)).toBe(true);
    expect(Object.isFrozen(entry?.dpv)).toBe(true);
  });
});

describe('readTaxonomyDir', () => {
  it('throws on a duplicate id within a built-in file', () => {
    const dir = join(tmp, 'duplicate');
    cpSync(BUILTIN_TAXONOMY_DIR, dir, { recursive: true });
    appendFileSync(
      join(dir, 'purposes.yaml'),
      '\n- id: billing\n  label: { fr: Facturation bis, en: Billing again }\n',
    );
    expect(() => readTaxonomyDir(dir)).toThrow(/purposes\.yaml, entry \d+: duplicate id "billing"/);
    expect(codeOf(() => readTaxonomyDir(dir))).toBe('REG_ERR_TAXONOMY_INVALID');
  });

  it('throws on an invalid built-in entry, naming the file, entry and field', () => {
    const dir = join(tmp, 'invalid');
    cpSync(BUILTIN_TAXONOMY_DIR, dir, { recursive: true });
    appendFileSync(join(dir, 'rights.yaml'), '\n- id: x-bad\n  label: { fr: Droit }\n  article: "99"\n');
    expect(() => readTaxonomyDir(dir)).toThrow(/rights\.yaml, entry \d+: label\.en: /);
  });

  it('throws when a kind file is missing', () => {
    const dir = join(tmp, 'missing');
    cpSync(BUILTIN_TAXONOMY_DIR, dir, { recursive: true });
    unlinkSync(join(dir, 'countries.yaml'));
    expect(() => readTaxonomyDir(dir)).toThrow(/countries\.yaml cannot be read/);
  });
});

describe('extendTaxonomy', () => {
  it('adds valid x- entries to a new taxonomy and leaves the base untouched', () => {
    const { taxonomy, issues } = extendTaxonomy(
      base,
      {
        dataCategories: [{ id: 'x-crm-notes', label, cnil: 'other', dpv: ['pd:Communication'] }],
        countries: [{ id: 'PE', label: { fr: 'Pérou', en: 'Peru' }, eea: false }],
      },
      'org-taxonomy.yaml',
    );
    expect(issues).toEqual([]);
    expect(taxonomy.dataCategories.get('x-crm-notes')).toMatchObject({
      id: 'x-crm-notes',
      special: false,
      label,
    });
    expect(taxonomy.countries.get('PE')?.adequacy).toBe('none');
    expect(base.dataCategories.has('x-crm-notes')).toBe(false);
    expect(base.countries.has('PE')).toBe(false);
    expect(taxonomy.dataCategories.get('email-address')).toBe(base.dataCategories.get('email-address'));
  });

  it('rejects an id without the x- prefix', () => {
    const { taxonomy, issues } = extendTaxonomy(base, { purposes: [{ id: 'crm-notes', label }] }, 'org.yaml');
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'taxonomy-id-prefix',
        source: 'org.yaml',
        file: 'org.yaml',
        kind: 'purposes',
        index: 0,
        path: 'purposes[0].id',
        message:
          'purposes[0]: id "crm-notes" must start with "x-" (e.g. "x-crm-notes"): organisation ids never collide with built-in ones',
      },
    ]);
    expect(taxonomy.purposes.has('crm-notes')).toBe(false);
  });

  it('rejects redefining a built-in id, an id added earlier, or an id repeated in the same list', () => {
    const first = extendTaxonomy(base, { purposes: [{ id: 'billing', label }] }, 'a.yaml');
    expect(first.issues.map((issue) => issue.message)).toEqual([
      'purposes[0]: id "billing" is already defined (an existing entry); pick another id',
    ]);
    expect(first.taxonomy.purposes.get('billing')).toBe(base.purposes.get('billing'));

    const added = extendTaxonomy(
      base,
      {
        purposes: [
          { id: 'x-audit', label },
          { id: 'x-audit', label },
        ],
      },
      'b.yaml',
    );
    expect(added.issues.map((issue) => [issue.code, issue.index, issue.message])).toEqual([
      [
        'taxonomy-id-redefined',
        1,
        'purposes[1]: id "x-audit" is already defined (an entry earlier in this list); pick another id',
      ],
    ]);
    const again = extendTaxonomy(added.taxonomy, { purposes: [{ id: 'x-audit', label }] }, 'c.yaml');
    expect(again.issues.map((issue) => issue.code)).toEqual(['taxonomy-id-redefined']);

    const country = extendTaxonomy(base, { countries: [{ id: 'FR', label, eea: true }] }, 'd.yaml');
    expect(country.issues.map((issue) => issue.path)).toEqual(['countries[0].id']);
  });

  it('reports an unknown kind with the allowed kinds', () => {
    const { issues } = extendTaxonomy(base, { dataCategory: [{ id: 'x-a', label }] }, 'org.yaml');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'taxonomy-unknown-kind',
      kind: 'dataCategory',
      path: 'dataCategory',
    });
    expect(issues[0]?.index).toBeUndefined();
    expect(issues[0]?.message).toBe(
      `unknown taxonomy kind "dataCategory"; allowed kinds: ${TAXONOMY_KIND_NAMES.join(', ')}`,
    );
  });

  it('reports each invalid field of an entry with its path, and leaves the entry out', () => {
    const { taxonomy, issues } = extendTaxonomy(
      base,
      {
        recipients: [
          { id: 'x-auditor', label: { fr: 'Auditeur' }, scope: 'outside', colour: 'blue' },
          {
            id: 'x-notary',
            label: { fr: 'Notaire', en: 'Notary' },
            scope: 'external',
            dpv: ['schema:Person'],
          },
        ],
      },
      'org.yaml',
    );
    expect(issues.map((issue) => [issue.code, issue.index, issue.path])).toEqual([
      ['taxonomy-invalid-entry', 0, 'recipients[0].label.en'],
      ['taxonomy-invalid-entry', 0, 'recipients[0].scope'],
      ['taxonomy-invalid-entry', 0, 'recipients[0]'],
      ['taxonomy-invalid-entry', 1, 'recipients[1].dpv[0]'],
    ]);
    expect(issues[1]?.message).toMatch(/^recipients\[0\]\.scope: .*"internal"\|"external"/);
    expect(issues[2]?.message).toMatch(/colour/);
    expect(issues[3]?.message).toBe(
      'recipients[1].dpv[0]: expected a DPV term such as "dpv:Customer" or "pd:EmailAddress"',
    );
    expect(taxonomy.recipients.has('x-auditor')).toBe(false);
    expect(taxonomy.recipients.has('x-notary')).toBe(false);
  });

  it('reports a kind whose value is not a list', () => {
    const extension = { purposes: { id: 'x-a' } } as unknown as Record<string, unknown[]>;
    const { issues } = extendTaxonomy(base, extension, 'org.yaml');
    expect(issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['taxonomy-not-a-list', 'purposes: expected a list of entries'],
    ]);
  });
});

describe('loadTaxonomyFile', () => {
  it('reads a mapping of kind to entries', () => {
    const file = join(tmp, 'org.yaml');
    writeFileSync(file, 'purposes:\n  - id: x-audit\n    label: { fr: Audit, en: Audit }\nsources:\n');
    expect(loadTaxonomyFile(file)).toEqual({
      purposes: [{ id: 'x-audit', label: { fr: 'Audit', en: 'Audit' } }],
      sources: [],
    });
  });

  it('throws REG_ERR_TAXONOMY_INVALID for a missing file', () => {
    const file = join(tmp, 'absent.yaml');
    expect(() => loadTaxonomyFile(file)).toThrow(`taxonomy file ${file} not found`);
    expect(codeOf(() => loadTaxonomyFile(file))).toBe('REG_ERR_TAXONOMY_INVALID');
  });

  it('throws when the file is not a mapping, or a kind is not a list', () => {
    const list = join(tmp, 'list.yaml');
    writeFileSync(list, '- id: x-a\n');
    expect(() => loadTaxonomyFile(list)).toThrow(
      /must be a mapping of kind name to a list of entries \(kinds: dataCategories, /,
    );
    const scalar = join(tmp, 'scalar.yaml');
    writeFileSync(scalar, 'purposes: billing\n');
    expect(() => loadTaxonomyFile(scalar)).toThrow(/"purposes" must be a list of entries/);
    expect(codeOf(() => loadTaxonomyFile(scalar))).toBe('REG_ERR_TAXONOMY_INVALID');
  });

  it('reports invalid YAML with its line', () => {
    const file = join(tmp, 'broken.yaml');
    writeFileSync(file, 'purposes:\n  - id: x-a\n    label: { fr: A, en: B\n');
    expect(() => loadTaxonomyFile(file)).toThrow(/is not valid YAML at line \d+/);
  });
});
