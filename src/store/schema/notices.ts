/**
 * Tables of published notice versions (migrations 0300–0399): what data subjects were told, and
 * when. Each version keeps the policy it was rendered from, so two versions can be compared.
 */

export interface NoticeVersionsTable {
  id: string;
  /** 1, 2, 3… in publication order. */
  version: number;
  /** The version label and date the policy gives (`policy.version`, `policy.date`). */
  policy_version: string;
  policy_date: string | null;
  published_at: string;
  published_by: string;
  /** SHA-256 (hex) of the policy and its rendered notices: publishing the same content is a no-op. */
  content_hash: string;
  /** The policy as YAML, self-contained (taxonomy files inlined), to rebuild the diff. */
  policy_yaml: string;
}

/** The rendered notice of a version, per language and format. */
export interface NoticeDocumentsTable {
  version_id: string;
  /** `fr` or `en`. */
  lang: string;
  /** `md` or `html`. */
  format: string;
  content: string;
}

export interface NoticesTables {
  notice_versions: NoticeVersionsTable;
  notice_documents: NoticeDocumentsTable;
}
