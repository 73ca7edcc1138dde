import { describe, expect, it } from 'vitest';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import {
  assertCanExtend,
  DEFAULT_RESPONSE_TIME,
  daysLeft,
  deadlineRules,
  extendedDueOn,
  isWithin,
  MAX_EXTENSION,
  responseDueOn,
} from './deadline.ts';

const ONE_MONTH = { responseTime: DEFAULT_RESPONSE_TIME, extension: MAX_EXTENSION };
const at = (iso: string) => new Date(iso);

function policyWith(rights: { responseTime?: string; extension?: string }): LoadedPolicy {
  return { policy: { rights: { statements: {}, channels: [], ...rights } } } as unknown as LoadedPolicy;
}

describe('response deadline (Art 12(3), Regulation 1182/71)', () => {
  it('one month from 31 January ends on the last day of February', () => {
    expect(responseDueOn(at('2023-01-31T09:00:00Z'), ONE_MONTH)).toBe('2023-02-28');
    expect(responseDueOn(at('2025-01-31T23:59:59Z'), ONE_MONTH)).toBe('2025-02-28');
  });

  it('in the 2024 leap year it ends on 29 February', () => {
    expect(responseDueOn(at('2024-01-31T12:00:00Z'), ONE_MONTH)).toBe('2024-02-29');
    expect(responseDueOn(at('2024-01-29T12:00:00Z'), ONE_MONTH)).toBe('2024-02-29');
    expect(responseDueOn(at('2024-01-30T12:00:00Z'), ONE_MONTH)).toBe('2024-02-29');
  });

  it('ends on the same day of the next month otherwise, across the year end', () => {
    expect(responseDueOn(at('2024-03-15T00:00:00Z'), ONE_MONTH)).toBe('2024-04-15');
    expect(responseDueOn(at('2024-12-31T08:00:00Z'), ONE_MONTH)).toBe('2025-01-31');
    expect(responseDueOn(at('2024-03-31T08:00:00Z'), ONE_MONTH)).toBe('2024-04-30');
  });

  it("uses the policy's response time when it states one (seed 002: 30 days)", () => {
    const rules = deadlineRules(policyWith({ responseTime: 'P30D' }));
    expect(rules.responseTime).toBe('P30D');
    // The day of receipt does not count: 1 January + 30 days = 31 January.
    expect(responseDueOn(at('2024-01-01T10:00:00Z'), rules)).toBe('2024-01-31');
    expect(responseDueOn(at('2024-02-01T10:00:00Z'), rules)).toBe('2024-03-02');
  });

  it('defaults to one month plus two, and caps a longer extension at two months', () => {
    expect(deadlineRules(policyWith({}))).toEqual({ responseTime: 'P1M', extension: 'P2M' });
    expect(deadlineRules(policyWith({ extension: 'P3M' })).extension).toBe('P2M');
    expect(deadlineRules(policyWith({ extension: 'P1M' })).extension).toBe('P1M');
  });

  it('counts the extended period from receipt as one period of three months', () => {
    expect(extendedDueOn(at('2024-01-31T12:00:00Z'), ONE_MONTH)).toBe('2024-04-30');
    expect(extendedDueOn(at('2023-11-30T12:00:00Z'), ONE_MONTH)).toBe('2024-02-29');
    expect(extendedDueOn(at('2024-01-01T00:00:00Z'), { responseTime: 'P30D', extension: 'P2M' })).toBe(
      '2024-03-31',
    );
  });
});

describe('extension only within the first period', () => {
  const firstDue = responseDueOn(at('2024-01-31T12:00:00Z'), ONE_MONTH); // 2024-02-29

  it('is allowed up to the last minute of the due day', () => {
    expect(() => assertCanExtend(firstDue, at('2024-02-01T00:00:00Z'))).not.toThrow();
    expect(() => assertCanExtend(firstDue, at('2024-02-29T23:59:59Z'))).not.toThrow();
  });

  it('is refused once the first period is over', () => {
    expect(() => assertCanExtend(firstDue, at('2024-03-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'REG_ERR_REQUESTS_EXTENSION_LATE' }),
    );
  });

  it('tells days left, zero on the due day and negative after it', () => {
    expect(daysLeft('2024-02-29', at('2024-02-27T18:00:00Z'))).toBe(2);
    expect(daysLeft('2024-02-29', at('2024-02-29T23:00:00Z'))).toBe(0);
    expect(daysLeft('2024-02-29', at('2024-03-02T01:00:00Z'))).toBe(-2);
    expect(isWithin('2024-02-29', at('2024-02-29T23:00:00Z'))).toBe(true);
    expect(isWithin('2024-02-29', at('2024-03-01T00:00:00Z'))).toBe(false);
  });
});
