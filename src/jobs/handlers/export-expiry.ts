/**
 * Export expiry: once a download link has expired, the sealed files of the export (the copy of
 * the subject's data) are deleted from the store — the only place they are kept; exports are
 * never written to disk. The export's header row stays, so the link keeps answering "expired"
 * (410) and the request's timeline keeps its `export-created` event. Each deletion writes a
 * `retention.delete` entry in the store's audit trail (actor `job:export-expiry`, the subject by
 * its pseudonymous key), in the transaction of the deletion.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import type { StoreDb } from '../../store/schema/index.ts';
import { defineJob, type JobType } from '../job-type.ts';
import { ZNoPayload } from './session-purge.ts';

export const EXPORT_EXPIRY_JOB = 'export-expiry';
const BATCH = 200;

export function exportExpiryJob(deps: { readonly db: Kysely<StoreDb> }): JobType<Record<string, never>> {
  return defineJob({
    name: EXPORT_EXPIRY_JOB,
    payload: ZNoPayload,
    retry: { limit: 3, delaySeconds: 120, backoff: true },
    async run(_payload, ctx) {
      const { db } = deps;
      const now = ctx.now.toISOString();
      let exportsPurged = 0;
      let filesDeleted = 0;
      for (;;) {
        const expired = await db
          .selectFrom('subject_request_exports as e')
          .innerJoin('subject_requests as r', 'r.id', 'e.request_id')
          .select(['e.id', 'e.request_id', 'e.expires_at', 'r.subject_key', 'r.right'])
          .where('e.expires_at', '<=', now)
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('subject_request_export_files as f')
                .select('f.export_id')
                .whereRef('f.export_id', '=', 'e.id'),
            ),
          )
          .orderBy('e.expires_at')
          .limit(BATCH)
          .execute();
        for (const row of expired) {
          const deleted = await db.transaction().execute(async (trx) => {
            const result = await trx
              .deleteFrom('subject_request_export_files')
              .where('export_id', '=', row.id)
              .executeTakeFirst();
            const files = Number(result.numDeletedRows);
            // Another process purged it meanwhile.
            if (files === 0) return 0;
            await appendAudit(
              trx,
              [
                {
                  actor: `job:${EXPORT_EXPIRY_JOB}`,
                  operation: 'retention.delete',
                  subjectRef: row.subject_key,
                  tables: ['subject_request_export_files'],
                  rowCounts: { subject_request_export_files: files },
                  reason: `request ${row.request_id} (${row.right}): copy deleted, its download link expired at ${row.expires_at}`,
                  details: { requestId: row.request_id, exportId: row.id, files },
                  runId: ctx.runId,
                },
              ],
              { clock: () => ctx.now },
            );
            return files;
          });
          if (deleted > 0) {
            exportsPurged += 1;
            filesDeleted += deleted;
          }
        }
        if (expired.length < BATCH) break;
      }
      return { exportsPurged, filesDeleted };
    },
  });
}
