import { describe, expect, it } from 'vitest';
import { breachClock, hoursLeft, isLate, notificationDeadline } from './breach-clock.ts';
import { checkAssessment, subjectsInformationDue } from './breach-rules.ts';
import type { TAssessmentInput } from './breach-types.ts';

const AWARE = '2025-03-28T22:30:00.000Z';

describe('the Art 33 clock', () => {
  it('ends 72 hours after awareness exactly, across a daylight-saving change and a month end', () => {
    // Europe/Paris moves to summer time on 30 March 2025: the deadline is still 72 real hours.
    expect(notificationDeadline(AWARE).toISOString()).toBe('2025-03-31T22:30:00.000Z');
    expect(notificationDeadline('2025-02-27T10:00:00+01:00').toISOString()).toBe('2025-03-02T09:00:00.000Z');
  });

  it('counts hours left, negative once the deadline has passed', () => {
    expect(hoursLeft({ awareAt: AWARE }, new Date(AWARE))).toBe(72);
    expect(hoursLeft({ awareAt: AWARE }, new Date('2025-03-31T20:00:00.000Z'))).toBe(2.5);
    expect(hoursLeft({ awareAt: AWARE }, new Date('2025-04-01T00:30:00.000Z'))).toBe(-2);
  });

  it('is on time up to the deadline itself and late one millisecond after', () => {
    expect(isLate(AWARE, '2025-03-31T22:30:00.000Z')).toBe(false);
    expect(isLate(AWARE, '2025-03-31T22:30:00.001Z')).toBe(true);
  });

  it('tells the dashboard where the clock stands', () => {
    const at = (now: string, notified: string | null = null, decision: string | null = null) =>
      breachClock(
        { awareAt: AWARE, authorityDecision: decision, authorityNotifiedAt: notified },
        new Date(now),
      ).state;
    expect(at('2025-03-31T22:30:00.000Z')).toBe('running');
    expect(at('2025-03-31T22:30:00.001Z')).toBe('overdue');
    expect(at('2025-04-02T00:00:00.000Z', '2025-03-30T10:00:00.000Z')).toBe('notified');
    expect(at('2025-04-02T00:00:00.000Z', '2025-04-01T10:00:00.000Z')).toBe('notified-late');
    expect(at('2025-04-02T00:00:00.000Z', null, 'not-required')).toBe('not-required');
  });
});

const assessment = (over: Partial<TAssessmentInput>): TAssessmentInput => ({
  risk: 'high',
  authority: { decision: 'notify' },
  subjects: { decision: 'inform' },
  ...over,
});

describe('checkAssessment', () => {
  it('requires notifying the authority unless a risk is unlikely, with the reason', () => {
    expect(() =>
      checkAssessment(
        assessment({ risk: 'risk', authority: { decision: 'not-required', reason: 'x' } }),
        undefined,
      ),
    ).toThrow(/unlikely/);
    expect(() =>
      checkAssessment(
        assessment({
          risk: 'unlikely',
          authority: { decision: 'not-required' },
          subjects: { decision: 'not-required' },
        }),
        undefined,
      ),
    ).toThrow(/authority.reason/);
    expect(
      checkAssessment(
        assessment({
          risk: 'unlikely',
          authority: { decision: 'not-required', reason: 'encrypted backup, key safe' },
          subjects: { decision: 'not-required' },
        }),
        undefined,
      ),
    ).toBe('not-high-risk');
  });

  it('requires informing subjects of a high risk, except under Art 34(3) with the reasoning', () => {
    expect(checkAssessment(assessment({}), 'high-risk-unless-protected')).toBe('high-risk');
    expect(() => checkAssessment(assessment({ subjects: { decision: 'not-required' } }), undefined)).toThrow(
      /exemption/,
    );
    expect(() =>
      checkAssessment(
        assessment({ subjects: { decision: 'not-required', exemption: 'encrypted' } }),
        undefined,
      ),
    ).toThrow(/subjects.note/);
    expect(
      checkAssessment(
        assessment({
          subjects: { decision: 'not-required', exemption: 'encrypted', note: 'AES-256, key not exposed' },
        }),
        undefined,
      ),
    ).toBe('encrypted');
    expect(() =>
      checkAssessment(assessment({ subjects: { decision: 'public-communication' } }), undefined),
    ).toThrow(/disproportionate/);
    expect(
      checkAssessment(
        assessment({
          subjects: { decision: 'public-communication', note: 'no contact details for 2 million visitors' },
        }),
        undefined,
      ),
    ).toBe('disproportionate');
  });

  it('holds the organisation to a policy that promises more than Art 34', () => {
    expect(subjectsInformationDue('risk', 'possible-harm')).toEqual({
      due: true,
      byLaw: false,
      exemptionsApply: false,
    });
    expect(() =>
      checkAssessment(assessment({ risk: 'risk', subjects: { decision: 'not-required' } }), 'possible-harm'),
    ).toThrow(/contradicts the policy/);
    expect(checkAssessment(assessment({ risk: 'risk' }), 'possible-harm')).toBe('policy-commitment');
    expect(() =>
      checkAssessment(
        assessment({ subjects: { decision: 'not-required', exemption: 'encrypted', note: 'AES' } }),
        'always',
      ),
    ).toThrow(/contradicts the policy/);
    expect(checkAssessment(assessment({ risk: 'unlikely' }), undefined)).toBe('voluntary');
  });
});
