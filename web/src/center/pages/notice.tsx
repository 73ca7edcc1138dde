/** The notice in force (or an earlier version), in the visitor's language, with its version line. */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { TNoticeVersion } from '../../../../src/notices/notice-types.ts';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Loading, Notice } from '../../ui/status.tsx';
import { noticeFragment } from '../notice-html.ts';

interface NoticeDocument {
  readonly version: TNoticeVersion;
  readonly lang: 'fr' | 'en';
  readonly format: 'md' | 'html';
  readonly content: string;
}

export function NoticePage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { version } = useParams();
  const url =
    version === undefined
      ? `/v1/notices/current?lang=${lang}&format=html`
      : `/v1/notices/versions/${encodeURIComponent(version)}?lang=${lang}&format=html`;
  const notice = useApi(url, (signal) => get<NoticeDocument>(url, { signal }));
  const fragment = useMemo(
    () => (notice.data === undefined ? null : noticeFragment(notice.data.content)),
    [notice.data],
  );
  const fallbackTitle = version === undefined ? t('notice.title') : t('version.title', { version });

  if (notice.error !== null && notice.data === undefined) {
    const none = notice.error.code === 'REG_ERR_NOTICE_NONE_PUBLISHED';
    return (
      <Page title={fallbackTitle}>
        {none ? <Notice>{t('notice.none')}</Notice> : <ErrorMessage error={notice.error} />}
      </Page>
    );
  }
  if (notice.data === undefined || fragment === null) {
    return (
      <Page title={fallbackTitle}>
        <Loading />
      </Page>
    );
  }
  const shown = notice.data.version;
  return (
    <Page
      title={fragment.title === '' ? fallbackTitle : fragment.title}
      lead={t('notice.versionLine', { version: shown.version, date: i18n.date(shown.publishedAt) })}
      actions={<Link to={paths.noticeVersions}>{t('notice.versions')}</Link>}
    >
      {/* The server's own rendering of the policy, escaped at the source and cleaned again in noticeFragment. */}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by Registre from the policy, see notice-html.ts */}
      <div className="notice-body" dangerouslySetInnerHTML={{ __html: fragment.html }} />
    </Page>
  );
}
