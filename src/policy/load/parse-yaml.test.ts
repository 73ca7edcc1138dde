import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse-yaml.ts';

const TEXT = [
  'organisation:', //                 line 1
  '  name: Exemple', //               line 2
  'activities:', //                   line 3
  '  - id: a', //                     line 4
  '    purposes: [x, y]', //          line 5
  '    empty:', //                    line 6
  '  - id: b', //                     line 7
].join('\n');

describe('parseYaml', () => {
  const parsed = parseYaml(TEXT, 'p.yaml');

  it('gives the plain value and no issue for valid YAML', () => {
    expect(parsed.issues).toEqual([]);
    expect(parsed.value).toMatchObject({
      organisation: { name: 'Exemple' },
      activities: [{ id: 'a' }, { id: 'b' }],
    });
  });

  it('locates values, keys, list items and flow items (1-based)', () => {
    const at = parsed.locator.position;
    expect(at(['organisation', 'name'])).toEqual({ line: 2, column: 9 });
    expect(at(['organisation', 'name'], 'key')).toEqual({ line: 2, column: 3 });
    expect(at(['activities', 1])).toEqual({ line: 4 + 3, column: 5 });
    expect(at(['activities', 0, 'purposes', 1])).toEqual({ line: 5, column: 19 });
  });

  it('falls back to the nearest existing node, and to the key of an empty value', () => {
    const at = parsed.locator.position;
    expect(at(['activities', 0, 'retention', 0, 'duration'])).toEqual({ line: 4, column: 5 });
    expect(at(['activities', 0, 'empty'])).toEqual({ line: 6, column: 5 });
    expect(at(['nowhere'])).toEqual({ line: 1, column: 1 });
  });

  it('reports a duplicate key with its path and position', () => {
    const { issues, value } = parseYaml('a:\n  b: 1\n  c: 2\n  b: 3\n', 'd.yaml');
    expect(value).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'yaml-duplicate-key',
        line: 4,
        column: 3,
        path: 'a.b',
        severity: 'error',
      }),
    ]);
    expect(issues[0]?.message).toContain("duplicate key 'b' in a");
  });

  it('reports an alias without its anchor where the alias is', () => {
    const { issues } = parseYaml('a: 1\nb: *nowhere\n', 'x.yaml');
    expect(issues).toEqual([expect.objectContaining({ code: 'yaml-syntax', line: 2, column: 4 })]);
  });

  it('reports a syntax error with its line and column', () => {
    const { issues } = parseYaml('a: "unclosed\nb: 1\n', 's.yaml');
    expect(issues[0]).toMatchObject({ code: 'yaml-syntax', file: 's.yaml', line: 3, column: 1 });
    expect(issues[0]?.message).toMatch(/closing "quote/);
  });
});
