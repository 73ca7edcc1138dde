/** The error envelope, route declaration checks, request ids, security headers, rate limits, /docs. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ERROR_CODES } from '../../src/errors/registry.ts';
import type { RouteModule } from '../../src/server/app.ts';
import { ROUTE_MODULES } from '../../src/server/routes/index.ts';
import { startTestServer, type TestServer } from './support.ts';

const failing: RouteModule = (app) => {
  app.get(
    '/v1/test/boom',
    { config: { access: 'public' }, schema: { response: { 200: z.strictObject({ ok: z.boolean() }) } } },
    async () => {
      throw new Error('database exploded near jeanne.dupont@example.fr');
    },
  );
  app.get(
    '/v1/test/leaky',
    { config: { access: 'public' }, schema: { response: { 200: z.strictObject({ ok: z.boolean() }) } } },
    // Sends a field the schema does not declare: must never reach the client.
    async () => ({ ok: true, email: 'jeanne.dupont@example.fr' }) as { ok: boolean },
  );
  app.get(
    '/v1/test/stripped',
    { config: { access: 'public' }, schema: { response: { 200: z.object({ ok: z.boolean() }) } } },
    async () => ({ ok: true, email: 'jeanne.dupont@example.fr' }) as { ok: boolean },
  );
  app.get(
    '/v1/test/wrong-type',
    { config: { access: 'public' }, schema: { response: { 200: z.strictObject({ ok: z.boolean() }) } } },
    async () => ({ ok: 'jeanne.dupont@example.fr' }) as unknown as { ok: boolean },
  );
};

describe('error envelope and HTTP hardening (sqlite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { routes: [...ROUTE_MODULES, failing] });
  });
  afterAll(async () => server.dispose());

  it('answers unknown routes with a 404 envelope carrying the request id', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/nothing-here?email=a@b.c' });
    expect(response.statusCode).toBe(404);
    const body = response.json();
    expect(body).toEqual({
      requestId: response.headers['x-request-id'],
      code: 'REG_ERR_SERVER_NOT_FOUND',
      message: expect.any(String),
    });
  });

  it('reuses a well-formed incoming x-request-id and replaces a malformed one', async () => {
    const kept = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'abc-123.XYZ' },
    });
    expect(kept.headers['x-request-id']).toBe('abc-123.XYZ');
    const replaced = await server.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'bad id\u00e9<script>' },
    });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks unknown errors as 500 REG_ERR_INTERNAL', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/v1/test/boom' });
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('REG_ERR_INTERNAL');
    expect(response.body).not.toContain('exploded');
    expect(response.body).not.toContain('jeanne');
  });

  it('never sends an undeclared field: strict schemas fail closed, plain ones strip it', async () => {
    const leaky = await server.app.inject({ method: 'GET', url: '/v1/test/leaky' });
    expect(leaky.statusCode).toBe(500);
    expect(leaky.body).not.toContain('jeanne');
    expect(server.logs.some((line) => line.includes('response does not match its schema'))).toBe(true);
    const stripped = await server.app.inject({ method: 'GET', url: '/v1/test/stripped' });
    expect(stripped.statusCode).toBe(200);
    expect(stripped.json()).toEqual({ ok: true });
    const wrong = await server.app.inject({ method: 'GET', url: '/v1/test/wrong-type' });
    expect(wrong.statusCode).toBe(500);
    expect(wrong.body).not.toContain('jeanne');
  });

  it('reports each invalid field with its path', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in',
      payload: { email: 7, password: '', extra: true },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('REG_ERR_SERVER_VALIDATION');
    const paths = body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password', 'body']));
    expect(body.message).toContain('body.email');
  });

  it('answers bad JSON, wrong content types and oversized bodies with 4xx envelopes that quote nothing', async () => {
    const badJson = await server.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "jeanne.dupont@example.fr", ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('REG_ERR_SERVER_BAD_REQUEST');
    expect(badJson.body).not.toContain('jeanne');
    const xml = await server.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().code).toBe('REG_ERR_SERVER_UNSUPPORTED_MEDIA_TYPE');
    const huge = await server.app.inject({
      method: 'POST',
      url: '/v1/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('REG_ERR_SERVER_PAYLOAD_TOO_LARGE');
  });

  it('uses only registry codes in envelopes', async () => {
    for (const url of ['/v1/nothing', '/v1/users', '/v1/test/boom']) {
      const code = (await server.app.inject({ method: 'GET', url })).json().code as string;
      expect(Object.keys(ERROR_CODES)).toContain(code);
    }
  });

  it('sends security headers', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves the OpenAPI document and the documentation UI at /docs', async () => {
    const json = await server.app.inject({ method: 'GET', url: '/docs/json' });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toMatch(/^3\./);
    const signIn = doc.paths['/v1/auth/sign-in'].post;
    expect(Object.keys(signIn.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '423', '429']),
    );
    expect(doc.paths['/v1/users'].get.security).toEqual([{ session: [] }]);
    const ui = await server.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBeLessThan(400);
  });
});

describe('rate limits (sqlite)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      env: { REGISTRE_SIGN_IN_RATE_LIMIT: '3', REGISTRE_RATE_LIMIT: '1000' },
    });
  });
  afterAll(async () => server.dispose());

  it('limits sign-in attempts per client and answers 429 with the envelope', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await server.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: {} });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) expect(response.json().code).toBe('REG_ERR_SERVER_RATE_LIMITED');
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});

describe('route declarations', () => {
  const cases: [string, RouteModule, RegExp][] = [
    [
      'no access rule',
      (app) => {
        app.get('/v1/x', { schema: { response: { 200: z.null() } } }, async () => null);
      },
      /GET \/v1\/x: declares no access rule/,
    ],
    [
      'no response schema',
      (app) => {
        app.get('/v1/x', { config: { access: 'public' } }, async () => null);
      },
      /declares no 2xx response schema/,
    ],
    [
      'auditor on a write route',
      (app) => {
        app.post(
          '/v1/x',
          { config: { access: { roles: ['auditor'] } }, schema: { response: { 204: z.null() } } },
          async () => null,
        );
      },
      /auditor role is read-only/,
    ],
    [
      'unknown scope',
      (app) => {
        app.get(
          '/v1/x',
          {
            config: { access: { roles: ['dpo'], scopes: ['all' as 'requests:read'] } },
            schema: { response: { 200: z.null() } },
          },
          async () => null,
        );
      },
      /unknown scope "all"/,
    ],
    [
      'path parameters without a params schema',
      (app) => {
        app.get(
          '/v1/x/:id',
          { config: { access: 'public' }, schema: { response: { 200: z.null() } } },
          async () => null,
        );
      },
      /has path parameters but no schema.params/,
    ],
  ];
  for (const [name, module, message] of cases) {
    it(`refuses to build an app with a route that has ${name}`, async () => {
      await expect(startTestServer('sqlite', { routes: [module] })).rejects.toThrow(message);
    });
  }
});
