/**
 * Notice routes: the DPO or an admin publishes the server's policy; anyone reads the current and
 * earlier notices and the diff. Runs on the SQLite and the PostgreSQL store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEST_POLICY, loadConsentTestPolicy } from '../../src/consent/testing/policy-fixture.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import type { RouteModule } from '../../src/server/context.ts';
import { authRoutes } from '../../src/server/routes/auth.ts';
import { gpcRoutes } from '../../src/server/routes/gpc.ts';
import { noticeRoutes } from '../../src/server/routes/notices.ts';
import { availableDialects } from '../support/targets.ts';
import { signedInPerson, startTestServer, type TestPerson, type TestServer } from './support.ts';

// The policy the server runs with; a test swaps it to simulate a new version being deployed.
let policy: LoadedPolicy = loadConsentTestPolicy();
const withPolicy =
  (module: RouteModule): RouteModule =>
  (app, ctx) =>
    module(app, {
      ...ctx,
      get policy() {
        return policy;
      },
    });

describe.each(await availableDialects(['sqlite', 'postgres']))('notice routes on %s', (dialect) => {
  let server: TestServer;
  let dpo: TestPerson;
  let agent: TestPerson;

  beforeAll(async () => {
    policy = loadConsentTestPolicy();
    server = await startTestServer(dialect, {
      routes: [authRoutes, withPolicy(noticeRoutes), withPolicy(gpcRoutes)],
    });
    dpo = await signedInPerson(server, 'dpo');
    agent = await signedInPerson(server, 'agent');
  });
  afterAll(async () => {
    await server?.dispose();
  });

  const publish = (who: TestPerson) =>
    server.app.inject({ method: 'POST', url: '/v1/notices/publish', headers: { cookie: who.cookie } });

  it('publishes once, then answers that nothing changed', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/v1/notices/current' })).statusCode).toBe(404);
    expect((await publish(agent)).statusCode).toBe(403);
    const first = await publish(dpo);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ published: true, version: { version: 1, policyVersion: '2.0' } });
    const again = await publish(dpo);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ published: false, version: { version: 1 } });
    const gpc = await server.app.inject({ method: 'GET', url: '/.well-known/gpc.json' });
    expect(gpc.json()).toEqual({ gpc: true, lastUpdate: server.clock().toISOString().slice(0, 10) });
  });

  it('serves the current and earlier notices to anyone, and the diff in words', async () => {
    policy = loadConsentTestPolicy(
      CONSENT_TEST_POLICY.replace('version: "2.0"', 'version: "3.0"').replace(
        'trigger: end-of-contract\n        duration: P3Y',
        'trigger: end-of-contract\n        duration: P6Y',
      ),
    );
    server.clock.advance(86_400_000);
    dpo = await signedInPerson(server, 'dpo'); // the earlier session timed out meanwhile
    expect((await publish(dpo)).json()).toMatchObject({
      published: true,
      version: { version: 2, policyVersion: '3.0' },
    });

    const current = await server.app.inject({ method: 'GET', url: '/v1/notices/current?lang=en&format=md' });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ lang: 'en', format: 'md', version: { version: 2 } });
    const earlier = await server.app.inject({ method: 'GET', url: '/v1/notices/versions/1' });
    expect(earlier.json()).toMatchObject({ lang: 'fr', format: 'html', version: { version: 1 } });
    expect(earlier.json().content).toContain('<html');
    const list = await server.app.inject({ method: 'GET', url: '/v1/notices' });
    expect(list.json().map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const diff = await server.app.inject({ method: 'GET', url: '/v1/notices/diff?from=1&lang=en' });
    expect(diff.statusCode).toBe(200);
    expect(diff.json().changes).toContainEqual(
      expect.objectContaining({ kind: 'retention-longer', importance: 'major', before: 'P3Y', after: 'P6Y' }),
    );
    expect(diff.json().markdown).toContain('Important changes');
    expect((await server.app.inject({ method: 'GET', url: '/v1/notices/versions/9' })).statusCode).toBe(404);
    expect((await server.app.inject({ method: 'GET', url: '/v1/notices/versions/abc' })).statusCode).toBe(
      400,
    );
    expect((await server.app.inject({ method: 'GET', url: '/v1/notices/diff?from=1&to=7' })).statusCode).toBe(
      404,
    );
  });
});
