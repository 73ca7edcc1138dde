/**
 * Data Rights Protocol v0.9 round trip through the API on the SQLite and PostgreSQL stores: an
 * authorised agent (API token) files requests, follows their status (open → in_progress →
 * fulfilled / revoked / expired / denied) and revokes one; another agent cannot see them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget } from '../../src/engine/db/connect.ts';
import { availableDialects } from '../support/targets.ts';
import {
  demoTarget,
  expectStatus,
  latestCode,
  pointFulfilmentAt,
  startRequestsServer,
} from './requests-support.ts';
import { createAccountsFor, signedInPerson, type TestServer } from './support.ts';

const target = await demoTarget();
pointFulfilmentAt(target.url);
afterAll(() => target.dispose());

type Status = {
  request_id: string;
  received_at: string;
  expected_by?: string;
  agent_request_id?: string;
  status: string;
  reason?: string;
  processing_details?: string;
  user_verification_url?: string;
  results_url?: string;
  expires_at?: string;
};

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`Data Rights Protocol (${dialect} store)`, () => {
    let server: TestServer;
    let agentToken: string;
    let otherToken: string;
    let readOnlyToken: string;
    let email: string;

    beforeAll(async () => {
      server = await startRequestsServer(dialect);
      const accounts = createAccountsFor(server);
      agentToken = (
        await accounts.createApiToken({ name: 'agent', scopes: ['requests:read', 'requests:write'] }, null)
      ).token;
      otherToken = (
        await accounts.createApiToken({ name: 'other', scopes: ['requests:read', 'requests:write'] }, null)
      ).token;
      readOnlyToken = (await accounts.createApiToken({ name: 'reader', scopes: ['requests:read'] }, null))
        .token;
      const org = openTarget(target.url);
      const row = await org.db
        .selectFrom('prospects')
        .select('email')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      email = String(row.email);
      await org.close();
    });
    afterAll(async () => server.dispose());

    function exercise(token: string, body: Record<string, unknown>) {
      const now = server.clock();
      return server.app.inject({
        method: 'POST',
        url: '/v1/data-rights-request',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          'agent-id': 'test-agent',
          'business-id': 'facturo',
          'issued-at': now.toISOString(),
          'expires-at': new Date(now.getTime() + 10 * 60_000).toISOString(),
          'drp.version': '0.9.4',
          regime: 'ccpa',
          email,
          ...body,
        },
      });
    }

    const get = (token: string, id: string) =>
      server.app.inject({
        method: 'GET',
        url: `/v1/data-rights-request/${id}`,
        headers: { authorization: `Bearer ${token}` },
      });

    it('files an access request, reports in_progress, then fulfilled with a results link that expires', async () => {
      const opened = expectStatus<Status>(
        await exercise(agentToken, { exercise: 'access', email_verified: true, 'agent-request-id': 'aa-1' }),
        200,
      );
      expect(opened).toMatchObject({
        status: 'in_progress',
        agent_request_id: 'aa-1',
        expected_by: '2025-04-03T23:59:59.999Z',
      });
      expect(opened.received_at).toBe(server.clock().toISOString());

      expect(expectStatus<Status>(await get(agentToken, opened.request_id), 200).status).toBe('in_progress');
      expect((await get(readOnlyToken, opened.request_id)).statusCode).toBe(403);
      const foreign = await get(otherToken, opened.request_id);
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_DRP_AGENT' });

      const agent = await signedInPerson(server, 'agent');
      expectStatus(
        await server.app.inject({
          method: 'POST',
          url: `/v1/requests/${opened.request_id}/fulfil`,
          headers: { cookie: agent.cookie },
          payload: { right: 'access' },
        }),
        200,
      );
      const fulfilled = expectStatus<Status>(await get(agentToken, opened.request_id), 200);
      expect(fulfilled.status).toBe('fulfilled');
      expect(fulfilled.results_url).toMatch(
        /^https:\/\/privacy\.example\.test\/v1\/privacy-center\/exports\/[A-Za-z0-9_-]{43}$/,
      );
      const manifest = expectStatus<{ files: { name: string }[] }>(
        await server.app.inject({
          method: 'GET',
          url: fulfilled.results_url!.replace('https://privacy.example.test', ''),
        }),
        200,
      );
      expect(manifest.files.map((f) => f.name)).toContain('prospects.csv');

      const revokeDone = await server.app.inject({
        method: 'DELETE',
        url: `/v1/data-rights-request/${opened.request_id}`,
        headers: { authorization: `Bearer ${agentToken}` },
      });
      expect(revokeDone.statusCode).toBe(409);

      server.clock.advance(7 * 86_400_000 + 1000);
      const expired = expectStatus<Status>(await get(agentToken, opened.request_id), 200);
      expect(expired.status).toBe('expired');
      expect(expired.results_url).toBeUndefined();
    });

    it('asks for verification when the agent did not verify the address, and can be revoked', async () => {
      const opened = expectStatus<Status>(await exercise(agentToken, { exercise: 'deletion' }), 200);
      expect(opened).toMatchObject({
        status: 'in_progress',
        reason: 'need_user_verification',
        user_verification_url: `https://privacy.example.test/rights/verify?request=${opened.request_id}`,
      });
      expect(latestCode(server, email)).toMatch(/^\d{6}$/);

      const revoked = expectStatus<Status>(
        await server.app.inject({
          method: 'DELETE',
          url: `/v1/data-rights-request/${opened.request_id}`,
          headers: { authorization: `Bearer ${agentToken}` },
          payload: { reason: "I don't want my account deleted" },
        }),
        200,
      );
      expect(revoked.status).toBe('revoked');
      expect(expectStatus<Status>(await get(agentToken, opened.request_id), 200).status).toBe('revoked');
    });

    it('denies what the policy does not cover and discards stale or unsupported messages', async () => {
      const optOut = expectStatus<Status>(
        await exercise(agentToken, { exercise: 'sale:opt_out', email_verified: true }),
        200,
      );
      expect(optOut.status).toBe('in_progress');

      const stale = await exercise(agentToken, {
        exercise: 'access',
        'issued-at': '2025-03-03T08:00:00Z',
        'expires-at': '2025-03-03T08:10:00Z',
      });
      expect(stale.statusCode).toBe(400);
      expect(stale.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_DRP_EXPIRED' });

      const gdprOnly = await exercise(agentToken, { exercise: 'restriction' });
      expect(gdprOnly.statusCode).toBe(400);
      expect(gdprOnly.json()).toMatchObject({ code: 'REG_ERR_REQUESTS_DRP_EXERCISE' });
      const underGdpr = expectStatus<Status>(
        await exercise(agentToken, { exercise: 'restriction', regime: 'gdpr', email_verified: true }),
        200,
      );
      expect(underGdpr.status).toBe('in_progress');

      const version = await exercise(agentToken, { exercise: 'access', 'drp.version': '1.0' });
      expect(version.statusCode).toBe(400);
      expect(version.json()).toMatchObject({ code: 'REG_ERR_SERVER_VALIDATION' });

      const person = await signedInPerson(server, 'admin');
      const notForPeople = await server.app.inject({
        method: 'GET',
        url: `/v1/data-rights-request/${optOut.request_id}`,
        headers: { cookie: person.cookie },
      });
      expect(notForPeople.statusCode).toBe(403);
    });
  });
}

describe('Data Rights Protocol under a policy that refuses the right', async () => {
  const [dialect] = await availableDialects(['sqlite']);
  it('records the request as denied / claim_not_covered so the agent can read why', async () => {
    const server = await startRequestsServer(dialect!, 'examples/seeds/000-e-invoicing/policy.yaml');
    try {
      const token = (
        await createAccountsFor(server).createApiToken(
          { name: 'a', scopes: ['requests:write', 'requests:read'] },
          null,
        )
      ).token;
      const now = server.clock();
      const denied = expectStatus<Status>(
        await server.app.inject({
          method: 'POST',
          url: '/v1/data-rights-request',
          headers: { authorization: `Bearer ${token}` },
          payload: {
            'agent-id': 'a',
            'business-id': 'b',
            'issued-at': now.toISOString(),
            'expires-at': new Date(now.getTime() + 60_000).toISOString(),
            'drp.version': '0.9.4',
            exercise: 'access',
            email: 'someone@example.test',
          },
        }),
        200,
      );
      expect(denied).toMatchObject({ status: 'denied', reason: 'claim_not_covered' });
      const again = expectStatus<Status>(
        await server.app.inject({
          method: 'GET',
          url: `/v1/data-rights-request/${denied.request_id}`,
          headers: { authorization: `Bearer ${token}` },
        }),
        200,
      );
      expect(again.status).toBe('denied');
    } finally {
      await server.dispose();
    }
  });
});
