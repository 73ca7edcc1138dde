/**
 * The breach register's routes: the DPO writes, agents and auditors read, nobody deletes; bad
 * input answers 4xx with the field. Runs on the SQLite and the PostgreSQL store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsentTestPolicy } from '../../src/consent/testing/policy-fixture.ts';
import type { RouteModule } from '../../src/server/context.ts';
import { authRoutes } from '../../src/server/routes/auth.ts';
import { breachRoutes } from '../../src/server/routes/breaches.ts';
import { availableDialects } from '../support/targets.ts';
import {
  createAccountsFor,
  signedInPerson,
  startTestServer,
  type TestPerson,
  type TestServer,
} from './support.ts';

const policy = loadConsentTestPolicy();
const withPolicy =
  (module: RouteModule): RouteModule =>
  (app, ctx) =>
    module(app, { ...ctx, policy });

describe.each(await availableDialects(['sqlite', 'postgres']))('breach routes on %s', (dialect) => {
  let server: TestServer;
  let dpo: TestPerson;
  let agent: TestPerson;
  let auditor: TestPerson;

  beforeAll(async () => {
    server = await startTestServer(dialect, { routes: [authRoutes, withPolicy(breachRoutes)] });
    server.clock.set(new Date('2025-03-03T12:00:00.000Z'));
    dpo = await signedInPerson(server, 'dpo');
    agent = await signedInPerson(server, 'agent');
    auditor = await signedInPerson(server, 'auditor');
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('takes a breach from awareness to closure through the API', async () => {
    const post = (url: string, payload: object) =>
      server.app.inject({ method: 'POST', url, headers: { cookie: dpo.cookie }, payload });
    const created = await post('/v1/breaches', {
      title: 'Ransomware on the file server',
      awareAt: '2025-03-03T09:00:00Z',
      content: { nature: 'Files encrypted by an attacker', dataCategories: ['name'] },
    });
    expect(created.statusCode).toBe(201);
    const breach = created.json();
    expect(breach.clock).toEqual({
      deadline: '2025-03-06T09:00:00.000Z',
      hoursLeft: 69,
      state: 'running',
      authorityNotifiedAt: null,
    });
    const id: string = breach.id;
    expect(
      (await post(`/v1/breaches/${id}/phases`, { approxSubjects: 300, measuresTaken: 'Restored backups' }))
        .statusCode,
    ).toBe(200);
    const assessed = await post(`/v1/breaches/${id}/assessment`, {
      risk: 'high',
      authority: { decision: 'notify' },
      subjects: {
        decision: 'not-required',
        exemption: 'encrypted',
        note: 'Files were encrypted at rest, key not taken',
      },
    });
    expect(assessed.json().subjects).toEqual({
      decision: 'not-required',
      ground: 'encrypted',
      note: 'Files were encrypted at rest, key not taken',
    });
    const notified = await post(`/v1/breaches/${id}/notifications`, {
      recipient: 'authority',
      at: '2025-03-03T11:30:00Z',
      channel: 'online-form',
      reference: 'CNIL-2025-0042',
    });
    expect(notified.json().clock.state).toBe('notified');
    const closed = await post(`/v1/breaches/${id}/close`, {});
    expect(closed.json().status).toBe('closed');

    const list = await server.app.inject({
      method: 'GET',
      url: '/v1/breaches',
      headers: { cookie: auditor.cookie },
    });
    expect(list.json()).toEqual([expect.objectContaining({ id, status: 'closed', risk: 'high' })]);
    const one = await server.app.inject({
      method: 'GET',
      url: `/v1/breaches/${id}`,
      headers: { cookie: agent.cookie },
    });
    expect(one.json().notifications).toHaveLength(1);
  });

  it('answers 4xx naming the field, the rule or the missing breach', async () => {
    const bad = await server.app.inject({
      method: 'POST',
      url: '/v1/breaches',
      headers: { cookie: dpo.cookie },
      payload: { title: 'x', awareAt: 'yesterday' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('REG_ERR_SERVER_VALIDATION');
    expect(JSON.stringify(bad.json().details)).toContain('awareAt');
    const nul = await server.app.inject({
      method: 'POST',
      url: '/v1/breaches',
      headers: { cookie: dpo.cookie },
      payload: { title: 'bad\u0000title', awareAt: '2025-03-03T09:00:00Z' },
    });
    expect(nul.statusCode).toBe(400);
    const missing = await server.app.inject({
      method: 'GET',
      url: '/v1/breaches/00000000-0000-4000-8000-000000000000',
      headers: { cookie: dpo.cookie },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('REG_ERR_BREACH_NOT_FOUND');
  });

  it('lets only the DPO write, tokens only read, and has no delete route', async () => {
    const byAgent = await server.app.inject({
      method: 'POST',
      url: '/v1/breaches',
      headers: { cookie: agent.cookie },
      payload: { title: 'x', awareAt: '2025-03-03T09:00:00Z' },
    });
    expect(byAgent.statusCode).toBe(403);
    const token = (
      await createAccountsFor(server).createApiToken({ name: 'siem', scopes: ['breaches:read'] }, null)
    ).token;
    const read = await server.app.inject({
      method: 'GET',
      url: '/v1/breaches',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(read.statusCode).toBe(200);
    const [first] = read.json();
    const remove = await server.app.inject({
      method: 'DELETE',
      url: `/v1/breaches/${first.id}`,
      headers: { cookie: dpo.cookie },
    });
    expect(remove.statusCode).toBe(404);
    expect(
      (
        await server.app.inject({
          method: 'GET',
          url: `/v1/breaches/${first.id}`,
          headers: { cookie: dpo.cookie },
        })
      ).statusCode,
    ).toBe(200);
  });
});
