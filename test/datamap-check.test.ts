import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { parse } from 'yaml';
import { AUDIT_TABLE, appendAudit, ensureAuditSchema, subjectRef } from '../src/audit/index.ts';
import { registerAuditCommand } from '../src/cli/commands/audit.ts';
import { registerDatamapCommand } from '../src/cli/commands/datamap.ts';
import { registerScanCommand } from '../src/cli/commands/scan.ts';
import { checkDataMap } from '../src/datamap/check-datamap.ts';
import {
  type LoadedDataMap,
  loadDataMapFromString,
  loadDataMapOrThrow,
} from '../src/datamap/load-datamap.ts';
import { ZDataMap } from '../src/datamap/model.ts';
import { rowsOfSubjectQuery, subjectGraph } from '../src/datamap/subject-graph.ts';
import { openTarget } from '../src/engine/db/connect.ts';
import type { SchemaInfo } from '../src/engine/db/types.ts';
import { isRegistreError } from '../src/errors/registry.ts';
import { createBoutiqueSchema, seedBoutique } from './fixtures/datamap/boutique-schema.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const FILE = join(import.meta.dirname, 'fixtures/datamap/datamap.yaml');
const TEXT = readFileSync(FILE, 'utf8');

function variant(from: string, to: string): string {
  expect(TEXT.split(from).length - 1, `'${from}' must occur once`).toBe(1);
  return TEXT.replace(from, to);
}

async function loadVariant(text: string): Promise<LoadedDataMap> {
  const result = await loadDataMapFromString(text, FILE);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result;
}

interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: unknown;
}

/** Runs the commands of this task in-process, as `registre <args>` would. */
async function runCli(args: readonly string[]): Promise<CliRun> {
  let code = 0;
  const program = new Command().option('--json').exitOverride();
  const setExit = (c: number) => {
    code = Math.max(code, c);
  };
  registerDatamapCommand(program, setExit);
  registerScanCommand(program, setExit);
  registerAuditCommand(program, setExit);
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
    return { code, stdout, stderr };
  } catch (error) {
    return { code: 1, stdout, stderr, error };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const summary = (issues: readonly { code: string; path: string }[]) =>
  issues.map((i) => `${i.code} ${i.path}`);

for (const dialect of await availableDialects()) {
  describe(`data map against a live ${dialect} schema`, () => {
    let iso: IsolatedTarget;
    let schema: SchemaInfo;
    let loaded: LoadedDataMap;
    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      await createBoutiqueSchema(iso.target.db);
      await seedBoutique(iso.target.db);
      schema = await iso.target.adapter.introspect(iso.target.db);
      loaded = await loadDataMapOrThrow(FILE);
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('passes the fixture map, warning about unindexed joins and unmapped tables', async () => {
      const result = await checkDataMap(loaded, schema, { target: iso.target });
      expect(result.errors).toEqual([]);
      // MariaDB indexes every foreign-key column itself; SQLite and PostgreSQL do not.
      const unindexed =
        dialect === 'mysql'
          ? []
          : ['path-without-index tables.invoices.path[0]', 'path-without-index tables.invoice_lines.path[1]'];
      expect(summary(result.warnings).sort()).toEqual(
        [...unindexed, 'unmapped-personal-table tables', 'unmapped-foreign-key-child tables.invoices'].sort(),
      );
      const notes = result.warnings.find((w) => w.code === 'unmapped-personal-table');
      expect(notes?.message).toContain(
        "table 'notes' is not in the data map but column 'author_email' looks like email-address",
      );
      expect(notes?.message).not.toContain('@boutique.fr');
      const payments = result.warnings.find((w) => w.code === 'unmapped-foreign-key-child');
      expect(payments?.message).toContain('payments.invoice_id → invoices.id (ON DELETE CASCADE)');
      expect(payments?.line).toBe(TEXT.split('\n').indexOf('  invoices:') + 1);
    });

    it('reports missing tables and columns as errors at their line', async () => {
      const text = variant(
        '      phone: { category: telephone-number',
        '      phones: { category: telephone-number',
      )
        .replace('        phone: mask\n', '')
        .replace('  subscribers:', '  subscriber:');
      const result = await checkDataMap(await loadVariant(text), schema, { target: iso.target });
      expect(summary(result.errors)).toEqual([
        'missing-table tables.subscriber',
        'missing-column tables.customers.columns.phones',
      ]);
      expect(result.errors[1]?.message).toContain("did you mean 'phone'?");
      expect(result.errors[1]?.line).toBe(text.split('\n').findIndex((l) => l.includes('phones:')) + 1);
      // `phone` is now unannotated: its name and values give it away.
      const phone = result.warnings.find((w) => w.code === 'unannotated-personal-column');
      expect(phone?.message).toMatch(
        /'phone' looks like telephone-number \(confidence 1\.00, from its values\)/,
      );
    });

    it('warns about text date columns unless their values are ISO 8601, and about keys and missing links', async () => {
      const text = variant('trigger: contract_ended_on', 'trigger: signed_up_on')
        .replace('trigger: unsubscribed_on', 'trigger: email')
        .replace(
          '    key: id\n    activities: [invoicing]\n    path',
          '    key: total\n    activities: [invoicing]\n    path',
        )
        .replace('heldBy: invoices', 'heldBy: invoice_lines');
      const map = await loadVariant(text);
      const sampled = await checkDataMap(map, schema, { target: iso.target });
      expect(sampled.errors).toEqual([]);
      const codes = summary(sampled.warnings);
      expect(codes).toContain('trigger-not-date tables.subscribers.retention[0].trigger');
      expect(codes).not.toContain('trigger-not-date tables.customers.retention[0].trigger');
      expect(codes).toContain('key-not-primary-key tables.invoices.key');
      expect(codes).toContain('held-by-without-link tables.customers.legalHolds[0].heldBy');
      const email = sampled.warnings.find((w) => w.path === 'tables.subscribers.retention[0].trigger');
      expect(email?.message).toContain('2 of 2 sampled values are not ISO-8601 dates');
      // Without a database to sample, a text column cannot be vouched for.
      const unsampled = summary((await checkDataMap(map, schema)).warnings);
      expect(unsampled).toContain('trigger-not-date tables.customers.retention[0].trigger');
    });

    it('warns when a deletion would be blocked by an unmapped table', async () => {
      const text = variant(
        '    erasure:\n      strategy: anonymise\n      columns:\n        email: hash\n        full_name: "null"\n        phone: mask\n        address: generalise\n      marker: anonymised_at\n',
        '    erasure: { strategy: delete }\n',
      );
      const result = await checkDataMap(await loadVariant(text), schema);
      const blocked = result.warnings.find((w) => w.message.includes('customer_tags'));
      expect(blocked?.message).toContain('customer_tags.customer_id → customers.id (ON DELETE RESTRICT)');
      expect(blocked?.message).toContain(
        "deleting a row of 'customers' fails while a row of 'customer_tags' references it",
      );
    });

    it("selects one subject's rows through two joins", async () => {
      const graph = subjectGraph(loaded.datamap);
      const lines = await rowsOfSubjectQuery(iso.target.db, graph, 'invoice_lines', 'customers', [1])
        .orderBy('id')
        .execute();
      expect(lines.map((r) => Number(r.id))).toEqual([100, 101, 110]);
      const invoices = await rowsOfSubjectQuery(iso.target.db, graph, 'invoices', 'customers', [2]).execute();
      expect(invoices.map((r) => Number(r.id))).toEqual([20]);
      const none = await rowsOfSubjectQuery(iso.target.db, graph, 'invoice_lines', 'customers', []).execute();
      expect(none).toEqual([]);
    });

    it('`datamap check` exits 0 with --json, 1 on errors', async () => {
      const ok = await runCli(['--json', 'datamap', 'check', FILE, '--db', iso.url]);
      expect(ok.error).toBeUndefined();
      expect(ok.code).toBe(0);
      const document = JSON.parse(ok.stdout) as { ok: boolean; dialect: string; errors: unknown[] };
      expect(document).toMatchObject({ ok: true, dialect, errors: [] });
      const text = await runCli(['datamap', 'check', FILE, '--db', iso.url]);
      expect(text.stdout).toMatch(/valid against the \w+ database \(4 mapped tables\) — 0 error\(s\)/);
      const missingDb = await runCli(['datamap', 'check', FILE]);
      expect(isRegistreError(missingDb.error) && missingDb.error.code).toBe('REG_ERR_CLI_USAGE');
    });

    it('`scan --out` writes a draft that validates once the FILL fields are filled', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'registre-draft-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      const out = join(dir, 'draft.yaml');
      const run = await runCli([
        '--json',
        'scan',
        iso.url,
        '--out',
        out,
        '--force',
        '--policy',
        'policy.yaml',
      ]);
      expect(run.error).toBeUndefined();
      const result = JSON.parse(run.stdout) as {
        proposals: { table: string; column: string; category: string }[];
      };
      const found = result.proposals.map((p) => `${p.table}.${p.column}=${p.category}`);
      expect(found).toEqual(
        expect.arrayContaining([
          'customers.email=email-address',
          'customers.phone=telephone-number',
          'invoices.iban=bank-account',
          'notes.author_email=email-address',
        ]),
      );
      const draft = parse(readFileSync(out, 'utf8')) as { tables: Record<string, Record<string, unknown>> };
      expect(draft.tables.invoices?.path).toEqual([{ column: 'customer_id', references: 'customers' }]);
      expect(draft.tables.invoice_lines?.path).toEqual([
        { column: 'invoice_id', references: 'invoices' },
        { column: 'customer_id', references: 'customers' },
      ]);
      expect(ZDataMap.safeParse(draft).success).toBe(false);
      for (const table of Object.values(draft.tables)) {
        Object.assign(table, {
          subject: 'customer',
          activities: ['customer-accounts'],
          erasure: { strategy: 'delete' },
        });
      }
      expect(ZDataMap.safeParse(draft).error?.issues ?? []).toEqual([]);
    });

    it('`audit verify` passes on an intact trail and fails once an entry is altered; `audit log` lists entries', async () => {
      const db = iso.target.db;
      await ensureAuditSchema(db);
      await db.transaction().execute((trx) =>
        appendAudit(
          trx,
          [1, 2, 3].map((i) => ({
            actor: 'cli:test',
            operation: 'retention.delete' as const,
            subjectRef: subjectRef('k'.repeat(32), 'customers', i),
            tables: ['customers'],
            rowCounts: { customers: i },
            reason: 'rule customer-accounts',
          })),
        ),
      );
      const intact = await runCli(['audit', 'verify', '--db', iso.url]);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/audit trail intact: 3 entries, last #3/);
      const log = await runCli(['--json', 'audit', 'log', '--db', iso.url, '--limit', '2']);
      const listed = JSON.parse(log.stdout) as {
        total: number;
        entries: { seq: number; rowCounts: unknown }[];
      };
      expect(listed.total).toBe(3);
      expect(listed.entries.map((e) => e.seq)).toEqual([3, 2]);
      expect(listed.entries[0]?.rowCounts).toEqual({ customers: 3 });
      await db.updateTable(AUDIT_TABLE).set({ reason: 'rule forged' }).where('seq', '=', 2).execute();
      const altered = await runCli(['--json', 'audit', 'verify', '--db', iso.url]);
      expect(altered.code).toBe(1);
      const report = JSON.parse(altered.stdout) as { ok: boolean; problems: { seq: number; kind: string }[] };
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.objectContaining({ seq: 2, kind: 'altered' }));
      await sql`select 1`.execute(db);
    });
  });
}

describe('CLI without a usable database', () => {
  it('refuses a missing SQLite file instead of creating it', async () => {
    const run = await runCli(['audit', 'verify', '--db', 'sqlite:/nonexistent/dir/x.db']);
    expect(isRegistreError(run.error) && run.error.code).toBe('REG_ERR_DB_UNREACHABLE');
  });

  it('`audit verify` exits 1 on a database without a trail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-audit-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const target = openTarget(`sqlite:${join(dir, 'empty.db')}`);
    await sql`create table t (id integer primary key)`.execute(target.db);
    await target.close();
    const run = await runCli(['--json', 'audit', 'verify', '--db', `sqlite:${join(dir, 'empty.db')}`]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false });
  });
});
