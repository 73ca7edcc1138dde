/**
 * Zod schemas of the consent ledger's inputs and views, shared by the API, the CLI and the web
 * privacy center (no HTTP here: the routes only attach them).
 */
import { z } from 'zod';
import { ZConsentReceipt } from './build-receipt.ts';
import { ZObjectionView } from './read-ledger.ts';
import { ZRestrictionGround } from './restrictions.ts';
import { ZSubjectInput } from './subject-key.ts';
import { ZChannel, ZConsentStatus } from './types.ts';

export const ZPurposeKey = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a purpose, activity or cookie category id');
export const ZObjectionScope = z.union([
  ZPurposeKey,
  z.enum(['class:marketing', 'class:direct-marketing', 'class:sharing']),
]);
export const ZLang = z.enum(['fr', 'en']);

export const ZConsentRecordView = z.strictObject({
  id: z.string(),
  purpose: z.string(),
  status: ZConsentStatus,
  at: z.string(),
  expiresAt: z.string().nullable(),
  channel: ZChannel,
  noticeVersionId: z.string().nullable(),
  receipt: ZConsentReceipt.nullable(),
  recorded: z.boolean(),
});

export const ZObjectionRecordView = ZObjectionView.extend({ recorded: z.boolean() });

/** What the privacy center says about Global Privacy Control on each answer. */
export const ZGpcView = z.strictObject({
  /** The request carried `Sec-GPC: 1`. */
  signal: z.boolean(),
  /** The objections the signal stands for, as recorded (empty without a signal). */
  objections: z.array(ZObjectionRecordView),
});

/** Privacy center: consent for one purpose, by the visitor named by the cookie. */
export const ZPrivacyCenterConsentBody = z.strictObject({
  purpose: ZPurposeKey,
  lang: ZLang.default('fr'),
  /** The notice version the visitor was shown; the current one when omitted. */
  noticeVersionId: z.uuid().optional(),
  /** Where the visitor clicked. */
  channel: z.enum(['privacy-center', 'cookie-banner']).default('privacy-center'),
});

/** API: consent collected by the organisation's application or recorded by an agent. */
export const ZConsentBody = z.strictObject({
  subject: ZSubjectInput,
  purpose: ZPurposeKey,
  channel: ZChannel.exclude(['gpc']),
  lang: ZLang.default('fr'),
  noticeVersionId: z.uuid().optional(),
});

export const ZObjectionBody = z.strictObject({
  subject: ZSubjectInput,
  scope: ZObjectionScope,
  source: ZChannel.exclude(['gpc']),
});

export const ZLiftObjectionBody = z.strictObject({ subject: ZSubjectInput, scope: ZObjectionScope });

export const ZRestrictionBody = z.strictObject({ subject: ZSubjectInput, reason: ZRestrictionGround });

export const ZLiftRestrictionBody = z.strictObject({
  subject: ZSubjectInput,
  /** When the subject was told the restriction would be lifted (Art 18(3)). */
  notifiedAt: z.iso.datetime({ offset: true }),
});

/** GET may-process: an application's pseudonymous id, or a row of the organisation's database. */
export const ZMayProcessQuery = z
  .strictObject({
    subject: z.string().min(1).max(100).optional(),
    table: z.string().min(1).max(128).optional(),
    key: z.string().min(1).max(191).optional(),
    purpose: ZPurposeKey,
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((q) => (q.subject === undefined) !== (q.table === undefined || q.key === undefined), {
    message: 'give either subject, or table and key',
    path: ['subject'],
  });

/** POST may-process: any subject form, e-mail included (kept out of URLs). */
export const ZMayProcessBody = z.strictObject({
  subject: ZSubjectInput,
  purpose: ZPurposeKey,
  at: z.iso.datetime({ offset: true }).optional(),
});

/** Console lookups by an application id or a database row. */
export const ZSubjectQuery = z
  .strictObject({
    subject: z.string().min(1).max(100).optional(),
    table: z.string().min(1).max(128).optional(),
    key: z.string().min(1).max(191).optional(),
  })
  .refine((q) => (q.subject === undefined) !== (q.table === undefined || q.key === undefined), {
    message: 'give either subject, or table and key',
    path: ['subject'],
  });
