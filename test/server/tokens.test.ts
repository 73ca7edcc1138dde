/** API tokens: shown once, stored hashed, scopes enforced, revocation and expiry. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteModule } from '../../src/server/app.ts';
import { ROUTE_MODULES } from '../../src/server/routes/index.ts';
import { availableDialects } from '../support/targets.ts';
import { signedInPerson, startTestServer, type TestPerson, type TestServer } from './support.ts';

/** Routes open to tokens, to exercise scopes (the foundation's own routes are for people). */
const probeRoutes: RouteModule = (app) => {
  const ZPrincipal = z.strictObject({ kind: z.string() });
  app.get(
    '/v1/probe/read',
    {
      config: { access: { roles: ['dpo'], scopes: ['requests:read'] } },
      schema: { response: { 200: ZPrincipal } },
    },
    async (request) => ({ kind: request.principal?.kind ?? 'none' }),
  );
  app.post(
    '/v1/probe/write',
    {
      config: { access: { roles: ['dpo'], scopes: ['requests:read', 'requests:write'] } },
      schema: { response: { 200: ZPrincipal } },
    },
    async (request) => ({ kind: request.principal?.kind ?? 'none' }),
  );
};

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`API tokens (${dialect})`, () => {
    let server: TestServer;
    let admin: TestPerson;
    beforeAll(async () => {
      server = await startTestServer(dialect, { routes: [...ROUTE_MODULES, probeRoutes] });
      admin = await signedInPerson(server, 'admin');
    });
    afterAll(async () => server.dispose());

    async function createToken(scopes: string[], extra: Record<string, unknown> = {}) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: { cookie: admin.cookie },
        payload: { name: 'CRM sync', scopes, ...extra },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { token: string; apiToken: { id: string; prefix: string; scopes: string[] } };
    }
    const call = (method: 'GET' | 'POST', url: string, token: string) =>
      server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` } });

    it('shows the token once and stores only its SHA-256', async () => {
      const { token, apiToken } = await createToken(['requests:read']);
      expect(token).toMatch(/^rgt_[A-Za-z0-9_-]{43}$/);
      expect(token.startsWith(apiToken.prefix)).toBe(true);
      const row = await server.store.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', apiToken.id)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(row)).not.toContain(token);
      const list = await server.app.inject({
        method: 'GET',
        url: '/v1/tokens',
        headers: { cookie: admin.cookie },
      });
      expect(list.body).not.toContain(token);
      expect(list.json().map((t: { id: string }) => t.id)).toContain(apiToken.id);
    });

    it('lets a token call only routes whose every scope it holds', async () => {
      const reader = (await createToken(['requests:read'])).token;
      const writer = (await createToken(['requests:read', 'requests:write'])).token;
      const other = (await createToken(['consent:read'])).token;
      expect((await call('GET', '/v1/probe/read', reader)).json()).toEqual({ kind: 'token' });
      expect((await call('POST', '/v1/probe/write', reader)).statusCode).toBe(403);
      expect((await call('POST', '/v1/probe/write', writer)).statusCode).toBe(200);
      const refused = await call('GET', '/v1/probe/read', other);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('REG_ERR_SERVER_FORBIDDEN');
      // Person-only routes refuse every token.
      expect((await call('GET', '/v1/users', writer)).statusCode).toBe(403);
      expect((await call('GET', '/v1/auth/me', writer)).statusCode).toBe(403);
    });

    it('refuses unknown scopes at creation with the field path', async () => {
      const response = await server.app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers: { cookie: admin.cookie },
        payload: { name: 'x', scopes: ['everything'] },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().details[0].path).toBe('body.scopes.0');
    });

    it('stops a revoked token at once and an expired one at its date', async () => {
      const { token, apiToken } = await createToken(['requests:read'], { expiresInDays: 2 });
      expect((await call('GET', '/v1/probe/read', token)).statusCode).toBe(200);
      server.clock.advance(2 * 86_400_000);
      const expired = await call('GET', '/v1/probe/read', token);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().code).toBe('REG_ERR_ACCOUNTS_TOKEN_INVALID');

      // Two days later the admin's session is long over: sign in again.
      admin = await signedInPerson(server, 'admin');
      const second = await createToken(['requests:read']);
      expect((await call('GET', '/v1/probe/read', second.token)).statusCode).toBe(200);
      const revoke = await server.app.inject({
        method: 'DELETE',
        url: `/v1/tokens/${second.apiToken.id}`,
        headers: { cookie: admin.cookie },
      });
      expect(revoke.statusCode).toBe(200);
      expect(revoke.json().revokedAt).not.toBeNull();
      expect((await call('GET', '/v1/probe/read', second.token)).statusCode).toBe(401);
      expect(apiToken.id).not.toBe(second.apiToken.id);
    });
  });
}
