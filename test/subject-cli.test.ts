/**
 * The subject-request commands end to end on the fixture database: `access`, `erase`, `rectify`,
 * `restrict`, `object` and `export`, in text and `--json` modes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerSubjectCommands } from '../src/cli/commands/subject.ts';
import { isSuppressed } from '../src/engine/subject/suppression.ts';
import { createSubjectFixture, JEANNE_EMAIL } from './fixtures/subject/database.ts';
import { FIXTURE_DATAMAP, TEST_SECRET } from './fixtures/subject/setup.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function run(args: readonly string[]): Promise<Run> {
  let code = 0;
  const program = new Command().option('--json').exitOverride();
  registerSubjectCommands(program, (c) => {
    code = Math.max(code, c);
  });
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'registre', ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}

for (const dialect of await availableDialects(['sqlite', 'postgres'])) {
  describe(`subject commands on ${dialect}`, () => {
    let iso: IsolatedTarget;
    let dir: string;
    let db: string[];
    beforeEach(async () => {
      vi.stubEnv('REGISTRE_SECRET', TEST_SECRET);
      iso = await isolatedTarget(dialect);
      await createSubjectFixture(iso.target);
      dir = mkdtempSync(join(tmpdir(), 'registre-subject-cli-'));
      db = ['--db', iso.url];
    });
    afterEach(async () => {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
      await iso?.dispose();
    });

    it('access prints the JSON copy, writes CSV files and an HTML report', async () => {
      const json = await run(['access', FIXTURE_DATAMAP, '--email', 'Jeanne.Martin@example.fr', ...db]);
      const report = JSON.parse(json.stdout);
      expect(report.tables.find((t: { table: string }) => t.table === 'prospects').rows).toHaveLength(1);
      expect(json.stderr).toBe('');
      const csv = await run([
        'access',
        FIXTURE_DATAMAP,
        '--email',
        JEANNE_EMAIL,
        '--format',
        'csv',
        '--out',
        dir,
        ...db,
      ]);
      expect(csv.stdout).toContain('wrote');
      expect(readdirSync(dir)).toContain('invoices.csv');
      expect(readFileSync(join(dir, 'customers.csv'), 'utf8')).toContain('Jeanne.Martin@Example.fr');
      const html = await run(['access', FIXTURE_DATAMAP, '--key', 'customers:2', '--format', 'html', ...db]);
      expect(html.stdout).toContain('<!DOCTYPE html>');
      expect(html.stdout).toContain('Paul Lefèvre');
      expect(html.stdout).not.toContain('Jeanne');
      await expect(
        run(['access', FIXTURE_DATAMAP, '--format', 'csv', '--email', JEANNE_EMAIL, ...db]),
      ).rejects.toMatchObject({
        code: 'REG_ERR_CLI_USAGE',
      });
    });

    it('erase plans by default and executes with --execute', async () => {
      const plan = await run(['erase', FIXTURE_DATAMAP, '--email', JEANNE_EMAIL, ...db]);
      expect(plan.stdout).toContain('prospects — 1 enregistrement : 1 supprimé');
      expect(plan.stdout).toContain('--execute');
      const prospects = () =>
        iso.target.db.selectFrom('prospects').select('id').where('id', '=', 1).execute();
      expect(await prospects()).toHaveLength(1);
      const done = await run([
        '--json',
        'erase',
        FIXTURE_DATAMAP,
        '--email',
        JEANNE_EMAIL,
        '--execute',
        ...db,
      ]);
      expect(done.code).toBe(0);
      const result = JSON.parse(done.stdout);
      expect(result).toMatchObject({ ok: true, executed: true });
      expect(result.effects.map((e: { table: string }) => e.table)).toContain('prospects');
      expect(await prospects()).toHaveLength(0);
      for (const output of [plan.stdout, plan.stderr, done.stderr])
        expect(output.toLowerCase()).not.toContain('jeanne');
    });

    it('rectify, restrict and object change the database as asked', async () => {
      const rectified = await run([
        'rectify',
        FIXTURE_DATAMAP,
        '--email',
        JEANNE_EMAIL,
        '--set',
        'phone=+33 7 00 00 00 01',
        ...db,
      ]);
      expect(rectified.stdout).toContain('customers: 1 row(s) updated (phone)');
      expect(rectified.stdout).not.toContain('+33 7');
      const restricted = await run([
        'restrict',
        FIXTURE_DATAMAP,
        '--phone',
        '+33 7 00 00 00 01',
        '--reason',
        'accuracy-contested',
        ...db,
      ]);
      expect(restricted.stdout).toMatch(/restricted: \d+ row\(s\)/);
      const lifted = await run([
        '--json',
        'restrict',
        FIXTURE_DATAMAP,
        '--email',
        JEANNE_EMAIL,
        '--notify',
        '--lift',
        ...db,
      ]);
      expect(JSON.parse(lifted.stdout).lifted.customers).toBe(1);
      const objected = await run(['object', FIXTURE_DATAMAP, '--email', 'alice.dubois@example.be', ...db]);
      expect(objected.stdout).toContain('suppression list (direct-marketing): 2 identifier(s), 2 new');
      expect(await isSuppressed(iso.target.db, TEST_SECRET, 'alice.dubois@example.be')).toBe(true);
    });

    it('export writes only the provided data', async () => {
      await run(['export', FIXTURE_DATAMAP, '--email', JEANNE_EMAIL, '--format', 'csv', '--out', dir, ...db]);
      expect(readdirSync(dir).sort()).toEqual([
        'customers.csv',
        'support_tickets.csv',
        'webinar_registrations.csv',
      ]);
      expect(readFileSync(join(dir, 'customers.csv'), 'utf8').split('\r\n')[0]).toBe(
        'email,phone,full_name,postal_code,birth_date',
      );
    });

    it('refuses ambiguous or missing designations', async () => {
      await expect(
        run(['access', FIXTURE_DATAMAP, '--email', JEANNE_EMAIL, '--phone', '0612345678', ...db]),
      ).rejects.toMatchObject({ code: 'REG_ERR_CLI_USAGE' });
      await expect(run(['restrict', FIXTURE_DATAMAP, '--email', JEANNE_EMAIL, ...db])).rejects.toMatchObject({
        code: 'REG_ERR_CLI_USAGE',
      });
      await expect(
        run(['access', FIXTURE_DATAMAP, '--email', 'nobody@example.fr', ...db]),
      ).rejects.toMatchObject({
        code: 'REG_ERR_SUBJECT_NOT_FOUND',
      });
    });
  });
}
