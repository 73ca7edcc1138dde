/** Registre's store: migrations on SQLite and PostgreSQL, idempotent, refused dialects. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isRegistreError } from '../../src/errors/registry.ts';
import { migrateStore } from '../../src/store/migrate.ts';
import { STORE_MIGRATIONS } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open-store.ts';
import { availableDialects, isolatedTarget } from '../support/targets.ts';

describe('store migrations', () => {
  it('names every migration NNNN-what inside an area range', () => {
    for (const name of Object.keys(STORE_MIGRATIONS)) {
      expect(name).toMatch(/^0[0-6]\d\d-[a-z0-9-]+$/);
    }
  });

  for (const dialect of ['sqlite', 'postgres'] as const) {
    it(`migrates an empty ${dialect} store once, then finds nothing to do`, async () => {
      if (!(await availableDialects([dialect])).includes(dialect)) return;
      const isolated = await isolatedTarget(dialect);
      await isolated.target.close();
      const store = openStore(isolated.url, { poolSize: 1 });
      try {
        expect(store.dialect).toBe(dialect);
        const first = await migrateStore(store);
        expect(first.applied).toEqual(Object.keys(STORE_MIGRATIONS).sort());
        expect((await migrateStore(store)).applied).toEqual([]);
        const now = new Date().toISOString();
        await store.db
          .insertInto('users')
          .values({
            id: 'u1',
            email: 'a@example.test',
            display_name: 'A',
            role: 'admin',
            password_hash: 'x',
            must_change_password: 0,
            disabled: 0,
            locked_until: null,
            totp_secret: null,
            totp_last_step: null,
            last_sign_in_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const row = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
        expect(row.failed_attempts).toBe(0);
        expect(row.totp_enabled).toBe(0);
        await expect(
          store.db
            .insertInto('users')
            .values({ ...row, id: 'u2' })
            .execute(),
        ).rejects.toThrow();
        // Sessions die with their user.
        await store.db
          .insertInto('sessions')
          .values({ id: 's1', user_id: 'u1', created_at: now, last_seen_at: now, expires_at: now })
          .execute();
        await store.db.deleteFrom('users').where('id', '=', 'u1').execute();
        const left = await sql<{ n: number | string }>`select count(*) as n from sessions`.execute(store.db);
        expect(Number(left.rows[0]?.n)).toBe(0);
      } finally {
        await store.close();
        await isolated.dispose();
      }
    });
  }

  it('creates the folder of a SQLite store file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-store-'));
    const store = openStore(`sqlite:${join(dir, 'nested', 'deeper', 'registre.db')}`);
    try {
      await migrateStore(store);
      expect(existsSync(join(dir, 'nested', 'deeper', 'registre.db'))).toBe(true);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses MySQL as a store, without echoing the URL', () => {
    try {
      openStore('mysql://root:hunter2@127.0.0.1/x');
      expect.unreachable();
    } catch (error) {
      expect(isRegistreError(error) && error.code).toBe('REG_ERR_SERVER_STORE_URL');
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('reports a failing migration by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-store-'));
    const store = openStore(`sqlite:${join(dir, 'registre.db')}`);
    try {
      await expect(
        migrateStore(store, {
          ...STORE_MIGRATIONS,
          '0099-broken': { up: async (db) => void (await sql`create table users (id text)`.execute(db)) },
        }),
      ).rejects.toThrow(/store migration 0099-broken failed/);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
