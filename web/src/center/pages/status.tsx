/** Where my request stands, opened with its tracking key: right, state, deadline, steps. */
import { Link, useParams, useSearchParams } from 'react-router';
import type { TSubjectStatus } from '../../../../src/requests/views.ts';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { Page } from '../../ui/page.tsx';
import { StateBadge } from '../../ui/state-badge.tsx';
import { Loaded, Notice } from '../../ui/status.tsx';

export function StatusPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const token = search.get('token');
  const url = `/v1/privacy-center/requests/${encodeURIComponent(id)}?token=${encodeURIComponent(token ?? '')}`;
  const status = useApi(token === null ? null : url, (signal) => get<TSubjectStatus>(url, { signal }));
  if (token === null) {
    return (
      <Page title={t('status.title')}>
        <Notice tone="warning">{t('status.missingToken')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={t('status.title')}>
      <Loaded state={status}>
        {(request) => (
          <>
            <dl className="facts">
              <dt>{t('status.right')}</dt>
              <dd>{t(`right.${request.right}`)}</dd>
              <dt>{t('status.state')}</dt>
              <dd>
                <StateBadge state={request.state} />
              </dd>
              <dt>{t('status.received')}</dt>
              <dd>{i18n.date(request.receivedAt)}</dd>
              <dt>{request.closedAt === null ? t('status.due') : t('status.closed')}</dt>
              <dd>{request.closedAt === null ? i18n.date(request.dueOn) : i18n.date(request.closedAt)}</dd>
            </dl>
            {request.extended ? <Notice>{t('status.extended')}</Notice> : null}
            {request.state === 'verifying' || request.state === 'received' ? (
              <p>
                <Link to={paths.requestVerify(request.id)}>{t('status.verify')}</Link>
              </p>
            ) : null}
            <h2>{t('status.steps')}</h2>
            <ol className="timeline">
              {request.steps.map((step) => (
                <li key={`${step.at}|${step.kind}`}>
                  <time dateTime={step.at}>{i18n.date(step.at, true)}</time>
                  {t(`event.${step.kind}`)}
                </li>
              ))}
            </ol>
          </>
        )}
      </Loaded>
    </Page>
  );
}
