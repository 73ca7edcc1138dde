/**
 * The download side of exports: the list of files behind a token, and one file decrypted. An
 * unknown token answers "not found", an expired one "gone" (410). Each file read is a read of
 * personal data: it is written in the store's audit trail and in the request's timeline, in the
 * transaction that reads it.
 */

import { digest } from '../../accounts/session-token.ts';
import { appendAudit } from '../../audit/append-audit.ts';
import { decryptText } from '../../crypto/aes-gcm.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { RequestsDeps } from '../deps.ts';
import { exportFileUrl } from '../links.ts';
import { appendRequestEvent } from '../store/append-event.ts';
import { lockRequest, type StoreTx } from '../store/request-row.ts';
import { exportFileContext } from './create-export.ts';

export interface ExportManifest {
  readonly expiresAt: string;
  readonly files: { name: string; mediaType: string; size: number; url: string }[];
}

export interface ExportFileContent {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Buffer;
}

async function findLiveExport(db: RequestsDeps['db'] | StoreTx, token: string, now: Date) {
  const row = await db
    .selectFrom('subject_request_exports')
    .selectAll()
    .where('token_hash', '=', digest(token))
    .executeTakeFirst();
  if (row === undefined) {
    throw new RegistreError('REG_ERR_REQUESTS_EXPORT_NOT_FOUND', 'no export matches the download token');
  }
  if (Date.parse(row.expires_at) <= now.getTime()) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_EXPORT_EXPIRED',
      `export ${row.id} of request ${row.request_id} expired at ${row.expires_at}`,
    );
  }
  return row;
}

/** The files behind `token` with their download URLs. */
export async function getExportManifest(deps: RequestsDeps, token: string): Promise<ExportManifest> {
  const row = await findLiveExport(deps.db, token, deps.clock());
  const files = await deps.db
    .selectFrom('subject_request_export_files')
    .select(['name', 'media_type', 'size'])
    .where('export_id', '=', row.id)
    .orderBy('name')
    .execute();
  return {
    expiresAt: row.expires_at,
    files: files.map((f) => ({
      name: f.name,
      mediaType: f.media_type,
      size: Number(f.size),
      url: exportFileUrl(deps.publicBaseUrl, token, f.name),
    })),
  };
}

/** One file behind `token`, decrypted; the read is audited. */
export async function readExportFile(
  deps: RequestsDeps,
  token: string,
  name: string,
): Promise<ExportFileContent> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findLiveExport(trx, token, now);
    const file = await trx
      .selectFrom('subject_request_export_files')
      .selectAll()
      .where('export_id', '=', row.id)
      .where('name', '=', name)
      .executeTakeFirst();
    if (file === undefined) {
      throw new RegistreError(
        'REG_ERR_REQUESTS_EXPORT_NOT_FOUND',
        `export ${row.id} has no file of that name`,
      );
    }
    // Serialises concurrent downloads of one request (timeline numbers, download counter).
    const request = await lockRequest(trx, row.request_id, now);
    const content = Buffer.from(
      decryptText(deps.exportKey(), file.sealed, exportFileContext(row.id, file.name)),
      'utf8',
    );
    await trx
      .updateTable('subject_request_exports')
      .set((eb) => ({ downloads: eb('downloads', '+', 1), last_downloaded_at: now.toISOString() }))
      .where('id', '=', row.id)
      .execute();
    await appendRequestEvent(trx, deps.sealer, request.id, now, {
      kind: 'export-downloaded',
      actor: 'subject',
      data: { exportId: row.id, file: file.name },
    });
    await appendAudit(
      trx,
      [
        {
          actor: 'subject',
          operation: 'personal-data.read',
          subjectRef: request.subject_key,
          tables: ['subject_request_export_files'],
          rowCounts: { subject_request_export_files: 1 },
          reason: `request ${request.id} (${request.right}): copy downloaded by the subject`,
          details: { requestId: request.id, exportId: row.id, file: file.name },
        },
      ],
      { clock: () => now },
    );
    return { name: file.name, mediaType: file.media_type, content };
  });
}
