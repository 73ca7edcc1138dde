/**
 * Logs never hold personal data or secrets: run a session's worth of traffic (sign-in, wrong
 * passwords, TOTP, tokens, validation errors, crashes quoting an e-mail, a pg-style error detail)
 * and search the captured pino output.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../src/server/access.ts';
import type { RouteModule } from '../../src/server/app.ts';
import { ROUTE_MODULES } from '../../src/server/routes/index.ts';
import { availableDialects } from '../support/targets.ts';
import { createAccountsFor, sessionCookie, startTestServer, type TestServer } from './support.ts';

const EMAIL = 'jeanne.dupont@example.fr';
const NAME = 'Jeanne Dupont';

const crashing: RouteModule = (app) => {
  app.post(
    '/v1/test/crash',
    { config: { access: 'public' }, schema: { body: z.unknown(), response: { 200: z.null() } } },
    async () => {
      const error = new Error(`duplicate key for ${EMAIL} from 10.1.2.3`) as Error & { detail: string };
      error.detail = `Key (email)=(${EMAIL}) already exists.`;
      throw error;
    },
  );
};

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`logs (${dialect})`, () => {
    let server: TestServer;
    const secrets: string[] = [EMAIL, NAME, '127.0.0.1', '10.1.2.3'];
    beforeAll(async () => {
      server = await startTestServer(dialect, { routes: [...ROUTE_MODULES, crashing] });
    });
    afterAll(async () => server.dispose());

    it('hold method, route, status, duration and request id — and nothing personal or secret', async () => {
      const app = server.app;
      const accounts = createAccountsFor(server);
      const { oneTimePassword } = await accounts.createUser({
        email: EMAIL,
        displayName: NAME,
        role: 'admin',
      });
      secrets.push(oneTimePassword);
      await app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        payload: { email: EMAIL, password: 'Wrong-Password-123' },
      });
      secrets.push('Wrong-Password-123');
      const signIn = await app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        payload: { email: EMAIL, password: oneTimePassword },
      });
      const cookieValue = sessionCookie(signIn)!;
      secrets.push(cookieValue);
      const headers = { cookie: `${SESSION_COOKIE}=${cookieValue}`, 'x-request-id': 'trace-me-1' };
      const newPassword = 'Nouveau mot de passe 2025';
      secrets.push(newPassword);
      await app.inject({
        method: 'POST',
        url: '/v1/auth/password',
        headers,
        payload: { currentPassword: oneTimePassword, newPassword },
      });
      const enrol = await app.inject({
        method: 'POST',
        url: '/v1/auth/totp/enrol',
        headers,
        payload: { password: newPassword },
      });
      secrets.push(enrol.json().secret);
      const token = await app.inject({
        method: 'POST',
        url: '/v1/tokens',
        headers,
        payload: { name: 'sync', scopes: ['requests:read'] },
      });
      const tokenValue = token.json().token as string;
      secrets.push(tokenValue, tokenValue.slice(4));
      await app.inject({
        method: 'GET',
        url: '/v1/users',
        headers: { authorization: `Bearer ${tokenValue}` },
      });
      await app.inject({
        method: 'POST',
        url: '/v1/users',
        headers,
        payload: { email: 'not-an-email', displayName: NAME, role: 'x' },
      });
      await app.inject({
        method: 'POST',
        url: '/v1/users',
        headers,
        payload: { email: EMAIL, displayName: NAME, role: 'dpo' },
      });
      await app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: `{"email":"${EMAIL}",`,
      });
      await app.inject({ method: 'GET', url: `/v1/users?email=${encodeURIComponent(EMAIL)}`, headers });
      await app.inject({ method: 'GET', url: `/nowhere/${encodeURIComponent(EMAIL)}` });
      const crash = await app.inject({ method: 'POST', url: '/v1/test/crash', payload: { email: EMAIL } });
      expect(crash.statusCode).toBe(500);
      await app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { ...headers, 'x-forwarded-for': '10.1.2.3' },
      });

      const text = server.logs.join('');
      for (const secret of secrets) {
        expect(text.includes(secret), `logs contain ${secret.slice(0, 3)}…`).toBe(false);
      }
      expect(text.toLowerCase()).not.toContain('jeanne');
      expect(text).not.toMatch(/rgt_[A-Za-z0-9]/);
      expect(text).not.toContain(SESSION_COOKIE);
      expect(text).not.toContain('already exists');

      const lines = server.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
      const traced = lines.filter((line) => line.reqId === 'trace-me-1' && line.msg === 'request completed');
      expect(traced.length).toBeGreaterThanOrEqual(3);
      expect(traced[0]).toMatchObject({ method: 'POST', route: '/v1/auth/password', status: 204 });
      expect(typeof traced[0]?.durationMs).toBe('number');
      const crashLine = lines.find((line) => line.msg === 'unexpected error') as
        | { err: { message: string } }
        | undefined;
      expect(crashLine?.err.message).toBe('duplicate key for [email] from [ip]');
    });
  });
}
