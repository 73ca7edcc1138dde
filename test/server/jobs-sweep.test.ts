/**
 * The scheduled retention sweep (REGISTRE_SWEEP_CRON): at its slot the job starts a run of the
 * retention service as `job:retention-sweep`, waits for it, and reports its counts; the run is
 * recorded in the store like one started from the console, and the demo database has nothing
 * left past its deadline. On the SQLite and PostgreSQL stores (the organisation's database is
 * the SQLite demo).
 */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/server-config.ts';
import { buildEngineContext } from '../../src/engine/load-context.ts';
import { planSweep } from '../../src/engine/sweep/plan-sweep.ts';
import type { JobRunner } from '../../src/jobs/create-job-runner.ts';
import { pgBossSchemaFor } from '../../src/jobs/queues/pg-boss-queue.ts';
import { createServerJobs } from '../../src/jobs/server-jobs.ts';
import { createMailer } from '../../src/mail/create-mailer.ts';
import { createFulfilmentTarget } from '../../src/requests/fulfil/fulfilment-target.ts';
import { availableDialects } from '../support/targets.ts';
import { DEMO_DATAMAP, DEMO_TODAY, demoTarget } from './requests-support.ts';
import { startTestServer, TEST_SECRET, type TestServer } from './support.ts';

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`scheduled retention sweep (${dialect} store)`, () => {
    let server: TestServer;
    let demo: Awaited<ReturnType<typeof demoTarget>>;
    let jobs: JobRunner | null = null;
    afterEach(async () => {
      await jobs?.stop();
      if (dialect === 'postgres') {
        const schema = await pgBossSchemaFor(server.store, null);
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(server.store.db);
      }
      await server.dispose();
      await demo.dispose();
    });

    async function dueRows(): Promise<number> {
      const target = createFulfilmentTarget({
        datamapPath: DEMO_DATAMAP,
        databaseUrl: demo.url,
        demo: false,
      });
      try {
        const { target: db, datamap } = await target.open();
        return (await planSweep(db, buildEngineContext(datamap), { today: DEMO_TODAY })).totals.due;
      } finally {
        await target.close();
      }
    }

    it('runs the sweep at its slot, recorded as started by the job', async () => {
      server = await startTestServer(dialect);
      demo = await demoTarget();
      server.clock.set(DEMO_TODAY);
      const config = loadServerConfig({
        REGISTRE_OUTBOX_DIR: server.outboxDir,
        REGISTRE_SWEEP_CRON: '30 9 * * *',
        REGISTRE_REMINDER_CRON: 'off',
        REGISTRE_SESSION_PURGE_CRON: 'off',
        REGISTRE_EXPORT_EXPIRY_CRON: 'off',
      });
      jobs = createServerJobs({
        store: server.store,
        config,
        secret: TEST_SECRET,
        clock: server.clock,
        mailer: createMailer({ smtpUrl: null, outboxDir: server.outboxDir, from: config.mailFrom }),
        policy: null,
        log: () => undefined,
        onTickError: () => undefined,
        pollSeconds: null,
        env: { REGISTRE_TARGET_DB: demo.url, REGISTRE_TARGET_DATAMAP: DEMO_DATAMAP },
      });
      await jobs?.start();
      await jobs?.whenIdle();
      const before = await dueRows();
      expect(before).toBeGreaterThan(0);
      expect(await server.store.db.selectFrom('retention_sweep_runs').selectAll().execute()).toEqual([]);

      // The first slot: 09:30, half an hour after start (the demo database is made for that day).
      server.clock.set(new Date('2025-03-03T09:30:00.000Z'));
      const report = await jobs?.tick();
      const run = report?.runs.find((r) => r.job === 'retention-sweep');
      expect(run?.status).toBe('succeeded');
      expect(run?.slot).toBe('2025-03-03T09:30:00.000Z');
      const counts = run?.summary ?? {};
      expect((counts.deleted ?? 0) + (counts.anonymised ?? 0) + (counts.archived ?? 0)).toBe(before);
      const runs = await server.store.db
        .selectFrom('retention_sweep_runs')
        .select(['mode', 'status', 'started_by'])
        .execute();
      expect(runs).toEqual([{ mode: 'execute', status: 'completed', started_by: 'job:retention-sweep' }]);
      expect(await dueRows()).toBe(0);
    });
  });
}
