/**
 * Two processes on one SQLite file, each with transactions that write the audit trail: one reads
 * before it writes (as an access or a sweep batch does). With deferred transactions the reader
 * failed at random with SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT when the other process committed in
 * between; transactions now begin immediate and wait for the other writer instead.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/append-audit.ts';
import { ensureAuditSchema } from '../src/audit/schema.ts';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import { openTarget } from '../src/engine/db/connect.ts';

const CHILD = fileURLToPath(new URL('./fixtures/sqlite/append-loop-child.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'registre-concurrent-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OWN_APPENDS = 150;

describe('SQLite: two processes writing one trail', () => {
  it('lets a read-then-write transaction wait for the other writer instead of failing', async () => {
    const url = `sqlite:${join(dir, 'shared.db')}`;
    const target = openTarget(url);
    await ensureAuditSchema(target.db);
    await sql`create table things (id integer primary key, v text)`.execute(target.db);

    // The child appends until its stdin closes: it writes throughout this process's loop.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready')) resolve();
      });
    });

    const failures: string[] = [];
    for (let i = 0; i < OWN_APPENDS; i++) {
      try {
        await target.db.transaction().execute(async (trx) => {
          await sql`select count(*) from things`.execute(trx);
          // Leave the other process time to commit between this read and the write below.
          await new Promise((resolve) => setTimeout(resolve, 1));
          await appendAudit(trx, [
            { actor: 'cli:parent', operation: 'subject.access', reason: `parent ${i}` },
          ]);
        });
      } catch (error) {
        failures.push((error as { code?: string }).code ?? String(error));
      }
    }
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(err).toBe('');
    const done = /appended (\d+) failures (\d+)/.exec(out);
    expect(done?.[2]).toBe('0');
    const childAppends = Number(done?.[1]);
    expect(childAppends).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    expect(await verifyAudit(target.db)).toMatchObject({ ok: true, entries: childAppends + OWN_APPENDS });
    await target.close();
  }, 120_000);
});
