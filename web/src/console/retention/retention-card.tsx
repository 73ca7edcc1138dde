/**
 * The dashboard's card "data past retention awaiting a sweep": the rows a sweep would process now,
 * a bar per activity, the rows kept under a legal obligation, and a link to the retention page.
 */
import { Link } from 'react-router';
import type { TRetentionPlanView } from '../../../../src/retention/types.ts';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { Card } from '../pages/dashboard.tsx';
import { LabelledBars, type LabelledValue } from './progress-bar.tsx';

export function RetentionCard() {
  const { t, plural, lang, number } = useI18n();
  const plan = useApi('dashboard-retention', (signal) =>
    get<TRetentionPlanView>('/v1/retention/plan', { signal }),
  );
  return (
    <Card title={t('dashboard.retention')} state={plan}>
      {(data) => {
        const items: LabelledValue[] = data.activities
          .filter((activity) => activity.due > 0)
          .sort((a, b) => b.due - a.due)
          .map((activity) => ({
            key: activity.id,
            label: activity.name[lang],
            value: activity.due,
            display: number(activity.due),
          }));
        return (
          <div data-testid="retention-card">
            <p className="stat" data-testid="retention-awaiting" data-due={data.totals.due}>
              {plural('dashboard.retentionCount', data.totals.due)}
            </p>
            {data.totals.held > 0 ? <p>{plural('dashboard.retentionHeld', data.totals.held)}</p> : null}
            <LabelledBars
              caption={t('retention.dashboardChart')}
              items={items}
              empty={t('dashboard.retentionEmpty')}
              tone="warning"
            />
            <p>
              <Link to={paths.consoleRetention}>{t('dashboard.retentionLink')}</Link>
            </p>
          </div>
        );
      }}
    </Card>
  );
}
