/**
 * Every registered route × every kind of caller: anonymous, each role, a person who has not yet
 * changed a one-time password, API tokens with every scope / missing one scope, revoked and
 * malformed tokens. Each refused combination must answer exactly 401 or 403; each allowed one must
 * answer neither.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsService } from '../../src/accounts/create-accounts.ts';
import { createSession } from '../../src/accounts/create-session.ts';
import { ROLES, type TRole } from '../../src/accounts/roles.ts';
import { API_SCOPES, type TApiScope } from '../../src/accounts/scopes.ts';
import {
  type AccessRule,
  getRouteRegistry,
  type RegisteredRoute,
  SESSION_COOKIE,
} from '../../src/server/access.ts';
import { availableDialects } from '../support/targets.ts';
import { createAccountsFor, personWithPassword, startTestServer, type TestServer } from './support.ts';

type Caller =
  | { kind: 'anonymous' }
  | { kind: 'person'; role: TRole; mustChangePassword: boolean }
  | { kind: 'token'; scopes: readonly TApiScope[]; label: string }
  | { kind: 'bad-token'; header: string; label: string };

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the rule says should happen: null (allowed), 401 or 403. */
function expected(rule: AccessRule, method: string, caller: Caller): 401 | 403 | null {
  if (rule === 'public') return null;
  switch (caller.kind) {
    case 'anonymous':
    case 'bad-token':
      return 401;
    case 'person': {
      if (caller.mustChangePassword && rule.duringPasswordChange !== true) return 403;
      if (!rule.roles.includes(caller.role)) return 403;
      if (caller.role === 'auditor' && !SAFE.has(method) && rule.ownAccount !== true) return 403;
      return null;
    }
    case 'token': {
      const needed = rule.scopes ?? [];
      if (needed.length === 0) return 403;
      return needed.every((scope) => caller.scopes.includes(scope)) ? null : 403;
    }
  }
}

function concreteUrl(url: string): string {
  return url.replace(/:[A-Za-z_]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'no-such-file');
}

function describeCaller(caller: Caller): string {
  if (caller.kind === 'person')
    return `${caller.role}${caller.mustChangePassword ? ' (one-time password)' : ''}`;
  if (caller.kind === 'token' || caller.kind === 'bad-token') return caller.label;
  return 'anonymous';
}

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`role matrix (${dialect})`, () => {
    let server: TestServer;
    let accounts: AccountsService;
    const people = new Map<string, string>();
    const tokens = new Map<string, string>();
    const callers: Caller[] = [{ kind: 'anonymous' }];

    beforeAll(async () => {
      server = await startTestServer(dialect);
      accounts = createAccountsFor(server);
      for (const role of ROLES) {
        for (const mustChangePassword of [false, true]) {
          const person = await personWithPassword(server, role, `${role}-${mustChangePassword}@example.test`);
          if (mustChangePassword) {
            await server.store.db
              .updateTable('users')
              .set({ must_change_password: 1 })
              .where('id', '=', person.id)
              .execute();
          }
          people.set(`${role}/${mustChangePassword}`, person.id);
          callers.push({ kind: 'person', role, mustChangePassword });
        }
      }
      const all = await accounts.createApiToken({ name: 'all scopes', scopes: [...API_SCOPES] }, null);
      tokens.set('token with every scope', all.token);
      callers.push({ kind: 'token', scopes: API_SCOPES, label: 'token with every scope' });
      for (const missing of API_SCOPES) {
        const scopes = API_SCOPES.filter((s) => s !== missing);
        const label = `token without ${missing}`;
        tokens.set(label, (await accounts.createApiToken({ name: label, scopes }, null)).token);
        callers.push({ kind: 'token', scopes, label });
      }
      const revoked = await accounts.createApiToken({ name: 'revoked', scopes: [...API_SCOPES] }, null);
      await accounts.revokeApiToken(revoked.view.id);
      callers.push({ kind: 'bad-token', header: `Bearer ${revoked.token}`, label: 'revoked token' });
      callers.push({
        kind: 'bad-token',
        header: 'Bearer rgt_notarealtokenatall0000000000',
        label: 'unknown token',
      });
      callers.push({ kind: 'bad-token', header: 'Basic YWRtaW46YWRtaW4=', label: 'not a bearer token' });
    });
    afterAll(async () => server.dispose());

    async function headersFor(caller: Caller): Promise<Record<string, string>> {
      if (caller.kind === 'person') {
        // A fresh session per request: sign-out or a password change must not spoil later calls.
        const session = await createSession(
          accounts.deps,
          people.get(`${caller.role}/${caller.mustChangePassword}`)!,
        );
        return { cookie: `${SESSION_COOKIE}=${session.token}` };
      }
      if (caller.kind === 'token') return { authorization: `Bearer ${tokens.get(caller.label)}` };
      if (caller.kind === 'bad-token') return { authorization: caller.header };
      return {};
    }

    it('lists the same API routes as the OpenAPI document', () => {
      const registry = getRouteRegistry(server.app).filter(
        (r) => !r.docs && !r.hidden && r.method !== 'HEAD',
      );
      const documented = Object.entries(
        (server.app as unknown as { swagger(): { paths: Record<string, object> } }).swagger().paths,
      ).flatMap(([path, operations]) =>
        Object.keys(operations).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
      expect(registry.map((r) => `${r.method} ${r.url}`).sort()).toEqual(documented.sort());
      expect(registry.length).toBeGreaterThanOrEqual(14);
    });

    // Every route × every caller (thousands of requests): its time grows with each route added and
    // with the machine's load, so it gets more than the default 30 s.
    it('refuses every caller the rule refuses, and only those', { timeout: 180_000 }, async () => {
      const routes: readonly RegisteredRoute[] = getRouteRegistry(server.app);
      const failures: string[] = [];
      let refused = 0;
      let allowed = 0;
      for (const route of routes) {
        for (const caller of callers) {
          const want = expected(route.access, route.method, caller);
          const response = await server.app.inject({
            method: route.method as 'GET',
            url: concreteUrl(route.url),
            headers: await headersFor(caller),
            ...(SAFE.has(route.method) || route.method === 'DELETE' ? {} : { payload: {} }),
          });
          const got = response.statusCode;
          const label = `${route.method} ${route.url} as ${describeCaller(caller)}`;
          if (want === null) {
            allowed += 1;
            if (got === 401 || got === 403 || got >= 500)
              failures.push(`${label}: allowed but got ${got} ${response.body.slice(0, 200)}`);
          } else {
            refused += 1;
            if (got !== want)
              failures.push(`${label}: expected ${want}, got ${got} ${response.body.slice(0, 200)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(refused).toBeGreaterThan(100);
      expect(allowed).toBeGreaterThan(30);
    });
  });
}
