/**
 * The demo organisation (examples/demo): its policy loads cleanly, its data map describes the
 * live schema column for column, and the generator fills every dialect with the same valid,
 * consistent rows, spread on both sides of every retention deadline.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { createRng } from '../examples/demo/fake/prng.ts';
import { generateDemo } from '../examples/demo/generate.ts';
import { DEMO_PERIODS } from '../examples/demo/rows/rules.ts';
import { createDemoSchema, DEMO_TABLES, type DemoColumnKind, demoTable } from '../examples/demo/schema.ts';
import { setupDemoDatabase } from '../examples/demo/setup-demo-database.ts';
import { registerDemoCommand } from '../src/cli/commands/demo.ts';
import { type TDataMap, ZDataMap } from '../src/datamap/model.ts';
import { ibanValid, luhnValid, nirValid } from '../src/datamap/scanner/checksums.ts';
import type { DialectName, TargetDb } from '../src/engine/db/types.ts';
import { loadPolicy } from '../src/policy/load-policy.ts';
import type { TRetentionRule } from '../src/policy/model.ts';
import { isEndActionDue } from '../src/policy/retention/index.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const POLICY = new URL('../examples/demo/policy.yaml', import.meta.url).pathname;
const DATAMAP = new URL('../examples/demo/datamap.yaml', import.meta.url).pathname;
const TODAY = new Date('2025-03-31T00:00:00Z');
const SEED = 424242;
const SUBJECTS = 300;

type Row = Record<string, unknown>;

/** A value read back from any dialect, in one canonical text form per column kind. */
function canonical(kind: DemoColumnKind, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (kind === 'day') {
    if (value instanceof Date) {
      // Drivers return a day either as UTC midnight or as local midnight.
      const utcMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0;
      const d = utcMidnight
        ? value
        : new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate()));
      return d.toISOString().slice(0, 10);
    }
    return String(value).slice(0, 10);
  }
  if (kind === 'instant') return (value instanceof Date ? value : new Date(String(value))).toISOString();
  if (kind === 'id' || kind === 'int') return Number(value);
  return String(value);
}

async function dump(target: TargetDb, table: string): Promise<Row[]> {
  const columns = demoTable(table).columns;
  const rows = (await target.db.selectFrom(table).selectAll().orderBy('id').execute()) as Row[];
  return rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, canonical(c.kind, row[c.name])])));
}

const DUMPED_TABLES = ['customers', 'debtors', 'payments', 'marketing_consents', 'login_events'];

describe('demo policy and data map', () => {
  it('the policy loads with no error and no warning, and the generator spreads dates around its periods', async () => {
    const result = await loadPolicy(POLICY);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
    expect(result.warnings.map((w) => w.message)).toEqual([]);
    if (!result.ok) return;
    const rules = new Map(result.policy.activities.flatMap((a) => a.retention.map((r) => [r.id, r])));
    const periodOf = (id: string) => {
      const rule = rules.get(id);
      return rule?.archive?.duration ?? rule?.duration;
    };
    expect(DEMO_PERIODS.customerMasterData).toBe(periodOf('customer-master-data'));
    expect(DEMO_PERIODS.customerContacts).toBe(periodOf('customer-contacts'));
    expect(DEMO_PERIODS.invoices).toBe(periodOf('invoices'));
    expect(DEMO_PERIODS.paymentMeans).toBe(periodOf('payment-means'));
    expect(DEMO_PERIODS.debtorData).toBe(periodOf('debtor-data'));
    expect(DEMO_PERIODS.prospects).toBe(periodOf('prospects'));
    expect(DEMO_PERIODS.securityLogs).toBe(periodOf('security-logs'));
    expect(DEMO_PERIODS.supportTickets).toBe(periodOf('support-tickets'));
    expect(DEMO_PERIODS.callRecordings).toBe(periodOf('call-recordings'));
    expect(DEMO_PERIODS.webinars).toBe(periodOf('webinar-registrations'));
    expect(DEMO_PERIODS.events).toBe(periodOf('event-registrations'));
    expect(DEMO_PERIODS.cookies).toBe(periodOf('cookie-consents'));
  });

  it('the data map is valid and annotates exactly the columns the schema declares', () => {
    const datamap = ZDataMap.parse(parse(readFileSync(DATAMAP, 'utf8')));
    expect(Object.keys(datamap.tables).sort()).toEqual(DEMO_TABLES.map((t) => t.name).sort());
    for (const table of DEMO_TABLES) {
      const mapped = datamap.tables[table.name];
      expect(Object.keys(mapped?.columns ?? {}).sort(), table.name).toEqual(
        table.columns.map((c) => c.name).sort(),
      );
    }
  });
});

describe('demo fake data', () => {
  it('the generator is deterministic per seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

const datamap: TDataMap = ZDataMap.parse(parse(readFileSync(DATAMAP, 'utf8')));
const dumps = new Map<DialectName, Map<string, Row[]>>();

for (const dialect of await availableDialects()) {
  describe(`demo database on ${dialect}`, () => {
    let iso: IsolatedTarget;
    let rules: Map<string, TRetentionRule>;

    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      await createDemoSchema(iso.target.db, iso.target.dialect);
      const stats = await generateDemo(iso.target, { subjects: SUBJECTS, seed: SEED, today: TODAY });
      expect(stats.totalRows).toBe(Object.values(stats.tables).reduce((s, n) => s + n, 0));
      const loaded = await loadPolicy(POLICY);
      if (!loaded.ok) throw new Error('demo policy does not load');
      rules = new Map(loaded.policy.activities.flatMap((a) => a.retention.map((r) => [r.id, r])));
      dumps.set(
        dialect,
        new Map(await Promise.all(DUMPED_TABLES.map(async (t) => [t, await dump(iso.target, t)] as const))),
      );
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('gives the same rows as every other dialect for the same seed', () => {
      const mine = dumps.get(dialect);
      expect(mine?.get('customers')?.length).toBeGreaterThan(0);
      const first = dumps.values().next().value;
      expect(mine).toEqual(first);
    });

    it('has valid IBANs, card numbers and NIRs', async () => {
      const db = iso.target.db;
      const ibans = [
        ...(await db.selectFrom('payments').select('iban').where('iban', 'is not', null).execute()),
        ...(await db.selectFrom('bank_accounts').select('iban').execute()),
      ].map((r) => String(r.iban));
      expect(ibans.length).toBeGreaterThan(10);
      expect(ibans.filter((iban) => !ibanValid(iban))).toEqual([]);
      expect(new Set(ibans.map((iban) => iban.slice(0, 2)))).toEqual(new Set(['FR', 'BE']));
      const cards = (
        await db.selectFrom('payments').select('card_number').where('card_number', 'is not', null).execute()
      ).map((r) => String(r.card_number));
      expect(cards.length).toBeGreaterThan(5);
      expect(cards.filter((card) => !luhnValid(card))).toEqual([]);
      const nirs = (
        await db
          .selectFrom('debtors')
          .select('national_id')
          .where('country', '=', 'FR')
          .where('national_id', 'is not', null)
          .execute()
      ).map((r) => String(r.national_id));
      expect(nirs.length).toBeGreaterThan(0);
      expect(nirs.filter((nir) => !nirValid(nir))).toEqual([]);
    });

    it('keeps every foreign key consistent', async () => {
      for (const table of DEMO_TABLES) {
        for (const column of table.columns) {
          if (column.references === undefined) continue;
          const orphans = await sql<{ n: number | string }>`
            select count(*) as n from ${sql.table(table.name)} c
            left join ${sql.table(column.references)} p on p.id = c.${sql.ref(column.name)}
            where c.${sql.ref(column.name)} is not null and p.id is null`.execute(iso.target.db);
          expect(Number(orphans.rows[0]?.n), `${table.name}.${column.name}`).toBe(0);
        }
      }
    });

    it('has rows past and rows not yet past every retention rule of the data map', async () => {
      for (const [name, table] of Object.entries(datamap.tables)) {
        for (const use of table.retention) {
          const rule = rules.get(use.rule);
          expect(rule, use.rule).toBeDefined();
          if (rule === undefined) continue;
          const columns = [use.trigger, ...(use.archiveTrigger === undefined ? [] : [use.archiveTrigger])];
          const rows = (await iso.target.db.selectFrom(name).select(columns).execute()) as Row[];
          let due = 0;
          let notDue = 0;
          for (const row of rows) {
            const trigger = iso.target.adapter.readDate(row[use.trigger]);
            const archive =
              use.archiveTrigger === undefined
                ? undefined
                : iso.target.adapter.readDate(row[use.archiveTrigger]);
            if (trigger !== null && isEndActionDue(rule, trigger, TODAY, archive ?? undefined)) due++;
            else notDue++;
          }
          expect(due, `${name}: rows past rule ${rule.id}`).toBeGreaterThan(0);
          expect(notDue, `${name}: rows not yet past rule ${rule.id}`).toBeGreaterThan(0);
        }
      }
    });

    it('the data map matches the live schema: every mapped table and column exists', async () => {
      const schema = await iso.target.adapter.introspect(iso.target.db);
      for (const [name, table] of Object.entries(datamap.tables)) {
        const live = schema.tables.get(name);
        expect(live, name).toBeDefined();
        const liveColumns = new Set(live?.columns.map((c) => c.name));
        for (const column of Object.keys(table.columns))
          expect(liveColumns.has(column), `${name}.${column}`).toBe(true);
        for (const step of table.path ?? [])
          expect(liveColumns.has(step.column), `${name} path ${step.column}`).toBe(true);
        expect(live?.primaryKey).toEqual([table.key]);
      }
      // Every foreign key is indexed.
      for (const fk of schema.foreignKeys) {
        const indexed = schema.indexes.get(fk.table)?.some((cols) => cols[0] === fk.column);
        expect(indexed, `${fk.table}.${fk.column}`).toBe(true);
      }
    });
  });
}

describe('registre demo generate', () => {
  let iso: IsolatedTarget;
  beforeAll(async () => {
    iso = await isolatedTarget('sqlite');
  });
  afterAll(async () => {
    await iso?.dispose();
  });

  async function run(args: string[]): Promise<{ stdout: string; error?: Error }> {
    const program = new Command().name('registre').option('--json').exitOverride();
    registerDemoCommand(program, () => undefined);
    let stdout = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    try {
      await program.parseAsync(['node', 'registre', ...args]);
      return { stdout };
    } catch (error) {
      return { stdout, error: error as Error };
    } finally {
      spy.mockRestore();
    }
  }

  it('creates the schema, prints counts per table as JSON, and refuses to overwrite without --reset', async () => {
    const args = [
      '--json',
      'demo',
      'generate',
      '--db',
      iso.url,
      '--subjects',
      '30',
      '--seed',
      '3',
      '--today',
      '2024-02-29',
    ];
    const first = await run(args);
    expect(first.error).toBeUndefined();
    const result = JSON.parse(first.stdout) as {
      ok: boolean;
      today: string;
      tables: Record<string, number>;
      totalRows: number;
    };
    expect(result.ok).toBe(true);
    expect(result.today).toBe('2024-02-29');
    expect(Object.keys(result.tables)).toEqual(DEMO_TABLES.map((t) => t.name));
    const counted = await iso.target.db
      .selectFrom('debtors')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(counted?.n)).toBe(result.tables.debtors);

    const again = await run(args);
    expect(again.error?.message).toMatch(/--reset/);
    const reset = await run([...args, '--reset']);
    expect(reset.error).toBeUndefined();
    expect((JSON.parse(reset.stdout) as { totalRows: number }).totalRows).toBe(result.totalRows);

    const badDay = await run(['demo', 'generate', '--db', iso.url, '--reset', '--today', '2025-02-30']);
    expect(badDay.error?.message).toMatch(/YYYY-MM-DD/);
  });

  it('setupDemoDatabase gives the same rows for the same seed after a reset', async () => {
    const before = await dump(iso.target, 'payments');
    await setupDemoDatabase(iso.target, {
      subjects: 30,
      seed: 3,
      today: new Date('2024-02-29T00:00:00Z'),
      reset: true,
    });
    expect(await dump(iso.target, 'payments')).toEqual(before);
    await setupDemoDatabase(iso.target, {
      subjects: 30,
      seed: 4,
      today: new Date('2024-02-29T00:00:00Z'),
      reset: true,
    });
    expect(await dump(iso.target, 'payments')).not.toEqual(before);
  });
});
