/** Shapes of the breach register, shared by the service, the routes and the web console. */
import { z } from 'zod';

export const ZRiskLevel = z.enum(['unlikely', 'risk', 'high']);
export type TRiskLevel = z.infer<typeof ZRiskLevel>;

export const ZAuthorityDecision = z.enum(['notify', 'not-required']);
export const ZSubjectsDecision = z.enum(['inform', 'public-communication', 'not-required']);
/** Art 34(3)(a) and (b): individual information is not required despite a high risk. */
export const ZSubjectsExemption = z.enum(['encrypted', 'measures-removed-risk']);
/** Why subjects are (not) informed, derived from the risk, the policy and the decision. */
export const ZSubjectsGround = z.enum([
  'high-risk',
  'policy-commitment',
  'voluntary',
  'not-high-risk',
  'encrypted',
  'measures-removed-risk',
  'disproportionate',
]);
export const ZRecipient = z.enum(['authority', 'subjects', 'public', 'controller']);
export const ZNotificationChannel = z.enum([
  'online-form',
  'email',
  'letter',
  'phone',
  'website',
  'press',
  'other',
]);

/** PostgreSQL text cannot hold NUL; other control characters except tab and newlines are refused too. */
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const text = z.string().trim().min(1).max(4000).regex(NO_CONTROL, 'must not contain control characters');
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters');
const ids = z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)).max(100);
const count = z.number().int().min(0).max(1e12);
const isoTime = z.iso.datetime({ offset: true });

/** Art 33(3) content; every field optional so that it can come in phases (Art 33(4)). */
export const ZBreachContent = z.strictObject({
  /** Nature of the breach (confidentiality, integrity, availability; what happened). */
  nature: text.optional(),
  dataCategories: ids.optional(),
  subjectCategories: ids.optional(),
  approxSubjects: count.optional(),
  approxRecords: count.optional(),
  /** DPO or contact point where more information can be obtained. */
  contact: text.optional(),
  consequences: text.optional(),
  measuresTaken: text.optional(),
  measuresProposed: text.optional(),
});
export type TBreachContent = z.infer<typeof ZBreachContent>;

export const ZRecordBreachInput = z.strictObject({
  title: line(200),
  /** When the organisation became aware (the 72-hour clock starts here). */
  awareAt: isoTime,
  occurredAt: isoTime.optional(),
  content: ZBreachContent.optional(),
});
export type TRecordBreachInput = z.infer<typeof ZRecordBreachInput>;

export const ZAssessmentInput = z.strictObject({
  risk: ZRiskLevel,
  authority: z.strictObject({
    decision: ZAuthorityDecision,
    /** Required when not notifying: why the breach is unlikely to result in a risk. */
    reason: text.optional(),
  }),
  subjects: z.strictObject({
    decision: ZSubjectsDecision,
    /** For `not-required` despite a high risk: the Art 34(3)(a)/(b) exemption. */
    exemption: ZSubjectsExemption.optional(),
    /** The reasoning; required for an exemption and for a public communication. */
    note: text.optional(),
  }),
});
export type TAssessmentInput = z.infer<typeof ZAssessmentInput>;

export const ZNotificationInput = z.strictObject({
  recipient: ZRecipient,
  /** When it was sent. */
  at: isoTime,
  channel: ZNotificationChannel,
  reference: line(200).optional(),
  recipientsCount: count.optional(),
  /** Reasons for notifying the authority after 72 hours (Art 33(1)), when late. */
  delayReason: text.optional(),
});
export type TNotificationInput = z.infer<typeof ZNotificationInput>;

export const ZBreachPhase = ZBreachContent.extend({
  seq: z.number().int(),
  at: z.string(),
  recordedBy: z.string(),
});

export const ZBreachNotification = z.strictObject({
  id: z.string(),
  recipient: ZRecipient,
  at: z.string(),
  channel: ZNotificationChannel,
  reference: z.string().nullable(),
  recipientsCount: z.number().nullable(),
  /** Sent to the authority after the 72 hours. */
  late: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});

export const ZBreachClock = z.strictObject({
  /** Awareness + 72 hours exactly. */
  deadline: z.string(),
  /** Hours until the deadline (negative once passed). */
  hoursLeft: z.number(),
  /** `running`, `overdue`, `notified`, `notified-late` or `not-required`. */
  state: z.enum(['running', 'overdue', 'notified', 'notified-late', 'not-required']),
  authorityNotifiedAt: z.string().nullable(),
});
export type TBreachClock = z.infer<typeof ZBreachClock>;

export const ZBreachView = z.strictObject({
  id: z.string(),
  title: z.string(),
  awareAt: z.string(),
  occurredAt: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  risk: ZRiskLevel.nullable(),
  authority: z.strictObject({
    decision: ZAuthorityDecision.nullable(),
    reason: z.string().nullable(),
    delayReason: z.string().nullable(),
  }),
  subjects: z.strictObject({
    decision: ZSubjectsDecision.nullable(),
    ground: ZSubjectsGround.nullable(),
    note: z.string().nullable(),
  }),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** The Art 33(3) content as it stands: each field from the latest phase that gave it. */
  content: ZBreachContent,
  phases: z.array(ZBreachPhase),
  notifications: z.array(ZBreachNotification),
  clock: ZBreachClock,
  createdAt: z.string(),
  createdBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
});
export type TBreachView = z.infer<typeof ZBreachView>;

export const ZBreachSummary = ZBreachView.pick({
  id: true,
  title: true,
  awareAt: true,
  status: true,
  risk: true,
  clock: true,
});
export type TBreachSummary = z.infer<typeof ZBreachSummary>;
