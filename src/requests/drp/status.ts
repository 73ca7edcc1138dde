/**
 * The Exercise Status object of the Data Rights Protocol v0.9 (section 3.03) for a Registre
 * request. Internal states map to DRP statuses (section 3.02):
 *
 * | Registre                         | DRP status / reason                          |
 * |----------------------------------|----------------------------------------------|
 * | received                         | open                                         |
 * | verifying                        | in_progress / need_user_verification         |
 * | in_progress, extended            | in_progress (expected_by moves on extension) |
 * | completed                        | fulfilled (results_url, expires_at)          |
 * | completed, subject not found     | denied / no_match                            |
 * | completed, download link expired | expired                                      |
 * | refused: excessive               | denied / too_many_requests                   |
 * | refused: manifestly unfounded    | denied / other                               |
 * | refused: identity not verified   | denied / insuf_verification                  |
 * | refused: right not granted       | denied / claim_not_covered                   |
 * | withdrawn                        | revoked                                      |
 *
 * No personal data goes into a status: `processing_details` are fixed sentences.
 */
import { z } from 'zod';
import { currentDueOn, type RequestRecord, type TRefusalGround } from '../types.ts';

export const DRP_STATUSES = ['open', 'in_progress', 'fulfilled', 'revoked', 'denied', 'expired'] as const;
export const DRP_REASONS = [
  'need_user_verification',
  'suspected_fraud',
  'insuf_verification',
  'no_match',
  'claim_not_covered',
  'outside_jurisdiction',
  'too_many_requests',
  'other',
] as const;

export const ZDrpStatus = z
  .strictObject({
    request_id: z.string(),
    received_at: z.string(),
    expected_by: z.string().optional(),
    agent_request_id: z.string().optional(),
    processing_details: z.string().optional(),
    status: z.enum(DRP_STATUSES),
    reason: z.enum(DRP_REASONS).optional(),
    user_verification_url: z.string().optional(),
    results_url: z.string().optional(),
    expires_at: z.string().optional(),
  })
  .meta({ id: 'DrpStatus' });
export type TDrpStatus = z.infer<typeof ZDrpStatus>;

const DENIAL: Readonly<Record<TRefusalGround, { reason: TDrpStatus['reason']; details: string }>> = {
  excessive: {
    reason: 'too_many_requests',
    details: 'Refused as manifestly excessive (GDPR Art 12(5)); the reasons were sent to the data subject.',
  },
  'manifestly-unfounded': {
    reason: 'other',
    details: 'Refused as manifestly unfounded (GDPR Art 12(5)); the reasons were sent to the data subject.',
  },
  'identity-not-verified': {
    reason: 'insuf_verification',
    details: 'The identity of the data subject could not be verified (GDPR Art 12(6)).',
  },
  'right-not-granted': {
    reason: 'claim_not_covered',
    details: "The right requested is not available under the organisation's privacy policy.",
  },
};

export interface DrpStatusContext {
  /** Now, to tell an expired download link. */
  readonly now: Date;
  /** Where the subject confirms their identity (privacy center), for `need_user_verification`. */
  readonly verificationUrl: string;
  /** The export's download URL and expiry, when the request produced one. */
  readonly results?: { readonly url: string; readonly expiresAt: string } | undefined;
}

/** End of the due day as an ISO timestamp. */
function expectedBy(dueOn: string): string {
  return `${dueOn}T23:59:59.999Z`;
}

/** The DRP Exercise Status of `request`. */
export function drpStatusOf(request: RequestRecord, context: DrpStatusContext): TDrpStatus {
  const base: TDrpStatus = {
    request_id: request.id,
    received_at: request.receivedAt,
    status: 'open',
    ...(request.drpAgentRequestId === null ? {} : { agent_request_id: request.drpAgentRequestId }),
  };
  const expected = expectedBy(currentDueOn(request));
  switch (request.state) {
    case 'received':
      return base;
    case 'verifying':
      return {
        ...base,
        status: 'in_progress',
        reason: 'need_user_verification',
        expected_by: expected,
        user_verification_url: context.verificationUrl,
        processing_details: 'A verification code was e-mailed to the data subject.',
      };
    case 'in_progress':
      return { ...base, status: 'in_progress', expected_by: expected };
    case 'extended':
      return {
        ...base,
        status: 'in_progress',
        expected_by: expected,
        processing_details:
          'The deadline was extended by up to two further months (GDPR Art 12(3)); the reasons were sent to the data subject.',
      };
    case 'completed': {
      if (request.outcome !== null && !request.outcome.subjectFound) {
        return {
          ...base,
          status: 'denied',
          reason: 'no_match',
          processing_details: 'No data about the data subject was found.',
        };
      }
      const results = context.results;
      if (results === undefined) return { ...base, status: 'fulfilled' };
      if (Date.parse(results.expiresAt) <= context.now.getTime()) {
        return { ...base, status: 'expired', expires_at: results.expiresAt };
      }
      return { ...base, status: 'fulfilled', results_url: results.url, expires_at: results.expiresAt };
    }
    case 'refused': {
      const denial = DENIAL[request.refusalGround ?? 'manifestly-unfounded'];
      return {
        ...base,
        status: 'denied',
        ...(denial.reason === undefined ? {} : { reason: denial.reason }),
        processing_details: denial.details,
      };
    }
    case 'withdrawn':
      return { ...base, status: 'revoked' };
  }
}
