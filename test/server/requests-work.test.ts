/**
 * Working requests through the API on the SQLite and PostgreSQL stores: the Art 12(3) deadline
 * edge cases (31 January, the 2024 leap year, extension before and after the first month),
 * refusal with its reason and the authority to complain to, repeated requests, assignment,
 * notes and replies, and the limits of identity verification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/targets.ts';
import { expectStatus, latestCode, mailsTo, startRequestsServer } from './requests-support.ts';
import { signedInPerson, startTestServer, type TestServer } from './support.ts';

type Summary = {
  id: string;
  state: string;
  dueOn: string;
  extendedDueOn: string | null;
  possiblyRepetitive: boolean;
  repeatOf: string | null;
  assigneeId: string | null;
};

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`working requests (${dialect} store)`, () => {
    let server: TestServer;
    let n = 0;

    beforeAll(async () => {
      server = await startRequestsServer(dialect);
    });
    afterAll(async () => server.dispose());

    /** A signed-in agent at the clock's current time. */
    async function agentCookie(role: 'agent' | 'dpo' | 'auditor' = 'agent') {
      return (await signedInPerson(server, role)).cookie;
    }

    async function agentIntake(cookie: string, payload: Record<string, unknown>): Promise<Summary> {
      n += 1;
      return expectStatus<Summary>(
        await server.app.inject({
          method: 'POST',
          url: '/v1/requests',
          headers: { cookie },
          payload: {
            right: 'access',
            email: `person-${n}-${dialect}@example.test`,
            identityVerified: true,
            ...payload,
          },
        }),
        201,
      );
    }

    function post(cookie: string, url: string, payload: object) {
      return server.app.inject({ method: 'POST', url, headers: { cookie }, payload });
    }

    it('received 31 January: due on the last day of February, 29 in 2024', async () => {
      server.clock.set(new Date('2025-03-03T09:00:00Z'));
      const cookie = await agentCookie();
      expect((await agentIntake(cookie, { receivedAt: '2025-01-31T16:30:00Z' })).dueOn).toBe('2025-02-28');
      expect((await agentIntake(cookie, { receivedAt: '2024-01-31T16:30:00Z' })).dueOn).toBe('2024-02-29');
      expect((await agentIntake(cookie, { receivedAt: '2024-03-31T08:00:00+02:00' })).dueOn).toBe(
        '2024-04-30',
      );
      const future = await post(cookie, '/v1/requests', {
        right: 'access',
        email: 'future@example.test',
        receivedAt: '2025-03-05T00:00:00Z',
      });
      expect(future.statusCode).toBe(400);
      expect(future.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_RECEIVED_AT' });
    });

    it('extends by two months within the first month only, once, with the reason e-mailed', async () => {
      server.clock.set(new Date('2024-01-31T10:00:00Z'));
      let cookie = await agentCookie();
      const request = await agentIntake(cookie, { email: `extended-${dialect}@example.test` });
      expect(request.dueOn).toBe('2024-02-29');

      // Still within the first month on its last evening.
      server.clock.set(new Date('2024-02-29T22:00:00Z'));
      cookie = await agentCookie();
      const reason = 'Votre demande porte sur douze années de facturation réparties dans trois systèmes.';
      const extended = expectStatus<Summary>(
        await post(cookie, `/v1/requests/${request.id}/extend`, { reason }),
        200,
      );
      expect(extended).toMatchObject({ state: 'extended', dueOn: '2024-02-29', extendedDueOn: '2024-04-30' });
      const mail = mailsTo(server, `extended-${dialect}@example.test`).at(-1)!;
      expect(mail.subject).toMatch(/prolongation/);
      expect(mail.text).toContain(reason);
      expect(mail.text).toContain('30 avril 2024');

      const twice = await post(cookie, `/v1/requests/${request.id}/extend`, { reason: 'encore' });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_TRANSITION' });

      // A request whose first month is over can no longer be extended.
      const late = await agentIntake(cookie, { receivedAt: '2024-01-29T09:00:00Z' });
      server.clock.set(new Date('2024-03-01T00:00:01Z'));
      cookie = await agentCookie();
      const refused = await post(cookie, `/v1/requests/${late.id}/extend`, { reason: 'trop tard' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'REG_ERR_REQUESTS_EXTENSION_LATE',
        message: expect.stringContaining('2024-02-29'),
      });
      const inbox = expectStatus<(Summary & { overdue: boolean })[]>(
        await server.app.inject({ method: 'GET', url: '/v1/requests?overdue=true', headers: { cookie } }),
        200,
      );
      expect(inbox.map((r) => r.id)).toContain(late.id);
      expect(inbox.map((r) => r.id)).not.toContain(extended.id);
    });

    it('refuses an excessive request with its reason and the right to complain', async () => {
      server.clock.set(new Date('2025-03-03T09:00:00Z'));
      const cookie = await agentCookie('dpo');
      const email = `excessive-${dialect}@example.test`;
      const request = await agentIntake(cookie, { email });
      const reason =
        'Il s’agit de la sixième demande identique depuis janvier ; les données n’ont pas changé.';
      const refused = expectStatus<Summary & { refusalGround: string; closedAt: string }>(
        await post(cookie, `/v1/requests/${request.id}/refuse`, { ground: 'excessive', reason }),
        200,
      );
      expect(refused).toMatchObject({ state: 'refused', refusalGround: 'excessive' });
      expect(refused.closedAt).not.toBeNull();
      const mail = mailsTo(server, email).at(-1)!;
      expect(mail.text).toContain(reason);
      expect(mail.text).toContain('manifestement excessive');
      expect(mail.text).toMatch(
        /réclamation auprès de l'autorité de contrôle : Commission nationale de l'informatique et des libertés \(CNIL\), https:\/\/www\.cnil\.fr/,
      );

      const detail = expectStatus<{ refusalReason: string }>(
        await server.app.inject({ method: 'GET', url: `/v1/requests/${request.id}`, headers: { cookie } }),
        200,
      );
      expect(detail.refusalReason).toBe(reason);
      const fulfil = await post(cookie, `/v1/requests/${request.id}/fulfil`, { right: 'access' });
      expect(fulfil.statusCode).toBe(409);
      const notManual = await post(cookie, `/v1/requests/${request.id}/refuse`, {
        ground: 'right-not-granted',
        reason: 'x',
      });
      expect(notManual.statusCode).toBe(400);
      const auditor = await agentCookie('auditor');
      expect((await post(auditor, `/v1/requests/${request.id}/notes`, { text: 'x' })).statusCode).toBe(403);
    });

    it('flags a repeated request for the same right without refusing it', async () => {
      server.clock.set(new Date('2025-03-03T09:00:00Z'));
      const email = `repeat-${dialect}@example.test`;
      const submit = async (right: string, address = email) =>
        expectStatus<{ id: string; state: string }>(
          await server.app.inject({
            method: 'POST',
            url: '/v1/privacy-center/requests',
            payload: { right, email: address },
          }),
          201,
        );
      const first = await submit('access');
      server.clock.advance(20 * 86_400_000);
      const second = await submit('access', email.toUpperCase());
      const other = await submit('erasure');
      expect(second.state).toBe('verifying');

      const cookie = await agentCookie();
      const list = expectStatus<Summary[]>(
        await server.app.inject({
          method: 'GET',
          url: '/v1/requests?right=access&limit=500',
          headers: { cookie },
        }),
        200,
      );
      const byId = new Map(list.map((r) => [r.id, r]));
      expect(byId.get(first.id)).toMatchObject({ possiblyRepetitive: false, repeatOf: null });
      expect(byId.get(second.id)).toMatchObject({ possiblyRepetitive: true, repeatOf: first.id });
      const erasure = expectStatus<{ possiblyRepetitive: boolean; timeline: { kind: string }[] }>(
        await server.app.inject({ method: 'GET', url: `/v1/requests/${other.id}`, headers: { cookie } }),
        200,
      );
      expect(erasure.possiblyRepetitive).toBe(false);
      const flagged = expectStatus<{ timeline: { kind: string; data: Record<string, unknown> }[] }>(
        await server.app.inject({ method: 'GET', url: `/v1/requests/${second.id}`, headers: { cookie } }),
        200,
      );
      expect(flagged.timeline.find((e) => e.kind === 'flagged-repetitive')?.data).toMatchObject({
        repeatOf: first.id,
        window: 'P3M',
      });

      // Beyond the three-month window, a new request is not flagged.
      server.clock.advance(100 * 86_400_000);
      const later = await submit('erasure');
      const laterCookie = await agentCookie();
      const laterDetail = expectStatus<{ possiblyRepetitive: boolean }>(
        await server.app.inject({
          method: 'GET',
          url: `/v1/requests/${later.id}`,
          headers: { cookie: laterCookie },
        }),
        200,
      );
      expect(laterDetail.possiblyRepetitive).toBe(false);
    });

    it('assigns, keeps internal notes internal, and e-mails replies', async () => {
      server.clock.set(new Date('2025-03-03T09:00:00Z'));
      const dpo = await signedInPerson(server, 'dpo');
      const agent = await signedInPerson(server, 'agent');
      const auditor = await signedInPerson(server, 'auditor');
      const email = `assigned-${dialect}@example.test`;
      const submitted = expectStatus<{ id: string; statusToken: string }>(
        await server.app.inject({
          method: 'POST',
          url: '/v1/privacy-center/requests',
          payload: { right: 'access', email },
        }),
        201,
      );
      const id = submitted.id;
      const assigned = expectStatus<Summary>(
        await post(dpo.cookie, `/v1/requests/${id}/assign`, { assigneeId: agent.id }),
        200,
      );
      expect(assigned.assigneeId).toBe(agent.id);
      const toAuditor = await post(dpo.cookie, `/v1/requests/${id}/assign`, { assigneeId: auditor.id });
      expect(toAuditor.statusCode).toBe(400);
      expect(toAuditor.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_ASSIGNEE' });
      const mine = expectStatus<Summary[]>(
        await server.app.inject({
          method: 'GET',
          url: `/v1/requests?assignee=${agent.id}`,
          headers: { cookie: agent.cookie },
        }),
        200,
      );
      expect(mine.map((r) => r.id)).toEqual([id]);

      const note = 'Homonyme possible avec le client n° 42, vérifier avant envoi.';
      expectStatus(await post(agent.cookie, `/v1/requests/${id}/notes`, { text: note }), 200);
      const reply = 'Pourriez-vous préciser la période concernée ?';
      expectStatus(await post(agent.cookie, `/v1/requests/${id}/replies`, { text: reply }), 200);
      expect(mailsTo(server, email).at(-1)!.text).toContain(reply);
      expect(mailsTo(server, email).some((m) => m.text.includes(note))).toBe(false);

      const detail = expectStatus<{ timeline: { kind: string; body: string | null; actor: string }[] }>(
        await server.app.inject({
          method: 'GET',
          url: `/v1/requests/${id}`,
          headers: { cookie: auditor.cookie },
        }),
        200,
      );
      expect(detail.timeline.find((e) => e.kind === 'note')).toMatchObject({
        body: note,
        actor: `user:${agent.id}`,
      });
      const status = expectStatus<{ steps: { kind: string }[] }>(
        await server.app.inject({
          method: 'GET',
          url: `/v1/privacy-center/requests/${id}?token=${submitted.statusToken}`,
        }),
        200,
      );
      expect(status.steps.map((s) => s.kind)).toEqual(['received', 'code-sent', 'reply']);
    });

    it('bounds identity verification: 30 minutes, 5 attempts, 5 codes', async () => {
      server.clock.set(new Date('2025-03-03T09:00:00Z'));
      const email = `verify-${dialect}@example.test`;
      const { id } = expectStatus<{ id: string }>(
        await server.app.inject({
          method: 'POST',
          url: '/v1/privacy-center/requests',
          payload: { right: 'erasure', email },
        }),
        201,
      );
      const verify = (code: string) =>
        server.app.inject({
          method: 'POST',
          url: `/v1/privacy-center/requests/${id}/verify`,
          payload: { code },
        });
      const resend = () =>
        server.app.inject({ method: 'POST', url: `/v1/privacy-center/requests/${id}/code` });

      // Expired after 30 minutes.
      const first = latestCode(server, email);
      server.clock.advance(30 * 60_000);
      expect((await verify(first)).json()).toMatchObject({ code: 'REG_ERR_REQUESTS_CODE_EXPIRED' });

      // Five wrong attempts lock the code, even the right one afterwards.
      expect((await resend()).statusCode).toBe(202);
      const second = latestCode(server, email);
      expect(second).toMatch(/^\d{6}$/);
      const wrong = second === '999999' ? '999998' : '999999';
      for (let i = 0; i < 5; i += 1) expect((await verify(wrong)).statusCode).toBe(400);
      const locked = await verify(second);
      expect(locked.statusCode).toBe(429);
      expect(locked.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_CODE_ATTEMPTS' });

      // Three more codes may be sent (five in all), then no more.
      for (let i = 0; i < 3; i += 1) expect((await resend()).statusCode).toBe(202);
      const limit = await resend();
      expect(limit.statusCode).toBe(429);
      expect(limit.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_CODE_LIMIT' });
      expect((await verify(latestCode(server, email))).json()).toMatchObject({ state: 'in_progress' });
      expect((await resend()).statusCode).toBe(409);
    });
  });
}

describe('rights and response time come from the policy', async () => {
  const [dialect] = await availableDialects(['sqlite']);

  it('seed 001 refuses restriction with its reason; nothing is recorded or sent', async () => {
    const server = await startRequestsServer(dialect!, 'examples/seeds/001-wimi/policy.yaml');
    try {
      const refused = await server.app.inject({
        method: 'POST',
        url: '/v1/privacy-center/requests',
        payload: { right: 'restriction', email: 'wimi-user@example.test' },
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'REG_ERR_REQUESTS_RIGHT_NOT_GRANTED',
        message: expect.stringMatching(
          /^Le droit à la limitation du traitement ne peut pas être exercé : .+contrat\.$/,
        ),
        details: [{ path: 'body.right' }],
      });
      expect(mailsTo(server, 'wimi-user@example.test')).toEqual([]);
      const count = await server.store.db
        .selectFrom('subject_requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(0);
      const access = await server.app.inject({
        method: 'POST',
        url: '/v1/privacy-center/requests',
        payload: { right: 'access', email: 'wimi-user@example.test' },
      });
      expect(access.statusCode).toBe(201);
    } finally {
      await server.dispose();
    }
  });

  it('without a policy, requests cannot be received but the inbox still opens', async () => {
    const server = await startTestServer(dialect!);
    try {
      const refused = await server.app.inject({
        method: 'POST',
        url: '/v1/privacy-center/requests',
        payload: { right: 'access', email: 'someone@example.test' },
      });
      expect(refused.statusCode).toBe(503);
      expect(refused.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_NO_POLICY' });
      const dpo = await signedInPerson(server, 'dpo');
      const inbox = await server.app.inject({
        method: 'GET',
        url: '/v1/requests',
        headers: { cookie: dpo.cookie },
      });
      expect(inbox.json()).toEqual([]);
    } finally {
      await server.dispose();
    }
  });

  it('seed 002 answers within 30 days', async () => {
    const server = await startRequestsServer(dialect!, 'examples/seeds/002-invoice-managers/policy.yaml');
    try {
      server.clock.set(new Date('2024-02-01T08:00:00Z'));
      const created = expectStatus<{ dueOn: string }>(
        await server.app.inject({
          method: 'POST',
          url: '/v1/privacy-center/requests',
          payload: { right: 'restriction', email: 'tim@example.test' },
        }),
        201,
      );
      expect(created.dueOn).toBe('2024-03-02');
    } finally {
      await server.dispose();
    }
  });
});
