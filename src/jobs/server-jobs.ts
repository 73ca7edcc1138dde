/**
 * The server's background jobs: the job types it runs and their schedules from the
 * configuration (REGISTRE_JOBS, REGISTRE_REMINDER_*, REGISTRE_*_CRON). start.ts starts the runner
 * after the migrations and stops it on close. With REGISTRE_SWEEP_CRON, the retention sweep of the
 * organisation's database (REGISTRE_TARGET_DB, opened on first use) is scheduled too; stopping
 * the runner then stops a sweep in progress after its current batch.
 */
import { createAccounts } from '../accounts/create-accounts.ts';
import type { ServerConfig } from '../config/server-config.ts';
import type { Mailer } from '../mail/create-mailer.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import { createFulfilmentTarget } from '../requests/fulfil/fulfilment-target.ts';
import { loadTargetConfig } from '../requests/fulfil/target-config.ts';
import { createRetention } from '../retention/create-retention.ts';
import type { Store } from '../store/open-store.ts';
import { createJobRunner, type JobRunLog, type JobRunner, type ScheduleSpec } from './create-job-runner.ts';
import { DEADLINE_REMINDERS_JOB, deadlineRemindersJob } from './handlers/deadline-reminders.ts';
import { EXPORT_EXPIRY_JOB, exportExpiryJob } from './handlers/export-expiry.ts';
import { RETENTION_SWEEP_JOB, retentionSweepJob } from './handlers/retention-sweep.ts';
import { SESSION_PURGE_JOB, sessionPurgeJob } from './handlers/session-purge.ts';
import type { JobType } from './job-type.ts';

export interface ServerJobsDeps {
  readonly store: Store;
  readonly config: ServerConfig;
  readonly secret: string;
  readonly clock: () => Date;
  readonly mailer: Mailer;
  readonly policy: LoadedPolicy | null;
  /** One line per attempt (ids, counts, codes). */
  readonly log: (line: JobRunLog) => void;
  readonly onTickError: (error: unknown) => void;
  /** Seconds between ticks; null: no timer (tests tick by hand). Default: the configuration's. */
  readonly pollSeconds?: number | null;
  /** REGISTRE_TARGET_DB / REGISTRE_TARGET_DATAMAP for the scheduled sweep (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The runner of the server's jobs, not started; null when REGISTRE_JOBS=off. */
export function createServerJobs(deps: ServerJobsDeps): JobRunner | null {
  const { config, store, clock } = deps;
  if (!config.jobs.enabled) return null;
  const accounts = createAccounts({
    db: store.db,
    clock,
    secret: deps.secret,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
  });
  const types: JobType<unknown>[] = [
    deadlineRemindersJob({
      db: store.db,
      mailer: deps.mailer,
      publicBaseUrl: config.publicBaseUrl,
      policyDpoEmail: () => deps.policy?.policy.organisation.dpo?.email ?? null,
    }),
    sessionPurgeJob({ purgeSessions: () => accounts.purgeSessions() }),
    exportExpiryJob({ db: store.db }),
  ];
  const schedules: ScheduleSpec[] = [];
  const { jobs } = config;
  let closeSweep: () => Promise<void> = async () => undefined;
  if (jobs.sweepCron !== null) {
    const target = createFulfilmentTarget(loadTargetConfig(deps.env ?? process.env), clock);
    const retention = createRetention({ db: store.db, clock, secret: deps.secret, target });
    types.push(retentionSweepJob({ retention }));
    schedules.push({ job: RETENTION_SWEEP_JOB, cron: jobs.sweepCron, payload: { mode: 'execute' } });
    closeSweep = async () => {
      await retention.close();
      await target.close();
    };
  }
  if (jobs.reminderCron !== null) {
    schedules.push({
      job: DEADLINE_REMINDERS_JOB,
      cron: jobs.reminderCron,
      payload: { withinDays: jobs.reminderDays },
    });
  }
  if (jobs.sessionPurgeCron !== null) schedules.push({ job: SESSION_PURGE_JOB, cron: jobs.sessionPurgeCron });
  if (jobs.exportExpiryCron !== null) schedules.push({ job: EXPORT_EXPIRY_JOB, cron: jobs.exportExpiryCron });
  const runner = createJobRunner({
    store,
    clock,
    types,
    schedules,
    pgBossSchema: jobs.pgSchema,
    pollSeconds: deps.pollSeconds === undefined ? jobs.pollSeconds : deps.pollSeconds,
    log: deps.log,
    onTickError: deps.onTickError,
  });
  return {
    get queueKind() {
      return runner.queueKind;
    },
    start: () => runner.start(),
    tick: () => runner.tick(),
    enqueue: (job, payload, options) => runner.enqueue(job, payload, options),
    whenIdle: () => runner.whenIdle(),
    async stop() {
      // A sweep under way stops after its current batch, so that the round can end.
      await closeSweep();
      await runner.stop();
    },
  };
}
