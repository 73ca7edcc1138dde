/**
 * Copies handed to subjects (access, portability) are stored sealed with AES-256-GCM under
 * REGISTRE_EXPORT_KEY, each file bound to its export and name, behind a random download token
 * (256 bits; its digest finds the export, and it is kept sealed for the DRP `results_url`) that works for a limited time and for one request only.
 */
import { randomUUID } from 'node:crypto';
import { digest, newOpaqueSecret } from '../../accounts/session-token.ts';
import { encryptText } from '../../crypto/aes-gcm.ts';
import type { RequestsDeps } from '../deps.ts';
import type { StoreTx } from '../store/request-row.ts';

export interface ExportFile {
  readonly name: string;
  readonly mediaType: string;
  readonly content: string;
}

export interface CreatedExport {
  readonly id: string;
  /** The download token: put in the link sent to the subject, never stored. */
  readonly token: string;
  readonly expiresAt: string;
}

/** Associated data of one sealed file. */
export function exportFileContext(exportId: string, name: string): string {
  return `registre/export/${exportId}/${name}`;
}

/** Seal and store `files` for request `requestId`; the link expires `deps.exportTtlDays` after `now`. */
export async function createExport(
  deps: Pick<RequestsDeps, 'exportKey' | 'exportTtlDays' | 'sealer'>,
  trx: StoreTx,
  requestId: string,
  files: readonly ExportFile[],
  now: Date,
): Promise<CreatedExport> {
  const id = randomUUID();
  const token = newOpaqueSecret();
  const expiresAt = new Date(now.getTime() + deps.exportTtlDays * 86_400_000).toISOString();
  await trx
    .insertInto('subject_request_exports')
    .values({
      id,
      request_id: requestId,
      token_hash: digest(token),
      token_sealed: deps.sealer.seal(token, `export/${id}/token`),
      created_at: now.toISOString(),
      expires_at: expiresAt,
      downloads: 0,
      last_downloaded_at: null,
    })
    .execute();
  for (const file of files) {
    await trx
      .insertInto('subject_request_export_files')
      .values({
        export_id: id,
        name: file.name,
        media_type: file.mediaType,
        size: Buffer.byteLength(file.content, 'utf8'),
        sealed: encryptText(deps.exportKey(), file.content, exportFileContext(id, file.name)),
      })
      .execute();
  }
  return { id, token, expiresAt };
}
