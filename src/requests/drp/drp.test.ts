import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../types.ts';
import {
  assertDrpRequestCurrent,
  rightOfExercise,
  type TDrpExerciseRequest,
  ZDrpExerciseRequest,
} from './exercise.ts';
import { drpStatusOf } from './status.ts';

const NOW = new Date('2024-01-31T12:00:00Z');

const record: RequestRecord = {
  id: 'req-1',
  right: 'access',
  channel: 'drp',
  state: 'received',
  language: 'fr',
  subjectKey: 'subj_x',
  receivedAt: '2024-01-31T11:00:00.000Z',
  dueOn: '2024-02-29',
  extendedDueOn: null,
  refusalGround: null,
  possiblyRepetitive: false,
  repeatOf: null,
  assigneeId: null,
  verifiedAt: null,
  drpPrincipal: 'token:t1',
  drpAgentId: 'agent-1',
  drpAgentRequestId: 'agent-req-9',
  outcome: null,
  createdBy: 'token:t1',
  closedAt: null,
  updatedAt: '2024-01-31T11:00:00.000Z',
};

const context = { now: NOW, verificationUrl: 'https://privacy.example/verify/req-1' };

describe('DRP statuses', () => {
  it('map every internal state', () => {
    expect(drpStatusOf(record, context)).toEqual({
      request_id: 'req-1',
      received_at: '2024-01-31T11:00:00.000Z',
      agent_request_id: 'agent-req-9',
      status: 'open',
    });
    const verifying = drpStatusOf({ ...record, state: 'verifying' }, context);
    expect(verifying).toMatchObject({
      status: 'in_progress',
      reason: 'need_user_verification',
      user_verification_url: 'https://privacy.example/verify/req-1',
      expected_by: '2024-02-29T23:59:59.999Z',
    });
    expect(drpStatusOf({ ...record, state: 'in_progress' }, context)).toMatchObject({
      status: 'in_progress',
      expected_by: '2024-02-29T23:59:59.999Z',
    });
    const extended = drpStatusOf({ ...record, state: 'extended', extendedDueOn: '2024-04-30' }, context);
    expect(extended.expected_by).toBe('2024-04-30T23:59:59.999Z');
    expect(extended.processing_details).toMatch(/Art 12\(3\)/);
    expect(drpStatusOf({ ...record, state: 'withdrawn' }, context).status).toBe('revoked');
  });

  it('give the results link while it is valid, then say expired', () => {
    const completed = { ...record, state: 'completed' as const };
    const results = { url: 'https://privacy.example/exports/abc', expiresAt: '2024-02-07T12:00:00.000Z' };
    expect(drpStatusOf(completed, { ...context, results })).toMatchObject({
      status: 'fulfilled',
      results_url: results.url,
      expires_at: results.expiresAt,
    });
    const later = drpStatusOf(completed, { ...context, now: new Date('2024-02-07T12:00:00Z'), results });
    expect(later.status).toBe('expired');
    expect(later.results_url).toBeUndefined();
    expect(drpStatusOf(completed, context).status).toBe('fulfilled');
    const notFound = { ...completed, outcome: { subjectFound: false, rowCounts: {}, summary: 'none' } };
    expect(drpStatusOf(notFound, context)).toMatchObject({ status: 'denied', reason: 'no_match' });
  });

  it('give the DRP reason of each refusal ground', () => {
    const reasons = (
      ['excessive', 'manifestly-unfounded', 'identity-not-verified', 'right-not-granted'] as const
    ).map((ground) => drpStatusOf({ ...record, state: 'refused', refusalGround: ground }, context).reason);
    expect(reasons).toEqual(['too_many_requests', 'other', 'insuf_verification', 'claim_not_covered']);
  });
});

describe('DRP exercises', () => {
  const body: TDrpExerciseRequest = {
    'agent-id': 'aa',
    'business-id': 'cb',
    'issued-at': '2024-01-31T11:58:00Z',
    'expires-at': '2024-01-31T12:08:00Z',
    'drp.version': '0.9.4',
    exercise: 'deletion',
    email: 'someone@example.org',
  };

  it('map CCPA actions to GDPR rights and GDPR rights only under the gdpr regime', () => {
    expect(rightOfExercise('access:categories', 'ccpa')).toBe('access');
    expect(rightOfExercise('deletion', undefined)).toBe('erasure');
    expect(rightOfExercise('sale:opt_out', 'ccpa')).toBe('objection');
    expect(rightOfExercise('restriction', 'gdpr')).toBe('restriction');
    expect(() => rightOfExercise('restriction', 'ccpa')).toThrow(/needs regime "gdpr"/);
    expect(() => rightOfExercise('sale:opt_in', 'ccpa')).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('validate the body and the protocol version, dropping unknown claims', () => {
    const parsed = ZDrpExerciseRequest.parse({ ...body, address: 'somewhere' });
    expect(parsed).not.toHaveProperty('address');
    expect(ZDrpExerciseRequest.safeParse({ ...body, 'drp.version': '1.0' }).success).toBe(false);
    expect(ZDrpExerciseRequest.safeParse({ ...body, exercise: 'erase-everything' }).success).toBe(false);
  });

  it('discard requests past their expires-at or issued in the future', () => {
    expect(() => assertDrpRequestCurrent(body, NOW)).not.toThrow();
    expect(() => assertDrpRequestCurrent(body, new Date('2024-01-31T12:08:00Z'))).toThrow(
      expect.objectContaining({ code: 'REG_ERR_REQUESTS_DRP_EXPIRED' }),
    );
    expect(() =>
      assertDrpRequestCurrent(
        { ...body, 'issued-at': '2024-01-31T12:07:00Z' },
        new Date('2024-01-31T11:00:00Z'),
      ),
    ).toThrow(/in the future/);
  });
});
