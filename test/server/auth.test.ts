/** Sign-in, lockout, idle time-out, one-time passwords and the TOTP second factor, through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/accounts/totp.ts';
import { SESSION_COOKIE } from '../../src/server/access.ts';
import { availableDialects } from '../support/targets.ts';
import {
  createAccountsFor,
  personWithPassword,
  sessionCookie,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
} from './support.ts';

const MINUTE = 60_000;

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`accounts through the API (${dialect})`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(dialect);
    });
    afterAll(async () => server.dispose());

    const signIn = (payload: Record<string, unknown>) =>
      server.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload });
    const me = (cookie: string) =>
      server.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
      });

    it('locks an account after 5 wrong passwords, refusing even the right one until 15 minutes pass', async () => {
      const person = await personWithPassword(server, 'agent', 'lockout@example.test');
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        const wrong = await signIn({ email: person.email, password: `wrong password ${attempt}` });
        expect(wrong.statusCode).toBe(401);
        expect(wrong.json().code).toBe('REG_ERR_ACCOUNTS_INVALID_CREDENTIALS');
      }
      const fifth = await signIn({ email: person.email, password: 'wrong password 5' });
      expect(fifth.statusCode).toBe(423);
      expect(fifth.json().code).toBe('REG_ERR_ACCOUNTS_LOCKED');

      const sixth = await signIn({ email: person.email, password: person.password });
      expect(sixth.statusCode).toBe(423);
      expect(sessionCookie(sixth)).toBeUndefined();

      server.clock.advance(14 * MINUTE + 59_000);
      expect((await signIn({ email: person.email, password: person.password })).statusCode).toBe(423);

      server.clock.advance(1000);
      const after = await signIn({ email: person.email, password: person.password });
      expect(after.statusCode).toBe(200);
      expect(after.json().user.lockedUntil).toBeNull();
      expect(sessionCookie(after)).toBeDefined();
    });

    it('starts a fresh count after a lock and after a success', async () => {
      const person = await personWithPassword(server, 'agent', 'recount@example.test');
      for (let i = 0; i < 4; i += 1) await signIn({ email: person.email, password: 'nope nope nope' });
      expect((await signIn({ email: person.email, password: person.password })).statusCode).toBe(200);
      // The success reset the counter: four more failures do not lock.
      for (let i = 0; i < 4; i += 1) {
        expect((await signIn({ email: person.email, password: 'nope nope nope' })).statusCode).toBe(401);
      }
      expect((await signIn({ email: person.email, password: person.password })).statusCode).toBe(200);
    });

    it('answers an unknown e-mail like a wrong password', async () => {
      const response = await signIn({ email: 'nobody@example.test', password: TEST_PASSWORD });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('REG_ERR_ACCOUNTS_INVALID_CREDENTIALS');
    });

    it('rejects a session unused for 15 minutes, keeps one used every 10 minutes', async () => {
      const person = await personWithPassword(server, 'dpo', 'idle@example.test');
      const active = sessionCookie(await signIn({ email: person.email, password: person.password }))!;
      const idle = sessionCookie(await signIn({ email: person.email, password: person.password }))!;
      expect((await me(idle)).statusCode).toBe(200);
      for (let i = 0; i < 6; i += 1) {
        server.clock.advance(10 * MINUTE);
        expect((await me(active)).statusCode).toBe(200);
      }
      // `idle` was last used 60 minutes ago.
      const refused = await me(idle);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('REG_ERR_ACCOUNTS_SESSION_EXPIRED');
      // Exactly 15 minutes of silence is too much.
      server.clock.advance(15 * MINUTE);
      expect((await me(active)).statusCode).toBe(401);
    });

    it('ends a session at its absolute lifetime however active it is', async () => {
      const person = await personWithPassword(server, 'dpo', 'lifetime@example.test');
      const cookie = sessionCookie(await signIn({ email: person.email, password: person.password }))!;
      const hours = server.config.sessionMaxHours;
      for (let elapsed = 0; elapsed + 10 < hours * 60; elapsed += 10) {
        server.clock.advance(10 * MINUTE);
        expect((await me(cookie)).statusCode).toBe(200);
      }
      server.clock.advance(10 * MINUTE);
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('refuses cross-site writes carrying a session cookie', async () => {
      const person = await personWithPassword(server, 'agent', 'csrf@example.test');
      const cookie = sessionCookie(await signIn({ email: person.email, password: person.password }))!;
      const response = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/password',
        headers: { cookie: `${SESSION_COOKIE}=${cookie}`, 'sec-fetch-site': 'cross-site' },
        payload: { currentPassword: person.password, newPassword: 'attacker chosen password' },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('REG_ERR_SERVER_CROSS_ORIGIN');
      const sameSite = await server.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { cookie: `${SESSION_COOKIE}=${cookie}`, 'sec-fetch-site': 'cross-site' },
      });
      expect(sameSite.statusCode).toBe(200);
    });

    it('purges sessions that can no longer be used, and only those', async () => {
      const accounts = createAccountsFor(server);
      const person = await personWithPassword(server, 'agent', 'purge@example.test');
      const stale = sessionCookie(await signIn({ email: person.email, password: person.password }))!;
      await accounts.purgeSessions();
      server.clock.advance(10 * MINUTE);
      const live = sessionCookie(await signIn({ email: person.email, password: person.password }))!;
      server.clock.advance(6 * MINUTE);
      expect(await accounts.purgeSessions()).toBeGreaterThanOrEqual(1);
      const left = await server.store.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', person.id)
        .execute();
      expect(left).toHaveLength(1);
      expect((await me(live)).statusCode).toBe(200);
      expect((await me(stale)).statusCode).toBe(401);
    });

    it('signs out', async () => {
      const person = await personWithPassword(server, 'agent', 'signout@example.test');
      const cookie = sessionCookie(await signIn({ email: person.email, password: person.password }))!;
      const out = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-out',
        headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
      });
      expect(out.statusCode).toBe(204);
      expect((await me(cookie)).statusCode).toBe(401);
    });

    it('makes a one-time password work once: it must be changed, then only the new one works', async () => {
      const accounts = createAccountsFor(server);
      const created = await accounts.bootstrapAdmin('first-admin@example.test');
      // Accounts already exist in this store: bootstrap does nothing.
      expect(created).toBeNull();
      const { user, oneTimePassword } = await accounts.createUser({
        email: 'newcomer@example.test',
        displayName: 'Newcomer',
        role: 'dpo',
      });
      expect(user.mustChangePassword).toBe(true);
      const first = await signIn({ email: 'newcomer@example.test', password: oneTimePassword });
      expect(first.statusCode).toBe(200);
      const cookie = sessionCookie(first)!;
      const headers = { cookie: `${SESSION_COOKIE}=${cookie}` };
      expect((await me(cookie)).json().mustChangePassword).toBe(true);
      const blocked = await server.app.inject({ method: 'GET', url: '/v1/users', headers });
      expect(blocked.statusCode).toBe(403);
      const totp = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/totp/enrol',
        headers,
        payload: { password: oneTimePassword },
      });
      expect(totp.json().code).toBe('REG_ERR_ACCOUNTS_PASSWORD_CHANGE_REQUIRED');

      const same = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/password',
        headers,
        payload: { currentPassword: oneTimePassword, newPassword: oneTimePassword },
      });
      expect(same.json().code).toBe('REG_ERR_ACCOUNTS_PASSWORD_REUSED');
      const changed = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/password',
        headers,
        payload: { currentPassword: oneTimePassword, newPassword: 'a much better passphrase' },
      });
      expect(changed.statusCode).toBe(204);
      expect((await me(cookie)).json().mustChangePassword).toBe(false);
      expect((await signIn({ email: 'newcomer@example.test', password: oneTimePassword })).statusCode).toBe(
        401,
      );
      expect(
        (await signIn({ email: 'newcomer@example.test', password: 'a much better passphrase' })).statusCode,
      ).toBe(200);
    });

    it('enrols TOTP, then requires a fresh code at sign-in', async () => {
      const person = await personWithPassword(server, 'admin', 'totp@example.test');
      const cookie = sessionCookie(await signIn({ email: person.email, password: person.password }))!;
      const headers = { cookie: `${SESSION_COOKIE}=${cookie}` };
      const wrongPassword = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/totp/enrol',
        headers,
        payload: { password: 'not my password' },
      });
      expect(wrongPassword.json().code).toBe('REG_ERR_ACCOUNTS_PASSWORD_MISMATCH');
      const enrol = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/totp/enrol',
        headers,
        payload: { password: person.password },
      });
      expect(enrol.statusCode).toBe(200);
      const { secret, otpauthUrl } = enrol.json() as { secret: string; otpauthUrl: string };
      expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/Registre:totp%40example\.test\?/);
      expect(otpauthUrl).toContain(`secret=${secret}`);

      // Stored encrypted, never in clear.
      const row = await server.store.db
        .selectFrom('users')
        .select('totp_secret')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(row.totp_secret).toMatch(/^v1\./);
      expect(row.totp_secret).not.toContain(secret);

      // Not active before confirmation.
      expect((await signIn({ email: person.email, password: person.password })).statusCode).toBe(200);
      const badCode = String((Number(totpCode(secret, server.clock())) + 1) % 1_000_000).padStart(6, '0');
      const rejected = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/totp/confirm',
        headers,
        payload: { code: badCode },
      });
      expect(rejected.json().code).toBe('REG_ERR_ACCOUNTS_TOTP_CODE_INVALID');
      const confirm = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/totp/confirm',
        headers,
        payload: { code: totpCode(secret, server.clock()) },
      });
      expect(confirm.statusCode).toBe(204);

      const withoutCode = await signIn({ email: person.email, password: person.password });
      expect(withoutCode.statusCode).toBe(401);
      expect(withoutCode.json().code).toBe('REG_ERR_ACCOUNTS_TOTP_REQUIRED');
      // The confirmation code was consumed: the same step cannot be replayed.
      const replay = await signIn({
        email: person.email,
        password: person.password,
        totpCode: totpCode(secret, server.clock()),
      });
      expect(replay.json().code).toBe('REG_ERR_ACCOUNTS_TOTP_CODE_INVALID');

      server.clock.advance(30_000);
      const ok = await signIn({
        email: person.email,
        password: person.password,
        totpCode: totpCode(secret, server.clock()),
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().user.totpEnabled).toBe(true);

      // A code from the previous step is still accepted (±1 step); one from two steps ago is not.
      server.clock.advance(90_000);
      const stale = await signIn({
        email: person.email,
        password: person.password,
        totpCode: totpCode(secret, new Date(server.clock().getTime() - 60_000)),
      });
      expect(stale.json().code).toBe('REG_ERR_ACCOUNTS_TOTP_CODE_INVALID');
      const early = await signIn({
        email: person.email,
        password: person.password,
        totpCode: totpCode(secret, new Date(server.clock().getTime() - 30_000)),
      });
      expect(early.statusCode).toBe(200);

      // Disabling needs the password and a current code.
      server.clock.advance(30_000);
      const freshCookie = sessionCookie(early)!;
      const disable = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/totp/disable',
        headers: { cookie: `${SESSION_COOKIE}=${freshCookie}` },
        payload: { password: person.password, code: totpCode(secret, server.clock()) },
      });
      expect(disable.statusCode).toBe(204);
      expect((await signIn({ email: person.email, password: person.password })).statusCode).toBe(200);
    });

    it('lets an auditor change their own password although the role is read-only', async () => {
      const accounts = createAccountsFor(server);
      const { oneTimePassword } = await accounts.createUser({
        email: 'audit@example.test',
        displayName: 'Audit',
        role: 'auditor',
      });
      const cookie = sessionCookie(await signIn({ email: 'audit@example.test', password: oneTimePassword }))!;
      const changed = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/password',
        headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
        payload: { currentPassword: oneTimePassword, newPassword: 'auditors need passwords too' },
      });
      expect(changed.statusCode).toBe(204);
    });
  });
}
