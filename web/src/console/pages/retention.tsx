/**
 * Retention: the sweep plan per activity and table (rows past their retention period, rows to
 * process, rows kept and why), a sweep started with a confirmation (DPO, administrator) or a dry
 * run, its live progress (the run is polled every half second while it runs), and past sweeps.
 * Auditors read everything and start nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TRetentionPlanView, TSweepMode, TSweepRunView } from '../../../../src/retention/types.ts';
import { get, post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Loaded } from '../../ui/status.tsx';
import { ActivityPlan } from '../retention/plan-tables.tsx';
import { RunHistory } from '../retention/run-history.tsx';
import { RunPanel } from '../retention/run-panel.tsx';
import { useUser } from '../session.tsx';

const RUNNERS = new Set(['admin', 'dpo']);
/** How often a running sweep is asked for its progress. */
export const POLL_MS = 500;

const isOver = (run: TSweepRunView) => run.status === 'completed' || run.status === 'failed';

/** Follow `id` until its run is over; `onOver` is called once when it is. */
function useRun(id: string | null, onOver: () => void): TSweepRunView | null {
  const [run, setRun] = useState<TSweepRunView | null>(null);
  const over = useRef(onOver);
  over.current = onOver;
  useEffect(() => {
    if (id === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const tick = async () => {
      try {
        const next = await get<TSweepRunView>(`/v1/retention/sweeps/${encodeURIComponent(id)}`, {
          signal: controller.signal,
        });
        if (stopped) return;
        setRun(next);
        if (isOver(next)) {
          over.current();
          return;
        }
      } catch {
        if (stopped) return;
      }
      timer = setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [id]);
  return run;
}

function Confirm({
  plan,
  busy,
  onConfirm,
  onCancel,
}: {
  readonly plan: TRetentionPlanView;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const { t, number } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section
      className="alert alert-warning"
      role="alertdialog"
      aria-labelledby="sweep-confirm"
      aria-describedby="sweep-confirm-text"
    >
      <h3 id="sweep-confirm" ref={heading} tabIndex={-1}>
        {t('retention.confirmTitle')}
      </h3>
      <p id="sweep-confirm-text">
        {t('retention.confirmText', {
          count: number(plan.totals.due),
          delete: number(plan.totals.byEffect.delete),
          anonymise: number(plan.totals.byEffect.anonymise),
          archive: number(plan.totals.byEffect.archive),
        })}
      </p>
      <div className="button-row">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {t('retention.confirm')}
        </button>
        <button type="button" className="button secondary" onClick={onCancel}>
          {t('retention.cancel')}
        </button>
      </div>
    </section>
  );
}

function Summary({ plan }: { readonly plan: TRetentionPlanView }) {
  const i18n = useI18n();
  const { t, plural, number } = i18n;
  return (
    <section className="card" aria-labelledby="retention-summary">
      <h2 id="retention-summary">{t('retention.computed', { day: i18n.date(plan.today) })}</h2>
      <p className="stat" data-testid="retention-due" data-due={plan.totals.due}>
        {plural('retention.dueCount', plan.totals.due)}
      </p>
      <p>
        {t('retention.byEffect', {
          delete: number(plan.totals.byEffect.delete),
          anonymise: number(plan.totals.byEffect.anonymise),
          archive: number(plan.totals.byEffect.archive),
        })}
      </p>
      <p className="hint">
        {t('retention.keptTotals', {
          held: number(plan.totals.held),
          blocked: number(plan.totals.blocked),
          restricted: number(plan.totals.restricted),
        })}
      </p>
      {plan.errors.length === 0 ? null : (
        <div className="alert alert-error">
          <p className="alert-title">{t('retention.planErrors')}</p>
          <ul>
            {plan.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

export function RetentionPage() {
  const { t } = useI18n();
  const user = useUser();
  const canRun = RUNNERS.has(user.role);
  const plan = useApi('retention-plan', (signal) =>
    get<TRetentionPlanView>('/v1/retention/plan', { signal }),
  );
  const runs = useApi('retention-runs', (signal) =>
    get<TSweepRunView[]>('/v1/retention/sweeps?limit=20', { signal }),
  );
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const [followed, setFollowed] = useState<string | null>(null);
  const reloadPlan = plan.reload;
  const reloadRuns = runs.reload;
  const refresh = useCallback(() => {
    reloadPlan();
    reloadRuns();
  }, [reloadPlan, reloadRuns]);
  const run = useRun(followed, refresh);

  // A sweep already running when the page opens (started elsewhere) is followed too.
  const running = plan.data?.running ?? null;
  useEffect(() => {
    if (followed === null && running !== null) setFollowed(running.id);
  }, [followed, running]);

  async function start(mode: TSweepMode) {
    const started = await action.run(() => post<TSweepRunView>('/v1/retention/sweeps', { mode }));
    setConfirming(false);
    if (started !== undefined) {
      setFollowed(started.id);
      reloadRuns();
    }
  }

  const inProgress = run !== null && !isOver(run);
  const last = run ?? runs.data?.[0] ?? null;

  return (
    <Page title={t('retention.title')} lead={t('retention.lead')}>
      <Loaded state={plan}>
        {(data) => (
          <>
            <div className="cards" style={{ alignItems: 'start' }}>
              <Summary plan={data} />
              {last === null ? null : (
                <RunPanel run={last} title={t(inProgress ? 'retention.current' : 'retention.last')} />
              )}
            </div>
            <section aria-labelledby="sweep-actions">
              <h2 id="sweep-actions">{t('retention.actions')}</h2>
              <ErrorMessage error={action.error} />
              {!canRun ? (
                <p className="hint">{t('retention.readOnly')}</p>
              ) : confirming ? (
                <Confirm
                  plan={data}
                  busy={action.busy}
                  onConfirm={() => void start('execute')}
                  onCancel={() => setConfirming(false)}
                />
              ) : (
                <>
                  {data.totals.due === 0 ? <p className="hint">{t('retention.nothingDue')}</p> : null}
                  <div className="button-row">
                    <button
                      type="button"
                      className="primary"
                      disabled={action.busy || inProgress || data.totals.due === 0 || data.errors.length > 0}
                      onClick={() => setConfirming(true)}
                    >
                      {t('retention.run')}
                    </button>
                    <button
                      type="button"
                      className="button secondary"
                      disabled={action.busy}
                      onClick={() => void start('dry-run')}
                    >
                      {t('retention.dryRun')}
                    </button>
                  </div>
                </>
              )}
            </section>
            <section aria-labelledby="retention-plan">
              <h2 id="retention-plan">{t('retention.planTitle')}</h2>
              {data.activities.map((activity) => (
                <ActivityPlan key={activity.id} activity={activity} />
              ))}
            </section>
          </>
        )}
      </Loaded>
      {runs.data === undefined ? null : <RunHistory runs={runs.data} me={user.id} />}
    </Page>
  );
}
