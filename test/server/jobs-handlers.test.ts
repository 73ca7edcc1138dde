/**
 * The server's job handlers on the SQLite and PostgreSQL stores, run through the job runner with
 * the test clock: deadline reminders (once per request, threshold and due day, to the assignee
 * or the DPO, no subject data in the e-mail), session purge, export expiry (sealed files deleted
 * from the store with an audit entry, the link still answering 410).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_TABLE } from '../../src/audit/schema.ts';
import { loadServerConfig } from '../../src/config/server-config.ts';
import type { JobRunner } from '../../src/jobs/create-job-runner.ts';
import { pgBossSchemaFor } from '../../src/jobs/queues/pg-boss-queue.ts';
import { createServerJobs } from '../../src/jobs/server-jobs.ts';
import { createMailer } from '../../src/mail/create-mailer.ts';
import { readOutbox } from '../../src/mail/read-outbox.ts';
import { createExport } from '../../src/requests/exports/create-export.ts';
import { createFieldSealer } from '../../src/requests/sealed-fields.ts';
import { availableDialects } from '../support/targets.ts';
import { expectStatus, startRequestsServer } from './requests-support.ts';
import { personWithPassword, signedInPerson, TEST_SECRET, type TestServer } from './support.ts';

process.env.REGISTRE_EXPORT_KEY ??= randomBytes(32).toString('base64');
const DAY = 86_400_000;

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`job handlers (${dialect} store)`, () => {
    let server: TestServer;
    let jobs: JobRunner;
    let n = 0;

    beforeAll(async () => {
      server = await startRequestsServer(dialect);
      const config = loadServerConfig({
        REGISTRE_OUTBOX_DIR: server.outboxDir,
        REGISTRE_PUBLIC_URL: 'https://privacy.example.test',
        REGISTRE_REMINDER_DAYS: '7',
        REGISTRE_REMINDER_CRON: '0 7 * * *',
      });
      const created = createServerJobs({
        store: server.store,
        config,
        secret: TEST_SECRET,
        clock: server.clock,
        mailer: createMailer({
          smtpUrl: null,
          outboxDir: server.outboxDir,
          from: config.mailFrom,
          clock: server.clock,
        }),
        policy: null,
        log: () => undefined,
        onTickError: () => undefined,
        pollSeconds: null,
      });
      if (created === null) throw new Error('jobs are on by default');
      jobs = created;
      await jobs.start();
      await jobs.whenIdle();
    });
    afterAll(async () => {
      await jobs.stop();
      if (dialect === 'postgres') {
        const schema = await pgBossSchemaFor(server.store, null);
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(server.store.db);
      }
      await server.dispose();
    });

    async function intake(cookie: string, receivedAt: string): Promise<{ id: string; dueOn: string }> {
      n += 1;
      return expectStatus(
        await server.app.inject({
          method: 'POST',
          url: '/v1/requests',
          headers: { cookie },
          payload: {
            right: 'access',
            email: `subject-${n}-${dialect}@example.test`,
            identityVerified: true,
            receivedAt,
          },
        }),
        201,
      );
    }

    function mails() {
      return readOutbox(server.outboxDir).filter((m) => m.subject.startsWith('[Registre]'));
    }

    it('reminds the assignee or the DPO once per threshold and due day', async () => {
      server.clock.set(new Date('2025-03-03T09:00:00.000Z'));
      const dpo = await personWithPassword(server, 'dpo', `dpo-${dialect}@example.test`);
      const agent = await signedInPerson(server, 'agent');
      const soon = await intake(agent.cookie, '2025-02-10T10:00:00Z');
      const late = await intake(agent.cookie, '2025-01-20T10:00:00Z');
      const later = await intake(agent.cookie, '2025-02-20T10:00:00Z');
      expect([soon.dueOn, late.dueOn, later.dueOn]).toEqual(['2025-03-10', '2025-02-20', '2025-03-20']);
      expectStatus(
        await server.app.inject({
          method: 'POST',
          url: `/v1/requests/${soon.id}/assign`,
          headers: { cookie: agent.cookie },
          payload: { assigneeId: agent.id },
        }),
        200,
      );
      const before = mails().length;

      // The schedule's next slot: 07:00 tomorrow. 2025-03-04: 6 days left for `soon`.
      server.clock.set(new Date('2025-03-04T07:00:00.000Z'));
      const first = await jobs.tick();
      const run = first.runs.find((r) => r.job === 'deadline-reminders');
      expect(run?.status).toBe('succeeded');
      expect(run?.summary).toMatchObject({ candidates: 2, dueSoonSent: 1, overdueSent: 1, alreadySent: 0 });
      const sent = mails().slice(before);
      expect(sent.map((m) => [m.to, m.subject]).sort()).toEqual(
        [
          [agent.email, `[Registre] Request ${soon.id.slice(0, 8)} due 2025-03-10`],
          [dpo.email, `[Registre] Overdue request ${late.id.slice(0, 8)}: due 2025-02-20`],
        ].sort(),
      );
      const toAgent = sent.find((m) => m.to === agent.email);
      expect(toAgent?.text).toContain('6 days left.');
      expect(toAgent?.text).toContain(`https://privacy.example.test/console/requests/${soon.id}`);
      expect(sent.find((m) => m.to === dpo.email)?.text).toContain('overdue by 12 days');
      // Nothing about the subject.
      expect(sent.map((m) => `${m.subject}\n${m.text}`).join('\n')).not.toMatch(/subject-\d+-/);

      // The next day: nothing new.
      server.clock.set(new Date('2025-03-05T07:00:00.000Z'));
      const second = (await jobs.tick()).runs.find((r) => r.job === 'deadline-reminders');
      expect(second?.summary).toMatchObject({
        candidates: 2,
        alreadySent: 2,
        dueSoonSent: 0,
        overdueSent: 0,
      });
      expect(mails().length - before).toBe(2);

      // Extended: the new due day earns its own reminders, the old one none.
      expectStatus(
        await server.app.inject({
          method: 'POST',
          url: `/v1/requests/${soon.id}/extend`,
          headers: { cookie: (await signedInPerson(server, 'agent')).cookie },
          payload: { reason: 'Many systems to search.' },
        }),
        200,
      );
      const afterExtension = mails().length;
      server.clock.set(new Date('2025-03-11T07:00:00.000Z'));
      await jobs.tick();
      const march11 = mails().slice(afterExtension);
      // `later` (due 20 March) is now 9 days away: still nothing; `soon` is extended to 10 May.
      expect(march11).toEqual([]);
      server.clock.set(new Date('2025-05-04T07:00:00.000Z'));
      await jobs.tick();
      const may = mails().slice(afterExtension);
      // `later` went overdue on 21 March (reminded once, as overdue: no run saw its due-soon days).
      expect(may.map((m) => [m.to, m.subject]).sort()).toEqual(
        [
          [agent.email, `[Registre] Request ${soon.id.slice(0, 8)} due 2025-05-10`],
          [dpo.email, `[Registre] Overdue request ${later.id.slice(0, 8)}: due 2025-03-20`],
        ].sort(),
      );
      const recorded = await server.store.db
        .selectFrom('request_deadline_reminders')
        .select(['request_id', 'threshold', 'due_on', 'recipient'])
        .orderBy('sent_at')
        .orderBy('request_id')
        .execute();
      expect(recorded).toEqual(
        expect.arrayContaining([
          { request_id: soon.id, threshold: 'due-soon', due_on: '2025-03-10', recipient: 'assignee' },
          { request_id: late.id, threshold: 'overdue', due_on: '2025-02-20', recipient: 'dpo' },
          { request_id: soon.id, threshold: 'due-soon', due_on: '2025-05-10', recipient: 'assignee' },
        ]),
      );
      expect(recorded.filter((r) => r.request_id === later.id).map((r) => r.threshold)).toEqual(['overdue']);
    });

    it('purges sessions past their idle time-out', async () => {
      server.clock.set(new Date('2025-06-02T10:00:00.000Z'));
      const stale = await signedInPerson(server, 'agent');
      server.clock.advance(20 * 60_000);
      const fresh = await signedInPerson(server, 'agent');
      const count = async (userId: string) =>
        Number(
          (
            await server.store.db
              .selectFrom('sessions')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('user_id', '=', userId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect([await count(stale.id), await count(fresh.id)]).toEqual([1, 1]);
      await jobs.enqueue('session-purge', {});
      const run = (await jobs.tick()).runs.find((r) => r.job === 'session-purge');
      expect(run?.status).toBe('succeeded');
      expect(run?.summary?.deleted).toBeGreaterThanOrEqual(1);
      expect([await count(stale.id), await count(fresh.id)]).toEqual([0, 1]);
    });

    it('deletes the files of expired exports, with an audit entry, and the link answers 410', async () => {
      server.clock.set(new Date('2025-07-01T09:00:00.000Z'));
      const agent = await signedInPerson(server, 'agent');
      const request = await intake(agent.cookie, '2025-06-30T09:00:00Z');
      const deps = {
        exportKey: () => Buffer.from(process.env.REGISTRE_EXPORT_KEY ?? '', 'base64'),
        exportTtlDays: 7,
        sealer: createFieldSealer(TEST_SECRET),
      };
      const files = [
        { name: 'copy.json', mediaType: 'application/json', content: '{"email":"x@example.test"}' },
        { name: 'copy.csv', mediaType: 'text/csv', content: 'email\nx@example.test\n' },
      ];
      const old = await server.store.db
        .transaction()
        .execute((trx) => createExport(deps, trx, request.id, files, server.clock()));
      const recent = await server.store.db
        .transaction()
        .execute((trx) =>
          createExport(deps, trx, request.id, files, new Date(server.clock().getTime() + 5 * DAY)),
        );
      expect(
        (await server.app.inject({ method: 'GET', url: `/v1/privacy-center/exports/${old.token}` }))
          .statusCode,
      ).toBe(200);

      server.clock.advance(7 * DAY + 60_000);
      await jobs.enqueue('export-expiry', {});
      const run = (await jobs.tick()).runs.find((r) => r.job === 'export-expiry');
      expect(run?.summary).toEqual({ exportsPurged: 1, filesDeleted: 2 });
      const left = await server.store.db
        .selectFrom('subject_request_export_files')
        .select(['export_id', 'name'])
        .orderBy('name')
        .execute();
      expect(left).toEqual([
        { export_id: recent.id, name: 'copy.csv' },
        { export_id: recent.id, name: 'copy.json' },
      ]);
      const gone = await server.app.inject({ method: 'GET', url: `/v1/privacy-center/exports/${old.token}` });
      expect(gone.statusCode).toBe(410);
      const live = await server.app.inject({
        method: 'GET',
        url: `/v1/privacy-center/exports/${recent.token}/files/copy.json`,
      });
      expect(live.statusCode).toBe(200);

      const entries = await server.store.db
        // biome-ignore lint/suspicious/noExplicitAny: the audit table is not part of StoreDb
        .selectFrom(AUDIT_TABLE as any)
        .selectAll()
        .where('operation', '=', 'retention.delete')
        .execute();
      expect(entries).toHaveLength(1);
      const entry = entries[0] as Record<string, string>;
      expect(entry.actor).toBe('job:export-expiry');
      expect(JSON.parse(entry.row_counts ?? '{}')).toEqual({ subject_request_export_files: 2 });
      expect(JSON.parse(entry.details ?? '{}')).toEqual({
        requestId: request.id,
        exportId: old.id,
        files: 2,
      });
      expect(JSON.stringify(entry)).not.toContain('example.test');

      // A second run finds nothing to do.
      await jobs.enqueue('export-expiry', {});
      expect((await jobs.tick()).runs.find((r) => r.job === 'export-expiry')?.summary).toEqual({
        exportsPurged: 0,
        filesDeleted: 0,
      });
    });
  });
}
