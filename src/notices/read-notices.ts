/** Reading published notice versions: the list, the current one, one version's document. */
import type { Kysely } from 'kysely';
import { RegistreError } from '../errors/registry.ts';
import type { StoreDb } from '../store/schema/index.ts';
import type { NoticeVersionsTable } from '../store/schema/notices.ts';
import type { TNoticeVersion } from './notice-types.ts';

type VersionRow = Pick<
  NoticeVersionsTable,
  'id' | 'version' | 'policy_version' | 'policy_date' | 'published_at' | 'content_hash'
>;

const SUMMARY = ['id', 'version', 'policy_version', 'policy_date', 'published_at', 'content_hash'] as const;

export function toNoticeVersion(row: VersionRow): TNoticeVersion {
  return {
    id: row.id,
    version: Number(row.version),
    policyVersion: row.policy_version,
    policyDate: row.policy_date,
    publishedAt: row.published_at,
    contentHash: row.content_hash,
  };
}

/** Every published version, newest first. */
export async function listNoticeVersions(db: Kysely<StoreDb>): Promise<TNoticeVersion[]> {
  const rows = await db.selectFrom('notice_versions').select(SUMMARY).orderBy('version', 'desc').execute();
  return rows.map(toNoticeVersion);
}

/** The latest published version, or null when none was published. */
export async function currentNoticeVersion(db: Kysely<StoreDb>): Promise<TNoticeVersion | null> {
  const row = await db
    .selectFrom('notice_versions')
    .select(SUMMARY)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : toNoticeVersion(row);
}

/** A version by its number or id; throws REG_ERR_NOTICE_VERSION_NOT_FOUND (or NONE_PUBLISHED for `current`). */
export async function findNoticeVersion(
  db: Kysely<StoreDb>,
  which: number | 'current' | { readonly id: string },
): Promise<TNoticeVersion> {
  if (which === 'current') {
    const current = await currentNoticeVersion(db);
    if (current === null)
      throw new RegistreError('REG_ERR_NOTICE_NONE_PUBLISHED', 'no notice has been published yet');
    return current;
  }
  let query = db.selectFrom('notice_versions').select(SUMMARY);
  query = typeof which === 'number' ? query.where('version', '=', which) : query.where('id', '=', which.id);
  const row = await query.executeTakeFirst();
  if (row === undefined) {
    const name = typeof which === 'number' ? `version ${which}` : `id ${which.id}`;
    throw new RegistreError('REG_ERR_NOTICE_VERSION_NOT_FOUND', `no published notice has ${name}`);
  }
  return toNoticeVersion(row);
}

/** The rendered notice of a version in one language and format. */
export async function readNoticeDocument(
  db: Kysely<StoreDb>,
  which: number | 'current',
  lang: 'fr' | 'en',
  format: 'md' | 'html',
): Promise<{ version: TNoticeVersion; content: string }> {
  const version = await findNoticeVersion(db, which);
  const doc = await db
    .selectFrom('notice_documents')
    .select('content')
    .where('version_id', '=', version.id)
    .where('lang', '=', lang)
    .where('format', '=', format)
    .executeTakeFirst();
  if (doc === undefined) {
    throw new RegistreError(
      'REG_ERR_NOTICE_VERSION_NOT_FOUND',
      `notice version ${version.version} has no ${lang}/${format} document`,
    );
  }
  return { version, content: doc.content };
}

/** The stored policy bundle of a version (see bundle-policy.ts). */
export async function readNoticePolicy(db: Kysely<StoreDb>, version: number): Promise<string> {
  const row = await db
    .selectFrom('notice_versions')
    .select('policy_yaml')
    .where('version', '=', version)
    .executeTakeFirst();
  if (row === undefined) {
    throw new RegistreError('REG_ERR_NOTICE_VERSION_NOT_FOUND', `no published notice has version ${version}`);
  }
  return row.policy_yaml;
}
