/**
 * The dashboard: open requests by deadline (days left, overdue flagged), breaches on their
 * 72-hour clock, data past retention awaiting a sweep, and the last audit verification. Each
 * figure is drawn as a simple SVG bar chart whose text alternative lists every value.
 */
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import type { TBreachSummary } from '../../../../src/breach/breach-types.ts';
import type { TRequestSummary } from '../../../../src/requests/views.ts';
import type { TAuditVerification } from '../../../../src/server/routes/audit.ts';
import type { ApiError } from '../../api/client.ts';
import { get } from '../../api/client.ts';
import { type Loaded as LoadedState, useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { type Bar, BarChart } from '../../ui/bar-chart.tsx';
import { DaysLeft } from '../../ui/deadline.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Loading } from '../../ui/status.tsx';
import { RetentionCard } from '../retention/retention-card.tsx';

/** A card whose data may be refused to the role (403): it says so instead of failing. */
export function Card<T>({
  title,
  state,
  children,
}: {
  readonly title: string;
  readonly state: LoadedState<T>;
  readonly children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  const id = useId();
  const forbidden = (error: ApiError | null) => error !== null && error.status === 403;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {forbidden(state.error) ? (
        <p className="hint">{t('dashboard.unavailable')}</p>
      ) : state.data === undefined ? (
        state.error === null ? (
          <Loading />
        ) : (
          <ErrorMessage error={state.error} />
        )
      ) : (
        children(state.data)
      )}
    </section>
  );
}

/** Open requests grouped by the days left on their current deadline. */
export function deadlineBuckets(requests: readonly TRequestSummary[]) {
  const open = requests.filter((r) => r.closedAt === null && r.daysLeft !== null);
  const count = (test: (days: number) => boolean) => open.filter((r) => test(r.daysLeft ?? 0)).length;
  return {
    open,
    overdue: count((d) => d < 0),
    week: count((d) => d >= 0 && d <= 7),
    fortnight: count((d) => d > 7 && d <= 14),
    month: count((d) => d > 14 && d <= 31),
    later: count((d) => d > 31),
  };
}

function RequestsCard() {
  const i18n = useI18n();
  const { t, plural } = i18n;
  const requests = useApi('dashboard-requests', (signal) =>
    get<TRequestSummary[]>('/v1/requests?limit=500', { signal }),
  );
  return (
    <Card title={t('dashboard.requests')} state={requests}>
      {(list) => {
        const buckets = deadlineBuckets(list);
        const bars: Bar[] = [
          { key: 'overdue', label: t('dashboard.bucket.overdue'), value: buckets.overdue, tone: 'danger' },
          { key: 'week', label: t('dashboard.bucket.week'), value: buckets.week, tone: 'warning' },
          { key: 'fortnight', label: t('dashboard.bucket.fortnight'), value: buckets.fortnight },
          { key: 'month', label: t('dashboard.bucket.month'), value: buckets.month },
          { key: 'later', label: t('dashboard.bucket.later'), value: buckets.later, tone: 'ok' },
        ];
        const urgent = [...buckets.open].sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0)).slice(0, 5);
        return (
          <>
            <p className="stat" data-testid="open-requests">
              {plural('dashboard.requestsCount', buckets.open.length)}
            </p>
            {buckets.overdue > 0 ? (
              <p>
                <span className="badge badge-danger">
                  {plural('dashboard.overdueCount', buckets.overdue)}
                </span>
              </p>
            ) : null}
            <BarChart
              caption={t('dashboard.requestsChart')}
              bars={buckets.open.length === 0 ? [] : bars}
              empty={t('dashboard.requestsEmpty')}
            />
            {urgent.length === 0 ? null : (
              <>
                <h3>{t('dashboard.urgent')}</h3>
                <ul>
                  {urgent.map((request) => (
                    <li key={request.id}>
                      <Link to={paths.consoleRequest(request.id)}>
                        {t(`right.${request.right}`)} — {i18n.date(request.extendedDueOn ?? request.dueOn)}
                      </Link>{' '}
                      <DaysLeft daysLeft={request.daysLeft} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        );
      }}
    </Card>
  );
}

function BreachesCard() {
  const { t, plural } = useI18n();
  const breaches = useApi('dashboard-breaches', (signal) =>
    get<TBreachSummary[]>('/v1/breaches?status=open', { signal }),
  );
  return (
    <Card title={t('dashboard.breaches')} state={breaches}>
      {(list) => {
        const bars: Bar[] = list.map((breach) => {
          const elapsed = Math.max(0, Math.round(72 - breach.clock.hoursLeft));
          const running = breach.clock.state === 'running' || breach.clock.state === 'overdue';
          const left = Math.floor(breach.clock.hoursLeft);
          return {
            key: breach.id,
            label: breach.title,
            value: Math.min(72, elapsed),
            display: running
              ? left >= 0
                ? t('clock.running', { hours: plural('common.hours', left) })
                : t('clock.overdue', { hours: plural('common.hours', -left) })
              : t(`clock.${breach.clock.state}`),
            tone: !running ? 'ok' : left < 24 ? 'danger' : 'warning',
          };
        });
        return (
          <>
            <p className="stat">{plural('dashboard.breachesCount', list.length)}</p>
            <BarChart
              caption={t('dashboard.breachesChart')}
              bars={bars}
              max={72}
              empty={t('dashboard.breachesEmpty')}
            />
          </>
        );
      }}
    </Card>
  );
}

/** The last verification of the audit trails: when, and whether the chain was intact. */
function AuditCard() {
  const i18n = useI18n();
  const { t, plural } = i18n;
  const latest = useApi('dashboard-audit', (signal) =>
    get<{ verification: TAuditVerification | null }>('/v1/audit/verifications/latest', { signal }),
  );
  return (
    <Card title={t('dashboard.audit')} state={latest}>
      {({ verification }) => (
        <div data-testid="audit-card">
          {verification === null ? (
            <p>{t('dashboard.auditNever')}</p>
          ) : (
            <>
              <p data-testid="audit-card-date">
                {t('dashboard.auditLast', { date: i18n.date(verification.verifiedAt, true) })}
              </p>
              <p>
                <span className={`badge ${verification.ok ? 'badge-ok' : 'badge-danger'}`}>
                  {verification.ok ? `✓ ${t('dashboard.auditOk')}` : `✗ ${t('dashboard.auditBroken')}`}
                </span>{' '}
                {plural('dashboard.auditEntries', verification.entries)}
              </p>
            </>
          )}
          <p>
            <Link to={paths.consoleAudit}>{t('dashboard.auditLink')}</Link>
          </p>
        </div>
      )}
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  return (
    <Page title={t('dashboard.title')} lead={t('dashboard.lead')}>
      <div className="cards">
        <RequestsCard />
        <BreachesCard />
        <RetentionCard />
        <AuditCard />
      </div>
    </Page>
  );
}
