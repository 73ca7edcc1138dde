/**
 * Malformed traffic: at least 10 000 random requests (methods, paths from the route registry with
 * garbage parameters and query strings, JSON and non-JSON bodies, near-valid bodies, random
 * headers, valid and invalid credentials) — zero 5xx answers, and every error is an envelope with
 * a registry code.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/accounts/create-session.ts';
import { API_SCOPES } from '../../src/accounts/scopes.ts';
import { ERROR_CODES } from '../../src/errors/registry.ts';
import { getRouteRegistry, SESSION_COOKIE } from '../../src/server/access.ts';
import { availableDialects } from '../support/targets.ts';
import { createAccountsFor, personWithPassword, startTestServer, type TestServer } from './support.ts';

const RUNS: Record<string, number> = { sqlite: 10_000, postgres: 10_000 };
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const CODES = new Set(Object.keys(ERROR_CODES));

const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));
const garbageSegment = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom(
    '%00',
    '..',
    '%E0%A4%A',
    '%',
    '0',
    '-1',
    'null',
    "'; drop table users; --",
    'a'.repeat(200),
  ),
);
const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string({ maxLength: 20 }), fc.constant('')), {
      maxKeys: 4,
    })
    .map((entries) => `?${new URLSearchParams(entries).toString()}`),
  printable(40).map((raw) => `?${raw}`),
);
/** Bodies that look like the real ones, with wrong, missing or extreme values. */
const nearValid = fc.record(
  {
    email: fc.oneof(fc.emailAddress(), fc.jsonValue()),
    password: fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue()),
    totpCode: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.jsonValue()),
    currentPassword: fc.string({ maxLength: 20 }),
    newPassword: fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue()),
    code: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.string()),
    displayName: fc.oneof(fc.string({ maxLength: 250 }), fc.constant('\u0000admin'), fc.jsonValue()),
    role: fc.oneof(fc.constantFrom('admin', 'dpo', 'agent', 'auditor', 'root'), fc.jsonValue()),
    disabled: fc.oneof(fc.boolean(), fc.jsonValue()),
    name: fc.string({ maxLength: 250 }),
    scopes: fc.oneof(fc.subarray([...API_SCOPES, 'everything']), fc.jsonValue()),
    expiresInDays: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
  { weight: 3, arbitrary: nearValid.map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{}}}',
      '[]',
      'null',
      '""',
      '1e999',
    ),
  },
);
/** `undefined` most of the time, a value once in `every`. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=zz',
        'application/xml',
        '',
      ),
      printable(30),
    ),
  },
);
const credentials = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('admin', 'auditor', 'token') },
  { weight: 2, arbitrary: fc.constantFrom('none', 'garbage-cookie', 'garbage-bearer', 'garbage-auth') },
);

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`malformed requests (${dialect})`, () => {
    let server: TestServer;
    const ids: Record<string, string> = {};
    let token = '';
    beforeAll(async () => {
      server = await startTestServer(dialect);
      ids.admin = (await personWithPassword(server, 'admin', 'fuzz-admin@example.test')).id;
      ids.auditor = (await personWithPassword(server, 'auditor', 'fuzz-auditor@example.test')).id;
      token = (
        await createAccountsFor(server).createApiToken({ name: 'fuzz', scopes: [...API_SCOPES] }, null)
      ).token;
    });
    afterAll(async () => server.dispose());

    it(`answers ${RUNS[dialect]} random requests with zero 5xx`, async () => {
      const routes = getRouteRegistry(server.app);
      const statuses = new Map<number, number>();
      const routesHit = new Set<string>();
      const request = fc.record({
        route: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...routes.filter((r) => !r.docs)) },
          { weight: 1, arbitrary: fc.constantFrom(...routes.filter((r) => r.docs)) },
        ),
        methodOverride: sometimes(fc.constantFrom(...METHODS), 5),
        segment: fc.oneof({ weight: 2, arbitrary: fc.uuid() }, { weight: 3, arbitrary: garbageSegment }),
        extra: sometimes(garbageSegment, 8),
        query,
        body,
        contentType,
        credentials,
        garbage: printable(60),
        requestId: fc.option(printable(80), { nil: undefined }),
        secFetchSite: fc.option(fc.constantFrom('cross-site', 'same-origin', 'none'), { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const method = r.methodOverride ?? r.route.method;
          let url = r.route.url.replace(/:[A-Za-z_]+/g, r.segment).replace(/\*$/, r.segment);
          if (r.extra !== undefined) url += `/${r.extra}`;
          url += r.query;
          const headers: Record<string, string> = {};
          if (r.contentType !== undefined) headers['content-type'] = r.contentType;
          if (r.requestId !== undefined) headers['x-request-id'] = r.requestId;
          if (r.secFetchSite !== undefined) headers['sec-fetch-site'] = r.secFetchSite;
          if (r.credentials === 'admin' || r.credentials === 'auditor') {
            const session = await createSession(createAccountsFor(server).deps, ids[r.credentials]!);
            headers.cookie = `${SESSION_COOKIE}=${session.token}`;
          } else if (r.credentials === 'token') headers.authorization = `Bearer ${token}`;
          else if (r.credentials === 'garbage-cookie') headers.cookie = `${SESSION_COOKIE}=${r.garbage}`;
          else if (r.credentials === 'garbage-bearer') headers.authorization = `Bearer rgt_${r.garbage}`;
          else if (r.credentials === 'garbage-auth') headers.authorization = r.garbage;
          const response = await server.app.inject({
            method: method as 'GET',
            url,
            headers,
            ...(r.body === undefined ? {} : { payload: r.body }),
          });
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          routesHit.add(`${r.route.method} ${r.route.url}`);
          if (response.statusCode >= 500) {
            throw new Error(`${method} ${url} → ${response.statusCode} ${response.body.slice(0, 300)}`);
          }
          if (response.statusCode >= 400 && method !== 'HEAD' && !r.route.docs) {
            const envelope = response.json() as { code?: string; requestId?: string };
            if (!CODES.has(envelope.code ?? '') || envelope.requestId !== response.headers['x-request-id']) {
              throw new Error(
                `${method} ${url} → ${response.statusCode} without an envelope: ${response.body.slice(0, 200)}`,
              );
            }
          }
        }),
        { numRuns: RUNS[dialect]!, endOnFailure: true },
      );
      const total = [...statuses.values()].reduce((a, b) => a + b, 0);
      expect(total).toBe(RUNS[dialect]);
      // The traffic reached the handlers, not only the gates.
      expect(routesHit.size).toBe(new Set(routes.map((r) => `${r.method} ${r.url}`)).size);
      for (const status of [200, 400, 401, 403, 404]) expect(statuses.get(status) ?? 0).toBeGreaterThan(0);
    }, 120_000);
  });
}
