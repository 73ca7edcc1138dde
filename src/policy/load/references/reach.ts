/**
 * Reaching every value a small path pattern names in a plain policy object.
 *
 * A pattern is dot-separated keys, each followed by any number of steps: `[*]` every list item,
 * `{*}` every value of a mapping, `{key}` every key of a mapping (last step only). Example:
 * `activities[*].rights{*}.reasons[*]`.
 */
import { RegistreError } from '../../../errors/registry.ts';
import type { PathSegment } from '../issue-path.ts';

/** A value found by a pattern, with its path; `isKey` when the value is a mapping key. */
export interface Reached {
  readonly value: unknown;
  readonly path: readonly PathSegment[];
  readonly isKey: boolean;
}

const SEGMENT = /^([A-Za-z0-9]+)((?:\[\*\]|\{\*\}|\{key\})*)$/;
const STEP = /\[\*\]|\{\*\}|\{key\}/g;

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function applyStep(found: Reached[], step: string): Reached[] {
  return found.flatMap(({ value, path }): Reached[] => {
    if (step === '[*]') {
      return Array.isArray(value)
        ? value.map((item, i) => ({ value: item, path: [...path, i], isKey: false }))
        : [];
    }
    if (!isMapping(value)) return [];
    const entries = Object.entries(value);
    return step === '{key}'
      ? entries.map(([key]) => ({ value: key, path: [...path, key], isKey: true }))
      : entries.map(([key, item]) => ({ value: item, path: [...path, key], isKey: false }));
  });
}

/** Every value `pattern` reaches in `root` (absent optional fields simply reach nothing). */
export function reach(root: unknown, pattern: string): Reached[] {
  let found: Reached[] = [{ value: root, path: [], isKey: false }];
  for (const segment of pattern.split('.')) {
    const match = SEGMENT.exec(segment);
    if (match === null) throw new RegistreError('REG_ERR_INTERNAL', `invalid reference pattern '${pattern}'`);
    const key = match[1] ?? '';
    found = found.flatMap(({ value, path }) =>
      isMapping(value) && value[key] !== undefined
        ? [{ value: value[key], path: [...path, key], isKey: false }]
        : [],
    );
    for (const step of (match[2] ?? '').match(STEP) ?? []) found = applyStep(found, step);
  }
  return found;
}
