/**
 * Each right fulfilled through the API runs its engine operation on the demo organisation's
 * database (the store's dialect does not matter here: SQLite). What the engine did is checked in
 * the database itself, and every effect has its entry in the engine's audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_TABLE } from '../../src/audit/schema.ts';
import { openTarget } from '../../src/engine/db/connect.ts';
import type { TargetDb } from '../../src/engine/db/types.ts';
import { RESTRICTION_TABLE } from '../../src/engine/subject/restriction-schema.ts';
import { isSuppressed } from '../../src/engine/subject/suppression.ts';
import {
  demoTarget,
  expectStatus,
  mailsTo,
  pointFulfilmentAt,
  startRequestsServer,
} from './requests-support.ts';
import { signedInPerson, TEST_SECRET, type TestServer } from './support.ts';

const target = await demoTarget();
pointFulfilmentAt(target.url);

type Outcome = {
  subjectFound: boolean;
  rowCounts: Record<string, number>;
  summary: string;
  exportId?: string;
};

describe('fulfilment of each right', () => {
  let server: TestServer;
  let org: TargetDb;
  let cookie: string;
  const taken = new Set<number>();

  beforeAll(async () => {
    server = await startRequestsServer('sqlite');
    cookie = (await signedInPerson(server, 'agent')).cookie;
    org = openTarget(target.url);
  });
  afterAll(async () => {
    await org.close();
    await server.dispose();
    await target.dispose();
  });

  /** A contact whose address is theirs alone (not a prospect's, not another contact's). */
  async function contact(): Promise<{ id: number; email: string }> {
    const rows = await org.db.selectFrom('contacts').select(['id', 'email']).orderBy('id').execute();
    for (const row of rows) {
      const email = String(row.email);
      if (taken.has(Number(row.id))) continue;
      const twins = await org.db.selectFrom('contacts').select('id').where('email', '=', email).execute();
      const prospects = await org.db
        .selectFrom('prospects')
        .select('id')
        .where('email', '=', email)
        .execute();
      if (twins.length === 1 && prospects.length === 0) {
        taken.add(Number(row.id));
        return { id: Number(row.id), email };
      }
    }
    throw new Error('no free contact left');
  }

  async function fulfil(right: string, email: string, body: Record<string, unknown> = {}) {
    const created = expectStatus<{ id: string }>(
      await server.app.inject({
        method: 'POST',
        url: '/v1/requests',
        headers: { cookie },
        payload: { right, email, identityVerified: true, language: 'en' },
      }),
      201,
    );
    const response = await server.app.inject({
      method: 'POST',
      url: `/v1/requests/${created.id}/fulfil`,
      headers: { cookie },
      payload: { right, ...body },
    });
    return { id: created.id, response };
  }

  async function engineEntries(requestId: string) {
    return org.db
      .selectFrom(AUDIT_TABLE)
      .select(['operation', 'actor'])
      .where('reason', 'like', `%request ${requestId}%`)
      .execute();
  }

  it('erasure deletes a prospect and its consents, and says so in words', async () => {
    const prospect = await org.db
      .selectFrom('prospects')
      .select(['id', 'email'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const email = String(prospect.email);
    const { id, response } = await fulfil('erasure', email);
    const { outcome } = expectStatus<{ outcome: Outcome }>(response, 200);
    expect(outcome.subjectFound).toBe(true);
    expect(outcome.rowCounts.prospects).toBe(1);
    expect(outcome.summary).toMatch(/prospects/);
    expect(await org.db.selectFrom('prospects').select('id').where('id', '=', prospect.id).execute()).toEqual(
      [],
    );
    expect(
      await org.db
        .selectFrom('marketing_consents')
        .select('id')
        .where('prospect_id', '=', prospect.id)
        .execute(),
    ).toEqual([]);
    expect((await engineEntries(id)).map((e) => e.operation)).toContain('subject.erase');
    expect(mailsTo(server, email).at(-1)!.text).toMatch(/We have handled your request/);
  });

  it('rectification changes the column asked for, and refuses a column the data map does not know', async () => {
    const person = await contact();
    const { id, response } = await fulfil('rectification', person.email, {
      changes: { job_title: 'Directrice financière' },
    });
    expect(expectStatus<{ outcome: Outcome }>(response, 200).outcome.rowCounts).toEqual({ contacts: 1 });
    const row = await org.db
      .selectFrom('contacts')
      .select('job_title')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.job_title).toBe('Directrice financière');
    expect((await engineEntries(id)).map((e) => e.operation)).toEqual(['subject.rectify']);

    const other = await contact();
    const wrong = await fulfil('rectification', other.email, { changes: { shoe_size: '42' } });
    expect(wrong.response.statusCode).toBe(400);
    expect(wrong.response.json()).toMatchObject({ code: 'REG_ERR_SUBJECT_COLUMN' });
  });

  it('restriction and objection restrict the rows; objection to marketing suppresses the address', async () => {
    const restricted = await contact();
    const restriction = await fulfil('restriction', restricted.email, { ground: 'accuracy-contested' });
    expect(expectStatus<{ outcome: Outcome }>(restriction.response, 200).outcome.rowCounts.contacts).toBe(1);
    const objecting = await contact();
    const objection = await fulfil('objection', objecting.email);
    expect(expectStatus<{ outcome: Outcome }>(objection.response, 200).outcome.summary).toMatch(
      /Article 18\(1\)\(d\)/,
    );
    const reasons = await org.db
      .selectFrom(RESTRICTION_TABLE)
      .select(['table_name', 'row_key', 'reason'])
      .where('table_name', '=', 'contacts')
      .where('row_key', 'in', [String(restricted.id), String(objecting.id)])
      .orderBy('row_key')
      .execute();
    expect(reasons.map((r) => r.reason).sort()).toEqual(['accuracy-contested', 'objection-pending']);

    const address = `never-seen-${Date.now()}@example.test`;
    const marketing = await fulfil('objection-direct-marketing', address);
    expect(expectStatus<{ outcome: Outcome }>(marketing.response, 200).outcome.subjectFound).toBe(false);
    expect(await isSuppressed(org.db, TEST_SECRET, address.toUpperCase())).toBe(true);
  });

  it('portability hands over only what the person provided, as JSON and CSV', async () => {
    const person = await contact();
    const { response } = await fulfil('portability', person.email);
    const { outcome } = expectStatus<{ outcome: Outcome }>(response, 200);
    expect(outcome.exportId).toBeDefined();
    const link = mailsTo(server, person.email)
      .at(-1)!
      .text.match(
        /https:\/\/privacy\.example\.test(\/v1\/privacy-center\/exports\/[A-Za-z0-9_-]{43})\/files\/portability\.json/,
      );
    const file = await server.app.inject({ method: 'GET', url: `${link![1]}/files/portability.json` });
    const data = JSON.parse(file.body) as { tables: { table: string; columns: string[] }[] };
    const contacts = data.tables.find((t) => t.table === 'contacts')!;
    expect(contacts.columns).toEqual(expect.arrayContaining(['first_name', 'email']));
    expect(contacts.columns).not.toContain('relationship_ended_on');
    expect(data.tables.map((t) => t.table)).not.toContain('login_events');
  });
});
