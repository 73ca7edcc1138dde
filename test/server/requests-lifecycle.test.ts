/**
 * The full life of a data-subject request through the HTTP API, on the SQLite and the PostgreSQL
 * store: privacy-center intake → code in the outbox → verification → an agent fulfils the access
 * request on the demo organisation's database → the copy downloads, decrypted, with exactly that
 * person's rows → completed; then the link expires. Reads of personal data leave audit entries.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_TABLE } from '../../src/audit/schema.ts';
import { verifyAudit } from '../../src/audit/verify-audit.ts';
import { openTarget } from '../../src/engine/db/connect.ts';
import type { TargetDb } from '../../src/engine/db/types.ts';
import { availableDialects } from '../support/targets.ts';
import {
  demoTarget,
  expectStatus,
  latestCode,
  mailsTo,
  pointFulfilmentAt,
  startRequestsServer,
} from './requests-support.ts';
import { signedInPerson, type TestPerson, type TestServer } from './support.ts';

const target = await demoTarget();
pointFulfilmentAt(target.url);
afterAll(() => target.dispose());

interface AccessJson {
  tables: { table: string; key: string; rows: Record<string, unknown>[] }[];
}

/** A contact with log-ins and tickets, whose address no other identity row shares. */
async function pickContact(db: TargetDb['db']) {
  const rows = await db
    .selectFrom('contacts')
    .innerJoin('login_events', 'login_events.contact_id', 'contacts.id')
    .select(['contacts.id', 'contacts.email'])
    .select((eb) => eb.fn.countAll().as('n'))
    .groupBy(['contacts.id', 'contacts.email'])
    .orderBy('n', 'desc')
    .execute();
  for (const row of rows) {
    const email = String(row.email);
    const same = await db.selectFrom('contacts').select('id').where('email', '=', email).execute();
    const prospects = await db.selectFrom('prospects').select('id').where('email', '=', email).execute();
    if (same.length === 1 && prospects.length === 0) return { id: Number(row.id), email };
  }
  throw new Error('no suitable contact in the demo database');
}

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`request lifecycle (${dialect} store)`, () => {
    let server: TestServer;
    let agent: TestPerson;
    let orgDb: TargetDb;
    let contact: { id: number; email: string };

    beforeAll(async () => {
      server = await startRequestsServer(dialect);
      orgDb = openTarget(target.url);
      contact = await pickContact(orgDb.db);
    });
    beforeEach(async () => {
      // A fresh session: the clock moves on between tests (links expire, so do sessions).
      agent = await signedInPerson(server, 'agent');
    });
    afterAll(async () => {
      await orgDb.close();
      await server.dispose();
    });

    it('goes from the privacy center to a downloaded copy of exactly that person', async () => {
      const { app } = server;
      const submitted = expectStatus<{ id: string; state: string; dueOn: string; statusToken: string }>(
        await app.inject({
          method: 'POST',
          url: '/v1/privacy-center/requests',
          payload: { right: 'access', email: contact.email.toUpperCase(), name: 'Test Person' },
        }),
        201,
      );
      expect(submitted.state).toBe('verifying');
      expect(submitted.dueOn).toBe('2025-04-03');

      // The code is in the outbox, never in the logs, nor is the address.
      const code = latestCode(server, contact.email.toUpperCase());
      const firstMail = mailsTo(server, contact.email.toUpperCase())[0]!;
      expect(firstMail.text).toContain(
        `https://privacy.example.test/rights/status?request=${submitted.id}&token=${submitted.statusToken}`,
      );

      const wrong = code === '000000' ? '000001' : '000000';
      const refused = await app.inject({
        method: 'POST',
        url: `/v1/privacy-center/requests/${submitted.id}/verify`,
        payload: { code: wrong },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({
        code: 'REG_ERR_REQUESTS_CODE_WRONG',
        message: expect.stringMatching(/4 attempt/),
      });

      const verified = expectStatus(
        await app.inject({
          method: 'POST',
          url: `/v1/privacy-center/requests/${submitted.id}/verify`,
          payload: { code },
        }),
        200,
      );
      expect(verified.state).toBe('in_progress');

      const status = expectStatus<{ state: string; steps: { kind: string }[] }>(
        await app.inject({
          method: 'GET',
          url: `/v1/privacy-center/requests/${submitted.id}?token=${submitted.statusToken}`,
        }),
        200,
      );
      expect(status.state).toBe('in_progress');
      expect(status.steps.map((s) => s.kind)).toEqual(['received', 'code-sent', 'verified']);
      const badToken = await app.inject({
        method: 'GET',
        url: `/v1/privacy-center/requests/${submitted.id}?token=${'x'.repeat(43)}`,
      });
      expect(badToken.statusCode).toBe(404);

      // The agent sees it in the inbox and fulfils it.
      const inbox = expectStatus<{ id: string; daysLeft: number }[]>(
        await app.inject({
          method: 'GET',
          url: '/v1/requests?state=in_progress',
          headers: { cookie: agent.cookie },
        }),
        200,
      );
      expect(inbox.map((r) => r.id)).toContain(submitted.id);
      expect(inbox.find((r) => r.id === submitted.id)?.daysLeft).toBe(31);

      const fulfilled = expectStatus<{
        request: { state: string };
        outcome: { subjectFound: boolean; exportId: string };
      }>(
        await app.inject({
          method: 'POST',
          url: `/v1/requests/${submitted.id}/fulfil`,
          headers: { cookie: agent.cookie },
          payload: { right: 'access' },
        }),
        200,
      );
      expect(fulfilled.request.state).toBe('completed');
      expect(fulfilled.outcome.subjectFound).toBe(true);

      // The answer carries the download links; the manifest lists the files.
      const answer = mailsTo(server, contact.email.toUpperCase()).at(-1)!;
      expect(answer.text).toMatch(/Nous avons traité votre demande/);
      expect(answer.text).toMatch(/CNIL/);
      const link = answer.text.match(
        /https:\/\/privacy\.example\.test(\/v1\/privacy-center\/exports\/[A-Za-z0-9_-]{43})\/files\/access\.json/,
      );
      expect(link).not.toBeNull();
      const exportPath = link![1]!;
      const manifest = expectStatus<{ files: { name: string }[] }>(
        await app.inject({ method: 'GET', url: exportPath }),
        200,
      );
      expect(manifest.files.map((f) => f.name)).toEqual(
        expect.arrayContaining(['access.html', 'access.json', 'contacts.csv']),
      );

      const download = await app.inject({ method: 'GET', url: `${exportPath}/files/access.json` });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toMatch(/application\/json/);
      expect(download.headers['content-disposition']).toBe('attachment; filename="access.json"');
      const copy = JSON.parse(download.body) as AccessJson;

      const contacts = copy.tables.find((t) => t.table === 'contacts')!;
      expect(contacts.rows.map((r) => Number(r.id))).toEqual([contact.id]);
      expect(contacts.rows[0]!.email).toBe(contact.email);
      const logins = await orgDb.db
        .selectFrom('login_events')
        .select('id')
        .where('contact_id', '=', contact.id)
        .execute();
      const copiedLogins = copy.tables.find((t) => t.table === 'login_events')!.rows.map((r) => Number(r.id));
      expect(copiedLogins.sort((a, b) => a - b)).toEqual(
        logins.map((r) => Number(r.id)).sort((a, b) => a - b),
      );
      expect(copiedLogins.length).toBeGreaterThan(0);
      for (const table of ['support_tickets', 'call_recordings']) {
        const rows = await orgDb.db
          .selectFrom(table)
          .select('id')
          .where('contact_id', '=', contact.id)
          .execute();
        const copied = copy.tables.find((t) => t.table === table)?.rows ?? [];
        expect(copied.map((r) => Number(r.id)).sort()).toEqual(rows.map((r) => Number(r.id)).sort());
      }
      // Nothing about anyone else: no customer, debtor or prospect rows, no other contact's rows.
      for (const table of copy.tables) {
        if (
          ['customers', 'debtors', 'invoices', 'payments', 'bank_accounts', 'prospects'].includes(table.table)
        ) {
          expect(table.rows).toEqual([]);
        }
        for (const row of table.rows)
          if ('contact_id' in row) expect(Number(row.contact_id)).toBe(contact.id);
      }
      const html = await app.inject({ method: 'GET', url: `${exportPath}/files/access.html` });
      expect(html.statusCode).toBe(200);
      expect(html.body).toContain('<!DOCTYPE html>');

      // Completed, with the timeline; the detail view is an audited read.
      const detail = expectStatus<{
        state: string;
        subject: { email: string };
        timeline: { kind: string }[];
      }>(
        await app.inject({
          method: 'GET',
          url: `/v1/requests/${submitted.id}`,
          headers: { cookie: agent.cookie },
        }),
        200,
      );
      expect(detail.state).toBe('completed');
      expect(detail.subject.email).toBe(contact.email.toUpperCase());
      expect(detail.timeline.map((e) => e.kind)).toEqual([
        'received',
        'code-sent',
        'code-failed',
        'verified',
        'export-created',
        'fulfilled',
        'export-downloaded',
        'export-downloaded',
      ]);

      const trail = await server.store.db
        // biome-ignore lint/suspicious/noExplicitAny: the audit table is not part of StoreDb
        .selectFrom(AUDIT_TABLE as any)
        .select(['operation', 'actor', 'reason', 'subject_ref'])
        .orderBy('seq')
        .execute();
      const reads = trail.filter((e) => e.operation === 'personal-data.read');
      expect(reads.map((e) => e.actor)).toEqual(['subject', 'subject', `user:${agent.id}`]);
      for (const entry of reads) expect(JSON.stringify(entry)).not.toContain(contact.email);
      expect((await verifyAudit(server.store.db)).ok).toBe(true);
      const engineTrail = await orgDb.db
        .selectFrom(AUDIT_TABLE)
        .select(['operation', 'reason'])
        .where('operation', '=', 'subject.access')
        .execute();
      expect(engineTrail.map((e) => e.reason)).toContain(`request ${submitted.id} (access)`);

      // Seven days later the link is gone.
      server.clock.advance(7 * 86_400_000);
      const gone = await app.inject({ method: 'GET', url: `${exportPath}/files/access.json` });
      expect(gone.statusCode).toBe(410);
      expect(gone.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_EXPORT_EXPIRED' });
      expect((await app.inject({ method: 'GET', url: exportPath })).statusCode).toBe(410);

      // Never the code, the address or a token in the logs.
      const logs = server.logs.join('\n');
      expect(logs).not.toContain(code);
      expect(logs.toLowerCase()).not.toContain(contact.email.toLowerCase());
      expect(logs).not.toContain(submitted.statusToken);
      expect(logs).not.toContain(exportPath.split('/').at(-1));
    });

    it('answers a person it holds no data about, without a copy', async () => {
      const { app } = server;
      const email = `nobody-${dialect}@example.test`;
      const created = expectStatus<{ id: string; state: string }>(
        await app.inject({
          method: 'POST',
          url: '/v1/requests',
          headers: { cookie: agent.cookie },
          payload: { right: 'erasure', email, channel: 'email', identityVerified: true },
        }),
        201,
      );
      expect(created.state).toBe('in_progress');
      expect(mailsTo(server, email)[0]!.subject).toMatch(/enregistrée/);
      const done = expectStatus<{ outcome: { subjectFound: boolean; summary: string; exportId?: string } }>(
        await app.inject({
          method: 'POST',
          url: `/v1/requests/${created.id}/fulfil`,
          headers: { cookie: agent.cookie },
          payload: { right: 'erasure' },
        }),
        200,
      );
      expect(done.outcome).toMatchObject({
        subjectFound: false,
        summary: 'Nous ne détenons aucune donnée vous concernant.',
      });
      expect(done.outcome.exportId).toBeUndefined();
      expect(mailsTo(server, email).at(-1)!.text).toContain(
        'Nous ne détenons aucune donnée vous concernant.',
      );
    });

    it('refuses a fulfilment for another right, and a second fulfilment', async () => {
      const { app } = server;
      const email = `twice-${dialect}@example.test`;
      const created = expectStatus<{ id: string }>(
        await app.inject({
          method: 'POST',
          url: '/v1/requests',
          headers: { cookie: agent.cookie },
          payload: { right: 'portability', email, identityVerified: true },
        }),
        201,
      );
      const mismatch = await app.inject({
        method: 'POST',
        url: `/v1/requests/${created.id}/fulfil`,
        headers: { cookie: agent.cookie },
        payload: { right: 'access' },
      });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_FULFILMENT' });
      const url = `/v1/requests/${created.id}/fulfil`;
      const payload = { right: 'portability' };
      expect(
        (await app.inject({ method: 'POST', url, headers: { cookie: agent.cookie }, payload })).statusCode,
      ).toBe(200);
      const again = await app.inject({ method: 'POST', url, headers: { cookie: agent.cookie }, payload });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_TRANSITION' });
    });
  });
}
