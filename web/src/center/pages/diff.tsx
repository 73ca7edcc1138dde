/** What changed between two notice versions, each change marked major or minor. */
import { Link, useSearchParams } from 'react-router';
import type { TNoticeVersion } from '../../../../src/notices/notice-types.ts';
import { get, withQuery } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { Page } from '../../ui/page.tsx';
import { Loaded } from '../../ui/status.tsx';

interface NoticeDiff {
  readonly from: TNoticeVersion;
  readonly to: TNoticeVersion;
  readonly changes: readonly {
    readonly kind: string;
    readonly importance: 'major' | 'minor';
    readonly target: string;
    readonly message: string;
  }[];
}

export function DiffPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [search] = useSearchParams();
  const from = search.get('from') ?? '';
  const to = search.get('to') ?? 'current';
  const url = withQuery('/v1/notices/diff', { from, to, lang });
  const diff = useApi(url, (signal) => get<NoticeDiff>(url, { signal }));
  const title = t('diff.title', { from: diff.data?.from.version ?? from, to: diff.data?.to.version ?? to });
  return (
    <Page title={title} actions={<Link to={paths.noticeVersions}>{t('versions.title')}</Link>}>
      <Loaded state={diff}>
        {(result) =>
          result.changes.length === 0 ? (
            <p>{t('diff.none')}</p>
          ) : (
            <>
              <p>{i18n.plural('diff.count', result.changes.length)}</p>
              <ul className="diff-list">
                {[...result.changes]
                  .sort((a, b) => (a.importance === b.importance ? 0 : a.importance === 'major' ? -1 : 1))
                  .map((change) => (
                    <li key={`${change.kind}|${change.target}|${change.message}`}>
                      <span
                        className={`badge ${change.importance === 'major' ? 'badge-warning' : 'badge-neutral'}`}
                      >
                        {t(change.importance === 'major' ? 'diff.major' : 'diff.minor')}
                      </span>{' '}
                      {change.message}
                    </li>
                  ))}
              </ul>
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
