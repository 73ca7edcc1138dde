/** Every published notice version, and a form to compare two of them. */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TNoticeVersion } from '../../../../src/notices/notice-types.ts';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { SelectField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { Loaded } from '../../ui/status.tsx';

function CompareForm({ versions }: { readonly versions: readonly TNoticeVersion[] }) {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const newest = versions[0]?.version ?? 1;
  const [from, setFrom] = useState(String(versions[1]?.version ?? newest));
  const [to, setTo] = useState(String(newest));
  const options = versions.map((v) => ({
    value: String(v.version),
    label: `${v.version} — ${v.policyVersion} (${date(v.publishedAt)})`,
  }));
  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(`${paths.noticeDiff}?from=${from}&to=${to}`);
  }
  return (
    <form onSubmit={submit}>
      <h2>{t('versions.compare')}</h2>
      <SelectField
        label={t('versions.from')}
        name="from"
        value={from}
        onChange={(e) => setFrom(e.target.value)}
        options={options}
      />
      <SelectField
        label={t('versions.to')}
        name="to"
        value={to}
        onChange={(e) => setTo(e.target.value)}
        options={options}
      />
      <button type="submit" className="primary">
        {t('versions.compareSubmit')}
      </button>
    </form>
  );
}

export function VersionsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const versions = useApi('notice-versions', (signal) => get<TNoticeVersion[]>('/v1/notices', { signal }));
  return (
    <Page title={t('versions.title')} lead={t('versions.lead')}>
      <Loaded state={versions}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('notice.none')}</p>
          ) : (
            <>
              <ScrollTable caption={t('versions.table')}>
                <thead>
                  <tr>
                    <th scope="col">{t('versions.number')}</th>
                    <th scope="col">{t('versions.policyVersion')}</th>
                    <th scope="col">{t('versions.policyDate')}</th>
                    <th scope="col">{t('versions.published')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((version, index) => (
                    <tr key={version.id}>
                      <td>
                        <Link
                          to={paths.noticeVersion(version.version)}
                          aria-label={t('versions.read', { version: version.version })}
                        >
                          {version.version}
                        </Link>
                        {index === 0 ? <span className="badge badge-ok"> {t('notice.current')}</span> : null}
                      </td>
                      <td>{version.policyVersion}</td>
                      <td>{i18n.date(version.policyDate)}</td>
                      <td>{i18n.date(version.publishedAt, true)}</td>
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
              {list.length < 2 ? <p>{t('versions.onlyOne')}</p> : <CompareForm versions={list} />}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
