/** Shared shapes of the requests area: channels, refusal grounds, timeline events, the record. */
import { z } from 'zod';
import type { TRequestRight } from './rights.ts';
import type { TRequestState } from './states.ts';

/** How a request reached Registre. */
export const REQUEST_CHANNELS = ['privacy-center', 'console', 'drp', 'email', 'postal', 'phone'] as const;
export const ZRequestChannel = z.enum(REQUEST_CHANNELS);
export type TRequestChannel = z.infer<typeof ZRequestChannel>;

/**
 * Why a request was refused:
 * - `manifestly-unfounded`, `excessive` (notably repetitive): Art 12(5), decided by a person with
 *   the reason recorded; the controller carries the burden of showing it;
 * - `identity-not-verified`: Art 12(6)/11(2), the subject never confirmed their identity;
 * - `right-not-granted`: the policy does not grant the right (a DRP request is recorded and
 *   refused so the agent can read why).
 */
export const REFUSAL_GROUNDS = [
  'manifestly-unfounded',
  'excessive',
  'identity-not-verified',
  'right-not-granted',
] as const;
export const ZRefusalGround = z.enum(REFUSAL_GROUNDS);
export type TRefusalGround = z.infer<typeof ZRefusalGround>;

/** Grounds a person may choose when refusing (the other two are recorded by Registre itself). */
export const ZManualRefusalGround = z.enum(['manifestly-unfounded', 'excessive', 'identity-not-verified']);
export type TManualRefusalGround = z.infer<typeof ZManualRefusalGround>;

/** Kinds of timeline events. */
export const REQUEST_EVENT_KINDS = [
  'received',
  'flagged-repetitive',
  'code-sent',
  'code-failed',
  'verified',
  'assigned',
  'note',
  'reply',
  'extended',
  'fulfilled',
  'export-created',
  'export-downloaded',
  'refused',
  'withdrawn',
] as const;
export const ZRequestEventKind = z.enum(REQUEST_EVENT_KINDS);
export type TRequestEventKind = z.infer<typeof ZRequestEventKind>;

/** Summary of a fulfilment, free of personal data. */
export const ZFulfilmentOutcome = z.strictObject({
  /** Whether the subject was found in the organisation's database. */
  subjectFound: z.boolean(),
  /** Rows concerned per table (read, erased, anonymised, rectified, restricted…). */
  rowCounts: z.record(z.string(), z.number().int().min(0)),
  /** What was done, in words an agent reads ("erased 3 rows, anonymised 2, kept 4 under legal hold"). */
  summary: z.string(),
  /** The export handed to the subject, when one was made. */
  exportId: z.string().optional(),
});
export type TFulfilmentOutcome = z.infer<typeof ZFulfilmentOutcome>;

/** A request as the core sees it, without its sealed fields. */
export interface RequestRecord {
  readonly id: string;
  readonly right: TRequestRight;
  readonly channel: TRequestChannel;
  readonly state: TRequestState;
  readonly language: 'fr' | 'en';
  readonly subjectKey: string;
  readonly receivedAt: string;
  readonly dueOn: string;
  readonly extendedDueOn: string | null;
  readonly refusalGround: TRefusalGround | null;
  readonly possiblyRepetitive: boolean;
  readonly repeatOf: string | null;
  readonly assigneeId: string | null;
  readonly verifiedAt: string | null;
  readonly drpPrincipal: string | null;
  readonly drpAgentId: string | null;
  readonly drpAgentRequestId: string | null;
  readonly outcome: TFulfilmentOutcome | null;
  readonly createdBy: string;
  readonly closedAt: string | null;
  readonly updatedAt: string;
}

/** The deadline currently running: the extended one once extended. */
export function currentDueOn(record: Pick<RequestRecord, 'dueOn' | 'extendedDueOn'>): string {
  return record.extendedDueOn ?? record.dueOn;
}
