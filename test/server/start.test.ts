/**
 * `startServer`: a fresh SQLite store is migrated, the first administrator is created once with a
 * one-time password printed on the console, and the server answers over real HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/start.ts';
import { TEST_SECRET } from './support.ts';

describe('startServer (embedded store)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registre-start-'));
  const env = {
    REGISTRE_DATABASE_URL: `sqlite:${join(dir, 'store', 'registre.db')}`,
    REGISTRE_PORT: '0',
    REGISTRE_SECRET: TEST_SECRET,
    REGISTRE_POLICY: 'test/fixtures/policy-valid/minimal.yaml',
    REGISTRE_OUTBOX_DIR: join(dir, 'outbox'),
    REGISTRE_ADMIN_EMAIL: 'owner@example.test',
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('bootstraps the first administrator once and serves HTTP', async () => {
    const said: string[] = [];
    const logs: string[] = [];
    const log = { stream: { write: (line: string) => void logs.push(line) } };
    const first = await startServer({ env, log, say: (line) => said.push(line) });
    let password = '';
    try {
      expect(first.migrationsApplied.length).toBeGreaterThan(0);
      expect(first.bootstrap?.email).toBe('owner@example.test');
      password = first.bootstrap!.oneTimePassword;
      expect(said.join('\n')).toContain(password);
      expect(said.join('\n')).toContain(`listening on ${first.address}`);

      const health = await fetch(`${first.address}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', store: 'ok' });
      const signIn = await fetch(`${first.address}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@example.test', password }),
      });
      expect(signIn.status).toBe(200);
      expect((await signIn.json()).user.mustChangePassword).toBe(true);
      expect(signIn.headers.get('set-cookie')).toMatch(/registre_session=.*HttpOnly.*SameSite=Strict/i);
      expect((await fetch(`${first.address}/docs/json`)).status).toBe(200);
    } finally {
      await first.close();
    }

    const again: string[] = [];
    const second = await startServer({ env, log, say: (line) => again.push(line) });
    try {
      expect(second.bootstrap).toBeNull();
      expect(second.migrationsApplied).toEqual([]);
      expect(again.join('\n')).not.toContain(password);
      expect(logs.some((line) => line.includes('"route":"/v1/auth/sign-in"'))).toBe(true);
      expect(logs.join('')).not.toContain(password);
    } finally {
      await second.close();
    }
  });

  it('refuses an explicit policy path that does not exist', async () => {
    await expect(
      startServer({
        env: { ...env, REGISTRE_POLICY: join(dir, 'nope.yaml') },
        say: () => undefined,
        log: { level: 'silent' },
      }),
    ).rejects.toThrow();
  });
});
