/**
 * What the requests area shows, declared with Zod (the API sends nothing else). The summary and
 * the subject's status hold no personal data; the detail does, and reading it is audited.
 */
import { z } from 'zod';
import { daysLeft } from './deadline.ts';
import { ZRequestRight } from './rights.ts';
import { isFinalState, ZRequestState } from './states.ts';
import {
  currentDueOn,
  type RequestRecord,
  ZFulfilmentOutcome,
  ZRefusalGround,
  ZRequestChannel,
  ZRequestEventKind,
} from './types.ts';

export const ZRequestSummary = z
  .strictObject({
    id: z.string(),
    right: ZRequestRight,
    channel: ZRequestChannel,
    state: ZRequestState,
    language: z.enum(['fr', 'en']),
    receivedAt: z.string(),
    /** End of the first period (YYYY-MM-DD). */
    dueOn: z.string(),
    /** End of the extended period, once extended. */
    extendedDueOn: z.string().nullable(),
    /** Whole days left to answer (negative once late); null once closed. */
    daysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
    possiblyRepetitive: z.boolean(),
    repeatOf: z.string().nullable(),
    assigneeId: z.string().nullable(),
    refusalGround: ZRefusalGround.nullable(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'RequestSummary' });
export type TRequestSummary = z.infer<typeof ZRequestSummary>;

export const ZRequestEventView = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  kind: ZRequestEventKind,
  actor: z.string(),
  fromState: ZRequestState.nullable(),
  toState: ZRequestState.nullable(),
  /** Text of a note, reply or reason. */
  body: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type TRequestEventView = z.infer<typeof ZRequestEventView>;

export const ZExportView = z.strictObject({
  id: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  downloads: z.number().int(),
  lastDownloadedAt: z.string().nullable(),
  files: z.array(z.strictObject({ name: z.string(), mediaType: z.string(), size: z.number().int() })),
});

export const ZRequestDetail = z
  .strictObject({
    ...ZRequestSummary.shape,
    subject: z.strictObject({
      email: z.string(),
      name: z.string().nullable(),
      details: z.string().nullable(),
    }),
    verifiedAt: z.string().nullable(),
    extensionReason: z.string().nullable(),
    refusalReason: z.string().nullable(),
    outcome: ZFulfilmentOutcome.nullable(),
    drp: z.strictObject({ agentId: z.string().nullable(), agentRequestId: z.string().nullable() }).nullable(),
    createdBy: z.string(),
    timeline: z.array(ZRequestEventView),
    exports: z.array(ZExportView),
  })
  .meta({ id: 'RequestDetail' });
export type TRequestDetail = z.infer<typeof ZRequestDetail>;

/** What the subject sees with their status token: no personal data, no internal notes. */
export const ZSubjectStatus = z
  .strictObject({
    id: z.string(),
    right: ZRequestRight,
    state: ZRequestState,
    receivedAt: z.string(),
    /** The day by which the answer is due (the extended day once extended). */
    dueOn: z.string(),
    extended: z.boolean(),
    closedAt: z.string().nullable(),
    steps: z.array(z.strictObject({ at: z.string(), kind: ZRequestEventKind })),
  })
  .meta({ id: 'SubjectRequestStatus' });
export type TSubjectStatus = z.infer<typeof ZSubjectStatus>;

/** The summary of a record on `now`. */
export function toSummary(record: RequestRecord, now: Date): TRequestSummary {
  const due = currentDueOn(record);
  const closed = isFinalState(record.state);
  const left = closed ? null : daysLeft(due, now);
  return {
    id: record.id,
    right: record.right,
    channel: record.channel,
    state: record.state,
    language: record.language,
    receivedAt: record.receivedAt,
    dueOn: record.dueOn,
    extendedDueOn: record.extendedDueOn,
    daysLeft: left,
    overdue: left !== null && left < 0,
    possiblyRepetitive: record.possiblyRepetitive,
    repeatOf: record.repeatOf,
    assigneeId: record.assigneeId,
    refusalGround: record.refusalGround,
    closedAt: record.closedAt,
  };
}
