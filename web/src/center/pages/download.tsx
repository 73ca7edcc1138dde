/** The copy of my data behind an expiring link: its files to download. */
import { useParams } from 'react-router';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Loading, Notice } from '../../ui/status.tsx';

interface ExportManifest {
  readonly expiresAt: string;
  readonly files: readonly { name: string; mediaType: string; size: number; url: string }[];
}

/** "12,3 ko" / "12.3 kB" */
function formatSize(bytes: number, lang: string): string {
  const units = lang === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}

export function DownloadPage() {
  const { t, lang, date } = useI18n();
  const { token = '' } = useParams();
  const url = `/v1/privacy-center/exports/${encodeURIComponent(token)}`;
  const manifest = useApi(url, (signal) => get<ExportManifest>(url, { signal }));
  return (
    <Page title={t('download.title')} lead={t('download.lead')}>
      {manifest.error?.status === 410 ? (
        <Notice tone="warning">{t('download.expired')}</Notice>
      ) : manifest.error !== null ? (
        <ErrorMessage error={manifest.error} />
      ) : manifest.data === undefined ? (
        <Loading />
      ) : (
        <>
          <p>{t('download.expires', { date: date(manifest.data.expiresAt, true) })}</p>
          <h2>{t('download.files')}</h2>
          <ul>
            {manifest.data.files.map((file) => (
              <li key={file.name}>
                <a href={file.url} download={file.name}>
                  {t('download.file', { name: file.name, size: formatSize(file.size, lang) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
