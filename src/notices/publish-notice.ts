/**
 * Publishing a policy's notice: render it in French and English, as Markdown and HTML, and keep
 * it with the policy it came from as a new numbered version. Publishing content identical to the
 * current version changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withUniqueRetry } from '../consent/unique-retry.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import { renderNotice } from '../policy/render/notice/render-notice.ts';
import type { StoreDb } from '../store/schema/index.ts';
import { bundlePolicyYaml, contentHash } from './bundle-policy.ts';
import { NOTICE_FORMATS, NOTICE_LANGUAGES, type TNoticeVersion } from './notice-types.ts';
import { toNoticeVersion } from './read-notices.ts';

export interface PublishResult {
  readonly version: TNoticeVersion;
  /** False when the content was the same as the current version's (nothing was stored). */
  readonly published: boolean;
}

/** The four documents of a notice (fr/en × md/html). */
export function renderNoticeDocuments(loaded: LoadedPolicy) {
  return NOTICE_LANGUAGES.flatMap((lang) =>
    NOTICE_FORMATS.map((format) => ({ lang, format, content: renderNotice(loaded, { lang, format }) })),
  );
}

/**
 * Publish the notice of `loaded`.
 * @param actor who publishes (`user:<id>`), kept with the version
 */
export async function publishNotice(
  deps: { readonly db: Kysely<StoreDb>; readonly clock: () => Date },
  loaded: LoadedPolicy,
  actor: string,
): Promise<PublishResult> {
  const bundle = bundlePolicyYaml(loaded);
  const documents = renderNoticeDocuments(loaded);
  const hash = contentHash(
    bundle,
    documents.map((d) => ({ key: `${d.lang}.${d.format}`, content: d.content })),
  );
  return withUniqueRetry('REG_ERR_NOTICE_CONFLICT', 'publishing the notice', () =>
    deps.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('notice_versions')
        .select(['id', 'version', 'policy_version', 'policy_date', 'published_at', 'content_hash'])
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (current !== undefined && current.content_hash === hash) {
        return { version: toNoticeVersion(current), published: false };
      }
      const row = {
        id: randomUUID(),
        version: current === undefined ? 1 : Number(current.version) + 1,
        policy_version: loaded.policy.policy.version,
        policy_date: loaded.policy.policy.date ?? null,
        published_at: deps.clock().toISOString(),
        published_by: actor,
        content_hash: hash,
        policy_yaml: bundle,
      };
      await trx.insertInto('notice_versions').values(row).execute();
      await trx
        .insertInto('notice_documents')
        .values(
          documents.map((d) => ({ version_id: row.id, lang: d.lang, format: d.format, content: d.content })),
        )
        .execute();
      return { version: toNoticeVersion(row), published: true };
    }),
  );
}
