import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTarget } from '../../connect.ts';
import { sqliteSynchronousFromEnvironment } from './synchronous.ts';

describe('REGISTRE_SQLITE_SYNCHRONOUS', () => {
  it('reads normal by default and normal or full in any case, and names the variable otherwise', () => {
    expect(sqliteSynchronousFromEnvironment({})).toBe('normal');
    expect(sqliteSynchronousFromEnvironment({ REGISTRE_SQLITE_SYNCHRONOUS: ' ' })).toBe('normal');
    expect(sqliteSynchronousFromEnvironment({ REGISTRE_SQLITE_SYNCHRONOUS: 'FULL' })).toBe('full');
    expect(sqliteSynchronousFromEnvironment({ REGISTRE_SQLITE_SYNCHRONOUS: ' normal ' })).toBe('normal');
    for (const value of ['off', 'extra', '2', 'yes']) {
      expect(() => sqliteSynchronousFromEnvironment({ REGISTRE_SQLITE_SYNCHRONOUS: value })).toThrow(
        expect.objectContaining({
          code: 'REG_ERR_DB_OPTION',
          message: expect.stringContaining(
            `REGISTRE_SQLITE_SYNCHRONOUS must be one of normal, full (got '${value}')`,
          ),
        }),
      );
    }
  });
});

describe('openTarget on SQLite: durability of a commit', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registre-sync-'));
    file = join(dir, 'db.sqlite');
    new Database(file).close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function level(options: Parameters<typeof openTarget>[1]): Promise<number> {
    const target = openTarget(`sqlite:${file}`, options);
    try {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(target.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const found = await sql<{ synchronous: number }>`pragma synchronous`.execute(target.db);
      return Number(found.rows[0]?.synchronous);
    } finally {
      await target.close();
    }
  }

  /** Runs `work` with REGISTRE_SQLITE_SYNCHRONOUS set to `value` (unset when undefined). */
  async function withVariable<T>(value: string | undefined, work: () => T | Promise<T>): Promise<T> {
    const before = process.env.REGISTRE_SQLITE_SYNCHRONOUS;
    if (value === undefined) delete process.env.REGISTRE_SQLITE_SYNCHRONOUS;
    else process.env.REGISTRE_SQLITE_SYNCHRONOUS = value;
    try {
      return await work();
    } finally {
      if (before === undefined) delete process.env.REGISTRE_SQLITE_SYNCHRONOUS;
      else process.env.REGISTRE_SQLITE_SYNCHRONOUS = before;
    }
  }

  it('runs WAL with synchronous NORMAL by default, FULL when the variable or the option asks', async () => {
    expect(await withVariable(undefined, () => level({}))).toBe(1);
    expect(await withVariable('full', () => level({}))).toBe(2);
    expect(await withVariable('full', () => level({ synchronous: 'normal' }))).toBe(1);
    expect(await withVariable(undefined, () => level({ synchronous: 'full' }))).toBe(2);
  });

  it('refuses a bad REGISTRE_SQLITE_SYNCHRONOUS before creating the file', async () => {
    const absent = join(dir, 'absent.sqlite');
    await withVariable('sometimes', () => {
      expect(() => openTarget(`sqlite:${absent}`)).toThrow(/REGISTRE_SQLITE_SYNCHRONOUS/);
    });
    expect(existsSync(absent)).toBe(false);
  });
});
