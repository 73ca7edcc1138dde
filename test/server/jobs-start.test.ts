/**
 * `startServer` starts the background jobs after the migrations (pg-boss on PostgreSQL, the
 * in-process scheduler on SQLite), runs a slot missed while it was stopped once at start, logs
 * each run without personal data, stops them on close, and REGISTRE_JOBS=off leaves them out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../../src/config/server-config.ts';
import { pgBossSchemaFor } from '../../src/jobs/queues/pg-boss-queue.ts';
import { startServer } from '../../src/server/start.ts';
import { openStore } from '../../src/store/open-store.ts';
import { availableDialects, isolatedTarget } from '../support/targets.ts';
import { TEST_SECRET, testClock } from './support.ts';

const HOUR = 3_600_000;

describe('REGISTRE_* job variables', () => {
  it('are validated with messages naming the variable', () => {
    const defaults = loadServerConfig({}).jobs;
    expect(defaults).toEqual({
      enabled: true,
      pollSeconds: 30,
      pgSchema: null,
      reminderDays: 7,
      reminderCron: '0 7 * * *',
      sessionPurgeCron: '*/15 * * * *',
      exportExpiryCron: '5 * * * *',
      sweepCron: null,
    });
    const custom = loadServerConfig({
      REGISTRE_JOBS: 'off',
      REGISTRE_REMINDER_DAYS: '3',
      REGISTRE_REMINDER_CRON: 'OFF',
      REGISTRE_SESSION_PURGE_CRON: '0  *  * * *',
    }).jobs;
    expect(custom).toMatchObject({
      enabled: false,
      reminderDays: 3,
      reminderCron: null,
      sessionPurgeCron: '0 * * * *',
    });
    expect(() => loadServerConfig({ REGISTRE_REMINDER_CRON: '0 25 * * *' })).toThrow(
      /REGISTRE_REMINDER_CRON must be a 5-field UTC cron expression or off: hour: 25 is outside 0–23/,
    );
    expect(() => loadServerConfig({ REGISTRE_REMINDER_DAYS: '-1' })).toThrow(
      /REGISTRE_REMINDER_DAYS must be an integer from 0 to 60/,
    );
    expect(() => loadServerConfig({ REGISTRE_JOBS: 'maybe' })).toThrow(/REGISTRE_JOBS must be on or off/);
    expect(() => loadServerConfig({ REGISTRE_JOBS_PG_SCHEMA: 'Bad-Name' })).toThrow(
      /REGISTRE_JOBS_PG_SCHEMA/,
    );
  });
});

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`startServer with background jobs (${dialect} store)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-jobs-start-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('starts the runner, runs a missed slot once at the next start, and stops it on close', async () => {
      const isolated = await isolatedTarget(dialect);
      await isolated.target.close();
      const env = {
        REGISTRE_DATABASE_URL: isolated.url,
        REGISTRE_PORT: '0',
        REGISTRE_SECRET: TEST_SECRET,
        REGISTRE_POLICY: 'test/fixtures/policy-valid/minimal.yaml',
        REGISTRE_OUTBOX_DIR: join(dir, 'outbox'),
        REGISTRE_ADMIN_EMAIL: 'owner@example.test',
        REGISTRE_EXPORT_EXPIRY_CRON: 'off',
      };
      const clock = testClock(new Date('2025-03-03T09:07:00.000Z'));
      const logs: string[] = [];
      const log = { stream: { write: (line: string) => void logs.push(line) } };
      const first = await startServer({ env, log, clock, say: () => undefined });
      try {
        expect(first.jobs?.queueKind).toBe(dialect === 'postgres' ? 'pg-boss' : 'in-process');
        await first.jobs?.whenIdle();
        const health = await first.app.inject({ method: 'GET', url: '/health' });
        expect(health.statusCode).toBe(200);
      } finally {
        await first.close();
      }

      const store = openStore(isolated.url, { poolSize: 1 });
      try {
        const rows = await store.db
          .selectFrom('job_schedules')
          .select(['name', 'cron', 'next_run_at'])
          .orderBy('name')
          .execute();
        expect(rows).toEqual([
          { name: 'deadline-reminders', cron: '0 7 * * *', next_run_at: '2025-03-04T07:00:00.000Z' },
          { name: 'session-purge', cron: '*/15 * * * *', next_run_at: '2025-03-03T09:15:00.000Z' },
        ]);
        expect(await store.db.selectFrom('job_runs').selectAll().execute()).toEqual([]);

        // Stopped for a day: each missed schedule runs once when the server starts again.
        clock.advance(24 * HOUR);
        const second = await startServer({ env, log, clock, say: () => undefined });
        try {
          await second.jobs?.whenIdle();
        } finally {
          await second.close();
        }
        const runs = await store.db
          .selectFrom('job_runs')
          .select(['job', 'slot', 'status', 'runner'])
          .orderBy('job')
          .execute();
        expect(runs).toEqual([
          {
            job: 'deadline-reminders',
            slot: '2025-03-04T07:00:00.000Z',
            status: 'succeeded',
            runner: dialect === 'postgres' ? 'pg-boss' : 'in-process',
          },
          {
            job: 'session-purge',
            slot: '2025-03-03T09:15:00.000Z',
            status: 'succeeded',
            runner: dialect === 'postgres' ? 'pg-boss' : 'in-process',
          },
        ]);
        const lines = logs.filter((l) => l.includes('"msg":"job run"')).map((l) => JSON.parse(l));
        expect(lines.map((l) => [l.job, l.status]).sort()).toEqual([
          ['deadline-reminders', 'succeeded'],
          ['session-purge', 'succeeded'],
        ]);
        expect(lines.find((l) => l.job === 'session-purge')?.summary).toEqual({ deleted: 0 });
        expect(logs.join('\n')).not.toContain('owner@example.test');
        if (dialect === 'postgres') {
          const schema = await pgBossSchemaFor(store, null);
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(store.db);
        }
      } finally {
        await store.close();
        await isolated.dispose().catch(() => undefined);
      }
    });

    it('leaves the jobs out with REGISTRE_JOBS=off', async () => {
      const isolated = await isolatedTarget(dialect);
      await isolated.target.close();
      const server = await startServer({
        env: {
          REGISTRE_DATABASE_URL: isolated.url,
          REGISTRE_PORT: '0',
          REGISTRE_SECRET: TEST_SECRET,
          REGISTRE_POLICY: 'test/fixtures/policy-valid/minimal.yaml',
          REGISTRE_OUTBOX_DIR: join(dir, 'outbox-off'),
          REGISTRE_JOBS: 'off',
        },
        log: { level: 'silent' },
        say: () => undefined,
      });
      try {
        expect(server.jobs).toBeNull();
        const store = openStore(isolated.url, { poolSize: 1 });
        expect(await store.db.selectFrom('job_schedules').selectAll().execute()).toEqual([]);
        await store.close();
      } finally {
        await server.close();
        await isolated.dispose().catch(() => undefined);
      }
    });
  });
}
