/**
 * One request with everything about it: the subject's identifiers and texts, the timeline, the
 * exports. Opening the sealed fields is a read of personal data: the read and its audit entry in
 * the store's trail happen in one transaction.
 */
import { appendAudit } from '../../audit/append-audit.ts';
import type { Actor, RequestsDeps } from '../deps.ts';
import type { TRequestState } from '../states.ts';
import { findRequestRow, toRecord } from '../store/request-row.ts';
import type { TRequestEventKind } from '../types.ts';
import { type TRequestDetail, toSummary } from '../views.ts';

/** Request `requestId` in full, read by `actor` (REG_ERR_REQUESTS_NOT_FOUND). */
export async function getRequest(
  deps: RequestsDeps,
  requestId: string,
  actor: Actor,
): Promise<TRequestDetail> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findRequestRow(trx, requestId);
    const events = await trx
      .selectFrom('subject_request_events')
      .selectAll()
      .where('request_id', '=', row.id)
      .orderBy('seq')
      .execute();
    const exports = await trx
      .selectFrom('subject_request_exports')
      .selectAll()
      .where('request_id', '=', row.id)
      .orderBy('created_at')
      .execute();
    const files =
      exports.length === 0
        ? []
        : await trx
            .selectFrom('subject_request_export_files')
            .select(['export_id', 'name', 'media_type', 'size'])
            .where(
              'export_id',
              'in',
              exports.map((e) => e.id),
            )
            .orderBy('name')
            .execute();
    const open = (sealed: string | null, field: string) =>
      sealed === null ? null : deps.sealer.open(sealed, `${row.id}/${field}`);
    const record = toRecord(row);
    const detail: TRequestDetail = {
      ...toSummary(record, now),
      subject: {
        email: deps.sealer.open(row.email_sealed, `${row.id}/email`),
        name: open(row.name_sealed, 'name'),
        details: open(row.details_sealed, 'details'),
      },
      verifiedAt: record.verifiedAt,
      extensionReason: open(row.extension_reason_sealed, 'extension_reason'),
      refusalReason: open(row.refusal_reason_sealed, 'refusal_reason'),
      outcome: record.outcome,
      drp:
        record.channel === 'drp'
          ? { agentId: record.drpAgentId, agentRequestId: record.drpAgentRequestId }
          : null,
      createdBy: record.createdBy,
      timeline: events.map((e) => ({
        seq: Number(e.seq),
        at: e.at,
        kind: e.kind as TRequestEventKind,
        actor: e.actor,
        fromState: e.from_state as TRequestState | null,
        toState: e.to_state as TRequestState | null,
        body: e.body_sealed === null ? null : deps.sealer.open(e.body_sealed, `${row.id}/event/${e.id}`),
        data: JSON.parse(e.data) as Record<string, unknown>,
      })),
      exports: exports.map((e) => ({
        id: e.id,
        createdAt: e.created_at,
        expiresAt: e.expires_at,
        downloads: Number(e.downloads),
        lastDownloadedAt: e.last_downloaded_at,
        files: files
          .filter((f) => f.export_id === e.id)
          .map((f) => ({ name: f.name, mediaType: f.media_type, size: Number(f.size) })),
      })),
    };
    await appendAudit(
      trx,
      [
        {
          actor,
          operation: 'personal-data.read',
          subjectRef: row.subject_key,
          tables: ['subject_requests', 'subject_request_events'],
          rowCounts: { subject_requests: 1, subject_request_events: events.length },
          reason: `request ${row.id} (${row.right}) opened`,
          details: { requestId: row.id },
        },
      ],
      { clock: () => now },
    );
    return detail;
  });
}
