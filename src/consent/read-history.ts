/** A subject's whole ledger history and one receipt (the console); each read is audited. */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import type { TConsentReceipt } from './build-receipt.ts';
import type { ConsentLedgerDeps } from './ledger-deps.ts';
import { subjectOf } from './ledger-deps.ts';
import { auditRead, ZObjectionView } from './read-ledger.ts';
import { auditSubjectRef, type TSubjectInput } from './subject-key.ts';
import { type ConsentAction, DPV_STATUS_OF, ZChannel, ZConsentStatus } from './types.ts';

export const ZConsentEventView = z.strictObject({
  id: z.string(),
  purpose: z.string(),
  status: ZConsentStatus,
  at: z.string(),
  expiresAt: z.string().nullable(),
  channel: ZChannel,
  noticeVersionId: z.string().nullable(),
  collectedBy: z.string(),
  language: z.string(),
});

export const ZSubjectHistory = z.strictObject({
  events: z.array(ZConsentEventView),
  objections: z.array(ZObjectionView.extend({ liftedAt: z.string().nullable(), recordedBy: z.string() })),
  restrictions: z.array(
    z.strictObject({
      reason: z.string(),
      since: z.string(),
      notifiedAt: z.string().nullable(),
      liftedAt: z.string().nullable(),
    }),
  ),
});
export type TSubjectHistory = z.infer<typeof ZSubjectHistory>;

/** Every ledger record of a subject, oldest first (for the console). */
export async function readHistory(
  deps: ConsentLedgerDeps,
  input: { readonly subject: TSubjectInput; readonly actor: string },
): Promise<TSubjectHistory> {
  const who = subjectOf(deps, input.subject);
  return deps.db.transaction().execute(async (trx) => {
    const events = await trx
      .selectFrom('consent_events')
      .select([
        'id',
        'purpose',
        'action',
        'at',
        'expires_at',
        'channel',
        'notice_version_id',
        'collected_by',
        'language',
      ])
      .where('subject_key', '=', who.key)
      .orderBy('at')
      .orderBy('seq')
      .execute();
    const objections = await trx
      .selectFrom('consent_objections')
      .select(['id', 'scope', 'source', 'at', 'overridden_at', 'lifted_at', 'recorded_by'])
      .where('subject_key', '=', who.key)
      .orderBy('at')
      .execute();
    const restrictions = await trx
      .selectFrom('consent_restrictions')
      .select(['reason', 'since', 'notified_at', 'lifted_at'])
      .where('subject_key', '=', who.key)
      .orderBy('since')
      .execute();
    await auditRead(deps, trx, input.actor, who.ref, 'consent history read');
    return {
      events: events.map((e) => ({
        id: e.id,
        purpose: e.purpose,
        status: DPV_STATUS_OF[e.action as ConsentAction],
        at: e.at,
        expiresAt: e.expires_at,
        channel: ZChannel.parse(e.channel),
        noticeVersionId: e.notice_version_id,
        collectedBy: e.collected_by,
        language: e.language,
      })),
      objections: objections.map((o) => ({
        id: o.id,
        scope: o.scope,
        source: ZChannel.parse(o.source),
        at: o.at,
        overriddenAt: o.overridden_at,
        liftedAt: o.lifted_at,
        recordedBy: o.recorded_by,
      })),
      restrictions: restrictions.map((r) => ({
        reason: r.reason,
        since: r.since,
        notifiedAt: r.notified_at,
        liftedAt: r.lifted_at,
      })),
    };
  });
}

/**
 * One consent receipt by its id. With `subject`, the receipt must be that subject's (the privacy
 * center shows a visitor only their own receipts).
 */
export async function readReceipt(
  deps: ConsentLedgerDeps,
  input: { readonly receiptId: string; readonly actor: string; readonly subject?: TSubjectInput },
): Promise<TConsentReceipt> {
  const owner = input.subject === undefined ? null : subjectOf(deps, input.subject);
  return deps.db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('consent_events')
      .select(['subject_key', 'receipt'])
      .where('id', '=', input.receiptId)
      .where('receipt', 'is not', null);
    if (owner !== null) query = query.where('subject_key', '=', owner.key);
    const row = await query.executeTakeFirst();
    if (row === undefined || row.receipt === null) {
      throw new RegistreError(
        'REG_ERR_CONSENT_RECEIPT_NOT_FOUND',
        `no consent receipt has id "${input.receiptId}"`,
      );
    }
    await auditRead(
      deps,
      trx,
      input.actor,
      auditSubjectRef(deps.secret, row.subject_key),
      'consent receipt read',
    );
    return JSON.parse(row.receipt) as TConsentReceipt;
  });
}
