/** Administration of accounts: create, change role, disable, unlock, reset password, last admin. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/access.ts';
import { availableDialects } from '../support/targets.ts';
import {
  sessionCookie,
  signedInPerson,
  startTestServer,
  type TestPerson,
  type TestServer,
} from './support.ts';

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`user administration (${dialect})`, () => {
    let server: TestServer;
    let admin: TestPerson;
    beforeAll(async () => {
      server = await startTestServer(dialect);
      admin = await signedInPerson(server, 'admin');
    });
    afterAll(async () => server.dispose());

    const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
      server.app.inject({
        method,
        url,
        headers: { cookie: admin.cookie },
        ...(payload === undefined ? {} : { payload }),
      });

    it('creates a person with a one-time password, refuses a duplicate e-mail', async () => {
      const created = await asAdmin('POST', '/v1/users', {
        email: 'Agent.One@Example.test',
        displayName: 'Agent One',
        role: 'agent',
      });
      expect(created.statusCode).toBe(201);
      const body = created.json();
      expect(body.user).toMatchObject({
        email: 'agent.one@example.test',
        role: 'agent',
        mustChangePassword: true,
      });
      expect(body.oneTimePassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
      expect(JSON.stringify(body.user)).not.toMatch(/argon2|password_hash/);
      const again = await asAdmin('POST', '/v1/users', {
        email: 'agent.one@example.test',
        displayName: 'Twin',
        role: 'dpo',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('REG_ERR_ACCOUNTS_EMAIL_TAKEN');
      const row = await server.store.db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', body.user.id)
        .executeTakeFirstOrThrow();
      expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    });

    it('changes a role, disables a person (ending their sessions), re-enables them', async () => {
      const person = await signedInPerson(server, 'agent');
      const promoted = await asAdmin('PATCH', `/v1/users/${person.id}`, { role: 'dpo' });
      expect(promoted.json().role).toBe('dpo');
      const seen = await server.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { cookie: person.cookie },
      });
      expect(seen.json().role).toBe('dpo');
      const disabled = await asAdmin('PATCH', `/v1/users/${person.id}`, { disabled: true });
      expect(disabled.json().disabled).toBe(true);
      expect(
        (await server.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie: person.cookie } }))
          .statusCode,
      ).toBe(401);
      const signIn = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        payload: { email: person.email, password: person.password },
      });
      expect(signIn.json().code).toBe('REG_ERR_ACCOUNTS_INVALID_CREDENTIALS');
      await asAdmin('PATCH', `/v1/users/${person.id}`, { disabled: false });
      const back = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        payload: { email: person.email, password: person.password },
      });
      expect(back.statusCode).toBe(200);
      const empty = await asAdmin('PATCH', `/v1/users/${person.id}`, {});
      expect(empty.statusCode).toBe(400);
    });

    it('never demotes or disables the last active administrator', async () => {
      const users = (await asAdmin('GET', '/v1/users')).json() as {
        id: string;
        role: string;
        disabled: boolean;
      }[];
      const admins = users.filter((u) => u.role === 'admin' && !u.disabled);
      expect(admins.map((u) => u.id)).toEqual([admin.id]);
      const demote = await asAdmin('PATCH', `/v1/users/${admin.id}`, { role: 'dpo' });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().code).toBe('REG_ERR_ACCOUNTS_LAST_ADMIN');
      expect((await asAdmin('PATCH', `/v1/users/${admin.id}`, { disabled: true })).statusCode).toBe(409);
      const second = await signedInPerson(server, 'admin');
      expect((await asAdmin('PATCH', `/v1/users/${second.id}`, { role: 'auditor' })).statusCode).toBe(200);
    });

    it('unlocks a locked person and resets a password to a new one-time password', async () => {
      const person = await signedInPerson(server, 'agent');
      for (let i = 0; i < 5; i += 1) {
        await server.app.inject({
          method: 'POST',
          url: '/v1/auth/sign-in',
          payload: { email: person.email, password: 'wrong wrong wrong' },
        });
      }
      const listed = (await asAdmin('GET', '/v1/users')).json() as {
        id: string;
        lockedUntil: string | null;
      }[];
      expect(listed.find((u) => u.id === person.id)?.lockedUntil).not.toBeNull();
      const unlocked = await asAdmin('POST', `/v1/users/${person.id}/unlock`);
      expect(unlocked.json().lockedUntil).toBeNull();
      const signIn = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        payload: { email: person.email, password: person.password },
      });
      expect(signIn.statusCode).toBe(200);
      const live = sessionCookie(signIn)!;

      const reset = await asAdmin('POST', `/v1/users/${person.id}/reset-password`);
      const { oneTimePassword } = reset.json() as { oneTimePassword: string };
      const me = await server.app.inject({
        method: 'GET',
        url: '/v1/auth/me',
        headers: { cookie: `${SESSION_COOKIE}=${live}` },
      });
      expect(me.statusCode).toBe(401);
      const old = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        payload: { email: person.email, password: person.password },
      });
      expect(old.statusCode).toBe(401);
      const fresh = await server.app.inject({
        method: 'POST',
        url: '/v1/auth/sign-in',
        payload: { email: person.email, password: oneTimePassword },
      });
      expect(fresh.json().user.mustChangePassword).toBe(true);
    });

    it('answers 404 for an unknown user id and 400 for a malformed one', async () => {
      const missing = await asAdmin('POST', '/v1/users/00000000-0000-4000-8000-000000000000/unlock');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('REG_ERR_ACCOUNTS_USER_NOT_FOUND');
      const malformed = await asAdmin('POST', '/v1/users/not-a-uuid/unlock');
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().details[0].path).toBe('params.id');
    });
  });
}
