/**
 * One sweep as it goes: its status, a progress bar for the whole run and one per step with rows
 * to process, then what it did (or would do, for a dry run) and why it failed if it did. The
 * status line is a polite live region, so screen readers hear the run finish.
 */
import type { TSweepRunView, TSweepStatus } from '../../../../src/retention/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProgressBar } from './progress-bar.tsx';

const TONE: Readonly<Record<TSweepStatus, string>> = {
  queued: 'badge-neutral',
  running: 'badge-warning',
  completed: 'badge-ok',
  failed: 'badge-danger',
};

export function SweepStatus({ status }: { readonly status: TSweepStatus }) {
  const { t } = useI18n();
  return <span className={`badge ${TONE[status]}`}>{t(`retention.status.${status}`)}</span>;
}

/** Who started a run, in words (the person themself, another person or token by short id, the schedule). */
export function startedByText(startedBy: string, me: string, t: ReturnType<typeof useI18n>['t']): string {
  if (startedBy === `user:${me}`) return t('retention.by.you');
  const [kind, id = ''] = startedBy.split(':', 2);
  const short = id.slice(0, 8);
  if (kind === 'user') return t('retention.by.user', { id: short });
  if (kind === 'token') return t('retention.by.token', { id: short });
  return t('retention.by.job');
}

export function RunPanel({ run, title }: { readonly run: TSweepRunView; readonly title: string }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const over = run.status === 'completed' || run.status === 'failed';
  const steps = run.steps.filter((step) => step.total > 0 || step.status === 'failed');
  const counts = {
    deleted: number(run.counts.deleted),
    anonymised: number(run.counts.anonymised),
    archived: number(run.counts.archived),
  };
  return (
    <section className="card" aria-labelledby="sweep-run" data-testid="sweep-run" data-status={run.status}>
      <h2 id="sweep-run">{title}</h2>
      <p role="status">
        {t(`retention.mode.${run.mode}`)} — <SweepStatus status={run.status} />{' '}
        {run.startedAt === null ? null : i18n.date(run.startedAt, true)}
      </p>
      {run.mode === 'execute' ? (
        <>
          <ProgressBar
            label={t('retention.progressLabel', { done: run.rows.done, total: run.rows.total })}
            done={run.rows.done}
            total={run.rows.total}
            text={t('retention.rowsDone', { done: run.rows.done, total: run.rows.total })}
            strong
          />
          {steps.length === 0 ? null : (
            <details open={!over}>
              <summary>{t('retention.stepsDetail', { count: steps.length })}</summary>
              <ul style={{ listStyle: 'none', padding: 0, margin: '0.5rem 0 0' }}>
                {steps.map((step) => {
                  const text = t('retention.stepProgress', {
                    table: step.table,
                    effect: t(`retention.effect.${step.effect}`),
                    rule: step.rule,
                    done: step.done,
                    total: step.total,
                  });
                  return (
                    <li key={step.step}>
                      <ProgressBar label={text} done={step.done} total={step.total} text={text} />
                      {step.error === null ? null : <p className="field-error">{step.error}</p>}
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
        </>
      ) : null}
      {over ? (
        <p data-testid="sweep-result">
          {t(run.mode === 'execute' ? 'retention.result' : 'retention.resultDry', counts)}
        </p>
      ) : null}
      {run.resumed && run.today !== null ? (
        <p className="hint">{t('retention.resumed', { day: run.today })}</p>
      ) : null}
      {run.error === null ? null : (
        <div className={`alert ${run.status === 'failed' ? 'alert-error' : 'alert-warning'}`}>
          <p>
            {t('retention.error', { message: i18n.maybe(`errors.${run.error.code}`) ?? run.error.message })}
          </p>
          {run.error.code === null || i18n.maybe(`errors.${run.error.code}`) === undefined ? null : (
            <p className="hint">{run.error.message}</p>
          )}
        </div>
      )}
    </section>
  );
}
