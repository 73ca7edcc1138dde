/**
 * Giving, withdrawing and refusing consent: one call each, equally simple (Art 7(3)). Each is an
 * append-only ledger event with its proof (time, channel, notice version shown, who recorded it)
 * and, for a consent given, its expiry and Kantara receipt.
 *
 * Giving again while a consent is in force under the same notice version changes nothing: a
 * tracker consent is never extended by later visits (CNIL: 13 months from when it was given).
 */
import { randomUUID } from 'node:crypto';
import { RegistreError } from '../errors/registry.ts';
import { currentNoticeVersion, findNoticeVersion } from '../notices/read-notices.ts';
import { addDuration } from '../policy/retention/duration.ts';
import type { Language } from '../policy/taxonomy/types.ts';
import { buildReceipt, type TConsentReceipt } from './build-receipt.ts';
import { audit, type ConsentLedgerDeps, policyOf, rulesOf, subjectOf } from './ledger-deps.ts';
import type { TSubjectInput } from './subject-key.ts';
import { type ConsentAction, DPV_STATUS_OF, type TChannel, type TConsentStatus } from './types.ts';
import { withUniqueRetry } from './unique-retry.ts';

export interface RecordConsentInput {
  readonly subject: TSubjectInput;
  /** Activity id, cookie category id or purpose id of the policy. */
  readonly purpose: string;
  readonly channel: TChannel;
  /** Who records it: `subject` (self-service), `user:<id>`, `token:<id>`. */
  readonly actor: string;
  readonly lang: Language;
  /** The notice version shown to the subject; the current published version when omitted. */
  readonly noticeVersionId?: string;
}

export interface ConsentRecord {
  readonly id: string;
  readonly purpose: string;
  readonly status: TConsentStatus;
  readonly at: string;
  readonly expiresAt: string | null;
  readonly channel: TChannel;
  readonly noticeVersionId: string | null;
  readonly receipt: TConsentReceipt | null;
  /** False when the call changed nothing (the same will was already recorded). */
  readonly recorded: boolean;
}

const OPERATION = {
  given: 'consent.record',
  refused: 'consent.record',
  withdrawn: 'consent.withdraw',
} as const;

function view(row: {
  id: string;
  purpose: string;
  action: string;
  at: string;
  expires_at: string | null;
  channel: string;
  notice_version_id: string | null;
  receipt: string | null;
}): Omit<ConsentRecord, 'recorded'> {
  return {
    id: row.id,
    purpose: row.purpose,
    status: DPV_STATUS_OF[row.action as ConsentAction],
    at: row.at,
    expiresAt: row.expires_at,
    channel: row.channel as TChannel,
    noticeVersionId: row.notice_version_id,
    receipt: row.receipt === null ? null : (JSON.parse(row.receipt) as TConsentReceipt),
  };
}

async function noticeVersionFor(deps: ConsentLedgerDeps, id: string | undefined) {
  if (id === undefined) return currentNoticeVersion(deps.db);
  try {
    return await findNoticeVersion(deps.db, { id });
  } catch (error) {
    if (error instanceof RegistreError && error.code === 'REG_ERR_NOTICE_VERSION_NOT_FOUND') {
      throw new RegistreError(
        'REG_ERR_CONSENT_NOTICE_VERSION_UNKNOWN',
        `notice version id "${id}" does not exist`,
      );
    }
    throw error;
  }
}

/** Record that the subject gave, withdrew or refused consent for a purpose. */
export async function recordConsent(
  deps: ConsentLedgerDeps,
  action: ConsentAction,
  input: RecordConsentInput,
): Promise<ConsentRecord> {
  const loaded = policyOf(deps);
  const rules = rulesOf(loaded, input.purpose);
  if (!rules.scopes.some((s) => s.consent.length > 0)) {
    throw new RegistreError(
      'REG_ERR_CONSENT_NOT_REQUIRED',
      `purpose "${input.purpose}" does not rest on consent in the policy (legal bases: ${[
        ...new Set(rules.scopes.flatMap((s) => s.bases)),
      ].join(', ')}); record an objection instead`,
    );
  }
  const subject = subjectOf(deps, input.subject);
  const notice = await noticeVersionFor(deps, input.noticeVersionId);
  const noticeId = notice?.id ?? null;

  return withUniqueRetry('REG_ERR_CONSENT_CONFLICT', 'recording consent', () =>
    deps.db.transaction().execute(async (trx) => {
      const now = deps.clock();
      const nowIso = now.toISOString();
      const latest = await trx
        .selectFrom('consent_events')
        .selectAll()
        .where('subject_key', '=', subject.key)
        .where('purpose', '=', input.purpose)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const inForce =
        latest?.action === 'given' && (latest.expires_at === null || latest.expires_at > nowIso);
      const unchanged =
        latest !== undefined &&
        latest.action === action &&
        (action !== 'given' || (inForce && latest.notice_version_id === noticeId));
      if (unchanged) return { ...view(latest), recorded: false };

      const id = randomUUID();
      const expires = action === 'given' && rules.validity !== null ? addDuration(now, rules.validity) : null;
      const receipt =
        action === 'given'
          ? buildReceipt(loaded, {
              rules,
              receiptId: id,
              subjectKey: subject.key,
              at: now,
              expiresAt: expires,
              channel: input.channel,
              lang: input.lang,
              policyUrl:
                notice !== null && deps.noticeUrl !== undefined ? deps.noticeUrl(notice.version) : null,
            })
          : null;
      const row = {
        id,
        subject_key: subject.key,
        purpose: input.purpose,
        seq: latest === undefined ? 1 : Number(latest.seq) + 1,
        action,
        at: nowIso,
        expires_at: expires === null ? null : expires.toISOString(),
        channel: input.channel,
        notice_version_id: noticeId,
        collected_by: input.actor,
        language: input.lang,
        receipt: receipt === null ? null : JSON.stringify(receipt),
      };
      await trx.insertInto('consent_events').values(row).execute();
      let lifted = 0;
      if (action === 'given') {
        // The subject's specific consent ends an objection to this very purpose.
        const result = await trx
          .updateTable('consent_objections')
          .set({ lifted_at: nowIso, lifted_by: input.actor })
          .where('subject_key', '=', subject.key)
          .where('scope', '=', input.purpose)
          .where('lifted_at', 'is', null)
          .executeTakeFirst();
        lifted = Number(result.numUpdatedRows);
      }
      await audit(deps, trx, [
        {
          actor: input.actor,
          operation: OPERATION[action],
          subjectRef: subject.ref,
          tables: lifted > 0 ? ['consent_events', 'consent_objections'] : ['consent_events'],
          rowCounts: lifted > 0 ? { consent_events: 1, consent_objections: lifted } : { consent_events: 1 },
          reason: `consent ${action} for ${input.purpose}`,
          details: {
            purpose: input.purpose,
            status: DPV_STATUS_OF[action],
            channel: input.channel,
            noticeVersionId: noticeId,
            eventId: id,
          },
        },
      ]);
      return { ...view(row), recorded: true };
    }),
  );
}
