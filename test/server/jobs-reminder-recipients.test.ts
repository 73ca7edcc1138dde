/**
 * Who a deadline reminder goes to when the assignee cannot receive it: a disabled assignee's
 * request goes to the DPO accounts, or, without any, to the policy's DPO address; with neither,
 * nothing is sent nor recorded (the next run tries again). The handler is run directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineRemindersJob } from '../../src/jobs/handlers/deadline-reminders.ts';
import { createMailer } from '../../src/mail/create-mailer.ts';
import { readOutbox } from '../../src/mail/read-outbox.ts';
import { expectStatus, startRequestsServer } from './requests-support.ts';
import { signedInPerson, type TestServer } from './support.ts';

describe('deadline reminder recipients (sqlite store)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startRequestsServer('sqlite');
  });
  afterAll(async () => server.dispose());

  it('falls back from a disabled assignee to the policy DPO, and sends nothing without any', async () => {
    server.clock.set(new Date('2025-03-03T09:00:00.000Z'));
    const agent = await signedInPerson(server, 'agent');
    const request = expectStatus<{ id: string }>(
      await server.app.inject({
        method: 'POST',
        url: '/v1/requests',
        headers: { cookie: agent.cookie },
        payload: {
          right: 'erasure',
          email: 'someone@example.test',
          identityVerified: true,
          receivedAt: '2025-01-10T10:00:00Z',
        },
      }),
      201,
    );
    expectStatus(
      await server.app.inject({
        method: 'POST',
        url: `/v1/requests/${request.id}/assign`,
        headers: { cookie: agent.cookie },
        payload: { assigneeId: agent.id },
      }),
      200,
    );
    await server.store.db.updateTable('users').set({ disabled: 1 }).where('id', '=', agent.id).execute();
    let policyDpo: string | null = null;
    const job = deadlineRemindersJob({
      db: server.store.db,
      mailer: createMailer({ smtpUrl: null, outboxDir: server.outboxDir, from: 'Registre <r@example.test>' }),
      publicBaseUrl: 'https://privacy.example.test',
      policyDpoEmail: () => policyDpo,
    });
    const ctx = { now: server.clock(), clock: server.clock, runId: 'r', attempt: 1, slot: null };
    const reminders = () => readOutbox(server.outboxDir).filter((m) => m.subject.startsWith('[Registre]'));

    expect(await job.run({ withinDays: 7 }, ctx)).toMatchObject({
      candidates: 1,
      noRecipient: 1,
      overdueSent: 0,
    });
    expect(reminders()).toEqual([]);
    expect(await server.store.db.selectFrom('request_deadline_reminders').selectAll().execute()).toEqual([]);

    policyDpo = 'dpo@organisation.example';
    expect(await job.run({ withinDays: 7 }, ctx)).toMatchObject({ candidates: 1, overdueSent: 1 });
    expect(reminders().map((m) => [m.to, m.subject])).toEqual([
      ['dpo@organisation.example', `[Registre] Overdue request ${request.id.slice(0, 8)}: due 2025-02-10`],
    ]);
    expect(reminders()[0]?.text).toContain('The erasure request');
    expect(reminders()[0]?.text).not.toContain('someone@example.test');
    expect(
      await server.store.db
        .selectFrom('request_deadline_reminders')
        .select(['threshold', 'recipient'])
        .execute(),
    ).toEqual([{ threshold: 'overdue', recipient: 'dpo' }]);
    expect(() => job.payload.parse({ withinDays: 61 })).toThrow();
  });
});
