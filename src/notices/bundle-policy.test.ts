import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../policy/diff/diff-policies.ts';
import { loadPolicy } from '../policy/load-policy.ts';
import { renderNotice } from '../policy/render/notice/render-notice.ts';
import { bundlePolicyYaml, contentHash, loadBundledPolicy } from './bundle-policy.ts';

const SEEDS = join(import.meta.dirname, '../../examples/seeds');
const FIXTURES = join(import.meta.dirname, '../../test/fixtures/policy-valid');

describe('bundlePolicyYaml', () => {
  it.each(readdirSync(SEEDS).filter((dir) => existsSync(join(SEEDS, dir, 'policy.yaml'))))(
    'stores %s so that it loads back to the same policy and notice',
    async (seed) => {
      const loaded = await loadPolicy(join(SEEDS, seed, 'policy.yaml'));
      if (!loaded.ok) throw new Error(`${seed} does not load`);
      const back = loadBundledPolicy(bundlePolicyYaml(loaded), 'notice-v1');
      expect(diffPolicies(loaded, back)).toEqual([]);
      for (const lang of ['fr', 'en'] as const) {
        expect(renderNotice(back, { lang, format: 'md' })).toBe(renderNotice(loaded, { lang, format: 'md' }));
      }
      const { taxonomy: _a, ...original } = loaded.policy;
      const { taxonomy: _b, ...reloaded } = back.policy;
      expect(reloaded).toEqual(original);
    },
  );

  it('inlines the taxonomy files a policy names, so the bundle needs no other file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-bundle-'));
    try {
      mkdirSync(join(dir, 'taxonomy'));
      writeFileSync(
        join(dir, 'taxonomy', 'loyalty.yaml'),
        'purposes:\n  - id: x-loyalty\n    label: { fr: Programme de fidélité, en: Loyalty programme }\n    dpv: [dpv:CustomerRelationshipManagement]\n',
      );
      const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')
        .replace('policy:\n', 'taxonomyFiles: [taxonomy/loyalty.yaml]\npolicy:\n')
        .replace('purposes: [account-management]', 'purposes: [account-management, x-loyalty]');
      writeFileSync(join(dir, 'policy.yaml'), minimal);
      const loaded = await loadPolicy(join(dir, 'policy.yaml'));
      if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
      const bundle = bundlePolicyYaml(loaded);
      expect(bundle).not.toContain('taxonomyFiles');
      const back = loadBundledPolicy(bundle, 'notice-v2');
      expect(back.taxonomy.purposes.get('x-loyalty')?.label.en).toBe('Loyalty programme');
      expect(diffPolicies(loaded, back)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a stored policy that no longer loads as an internal error naming the version', () => {
    expect(() => loadBundledPolicy('registre: 1\n', 'notice-v7')).toThrow(/notice-v7/);
  });
});

describe('contentHash', () => {
  it('depends on every document and not on their order', () => {
    const a = { key: 'fr.md', content: 'Bonjour' };
    const b = { key: 'en.md', content: 'Hello' };
    expect(contentHash('x', [a, b])).toBe(contentHash('x', [b, a]));
    expect(contentHash('x', [a, b])).not.toBe(contentHash('x', [a, { ...b, content: 'Hello!' }]));
    expect(contentHash('x', [a, b])).not.toBe(contentHash('y', [a, b]));
  });
});
