/** Past sweeps, newest first: when, kind, status, who started them, rows processed. */
import type { TSweepRunView } from '../../../../src/retention/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { SweepStatus, startedByText } from './run-panel.tsx';

export function RunHistory({ runs, me }: { readonly runs: readonly TSweepRunView[]; readonly me: string }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  return (
    <section aria-labelledby="sweep-history">
      <h2 id="sweep-history">{t('retention.history')}</h2>
      {runs.length === 0 ? (
        <p className="hint">{t('retention.historyEmpty')}</p>
      ) : (
        <ScrollTable caption={t('retention.historyCaption')}>
          <thead>
            <tr>
              <th scope="col">{t('retention.col.when')}</th>
              <th scope="col">{t('retention.col.mode')}</th>
              <th scope="col">{t('retention.col.status')}</th>
              <th scope="col">{t('retention.col.by')}</th>
              <th scope="col" className="number">
                {t('retention.col.rows')}
              </th>
              <th scope="col">{t('retention.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{i18n.date(run.createdAt, true)}</td>
                <td>{t(`retention.mode.${run.mode}`)}</td>
                <td>
                  <SweepStatus status={run.status} />
                </td>
                <td>{startedByText(run.startedBy, me, t)}</td>
                <td className="number">
                  {run.mode === 'execute'
                    ? `${number(run.rows.done)} / ${number(run.rows.total)}`
                    : number(run.rows.total)}
                </td>
                <td>
                  {t(run.mode === 'execute' ? 'retention.result' : 'retention.resultDry', {
                    deleted: number(run.counts.deleted),
                    anonymised: number(run.counts.anonymised),
                    archived: number(run.counts.archived),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </section>
  );
}
