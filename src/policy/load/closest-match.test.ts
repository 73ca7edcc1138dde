import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './closest-match.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('retension', 'retention')).toBe(1);
    expect(editDistance('cnli', 'cnil')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('purpose', 'purposes')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('is zero only on equal strings, symmetric, and bounded by the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const distance = editDistance(a, b);
        expect(distance === 0).toBe(a === b);
        expect(distance).toBe(editDistance(b, a));
        expect(distance).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(distance).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it('adds one edit per appended letter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 6 }), (a, suffix) => {
        expect(editDistance(a, a + suffix)).toBe(suffix.length);
      }),
    );
  });
});

describe('closestMatch', () => {
  const keys = ['id', 'name', 'purposes', 'retention', 'endAction'];

  it('suggests the closest key for a typo, ignoring case', () => {
    expect(closestMatch('retension', keys)).toBe('retention');
    expect(closestMatch('endaction', keys)).toBe('endAction');
    expect(closestMatch('nme', keys)).toBe('name');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(closestMatch('colour', keys)).toBeUndefined();
    expect(closestMatch('xy', keys)).toBeUndefined();
    expect(closestMatch('anything', [])).toBeUndefined();
  });
});
