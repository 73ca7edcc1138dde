import { describe, expect, it } from 'vitest';
import { describeLocation, formatPath, parsePath } from './issue-path.ts';

describe('formatPath', () => {
  it('writes keys with dots and indexes in brackets', () => {
    expect(formatPath(['activities', 2, 'retention', 0, 'duration'])).toBe(
      'activities[2].retention[0].duration',
    );
    expect(formatPath([0, 'id'])).toBe('[0].id');
    expect(formatPath([])).toBe('');
  });

  it('reads back what it wrote, record keys with dashes included', () => {
    const path = ['rights', 'statements', 'withdraw-consent', 'reasons', 1];
    expect(parsePath(formatPath(path))).toEqual(path);
  });

  it('names the top level when the path is empty', () => {
    expect(describeLocation([])).toBe('at the top level of the policy');
    expect(describeLocation(['activities', 0])).toBe('in activities[0]');
  });
});
