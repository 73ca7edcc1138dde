/**
 * Retention sweeps on every available dialect, against the fixture in test/fixtures/sweep/.
 * Expected counts come from SQL written by hand below with literal dates for 31 March 2025
 * (never from the planner), and month-end behaviour from `isEndActionDue` / `isPeriodOver`.
 */
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupDemoDatabase } from '../examples/demo/setup-demo-database.ts';
import { AUDIT_TABLE, verifyAudit } from '../src/audit/index.ts';
import { registerSweepCommand } from '../src/cli/commands/sweep.ts';
import type { AnyDb, DialectAdapter } from '../src/engine/db/types.ts';
import { type EngineContext, loadEngineContext } from '../src/engine/load-context.ts';
import { ensureRestrictionSchema, RESTRICTION_TABLE } from '../src/engine/subject/restriction-schema.ts';
import { dryRunSweep } from '../src/engine/sweep/dry-run-sweep.ts';
import { executeSweep } from '../src/engine/sweep/execute-sweep.ts';
import { planSweep } from '../src/engine/sweep/plan-sweep.ts';
import type { SweepPlan } from '../src/engine/sweep/types.ts';
import { isEndActionDue, isPeriodOver } from '../src/policy/retention/index.ts';
import { BOUNDARY, BOUNDARY_TODAY, insertBoundaryRows } from './fixtures/sweep/boundary-rows.ts';
import { createSweepSchema, seedSweepData } from './fixtures/sweep/schema.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const SECRET = 's'.repeat(40);
const AT = new Date('2025-03-31T08:00:00.000Z');

// Hand-written predicates for 31 March 2025 (see boundary-rows.ts for the arithmetic).
const PAYMENT_END = `(paid_on < '2025-03-01' and (debited_on < '2024-03-01' or (debited_on is null and paid_on < '2024-02-01')))`;
const HAND = {
  logs: `select id as k from login_logs where logged_at < '2024-10-01'`,
  prospects: `select code as k from prospects where status = 'prospect' and last_contact < '2022-03-31'`,
  paymentsEnd: `select id as k from payments where ${PAYMENT_END}`,
  paymentsArchive: `select id as k from payments where paid_on < '2025-03-01' and archived_at is null and not coalesce(${PAYMENT_END}, false)`,
  invoicesArchive: `select id as k from invoices where issued_on < '2022-03-31' and issued_on >= '2015-03-31' and archived_at is null`,
  invoicesHeld: `select id as k from invoices where issued_on < '2015-03-31' and disputed = true`,
  invoicesBlocked: `select id as k from invoices i where issued_on < '2015-03-31' and disputed = false
    and exists (select 1 from payments p where p.invoice_id = i.id and not coalesce(${PAYMENT_END.replaceAll('paid_on', 'p.paid_on').replaceAll('debited_on', 'p.debited_on')}, false))`,
  invoicesEnd: `select id as k from invoices i where issued_on < '2015-03-31' and disputed = false
    and not exists (select 1 from payments p where p.invoice_id = i.id and not coalesce(${PAYMENT_END.replaceAll('paid_on', 'p.paid_on').replaceAll('debited_on', 'p.debited_on')}, false))`,
  customersHeld: `select id as k from customers c where contract_end < '2020-03-31' and anonymised_at is null
    and (litigation = true or exists (select 1 from invoices i where i.customer_id = c.id and i.disputed = true))`,
  customersEnd: `select id as k from customers c where contract_end < '2020-03-31' and anonymised_at is null
    and litigation = false and not exists (select 1 from invoices i where i.customer_id = c.id and i.disputed = true)`,
} as const;

async function keys(db: AnyDb, query: string): Promise<string[]> {
  const result = await sql<{ k: unknown }>`${sql.raw(query)}`.execute(db);
  return result.rows.map((r) => String(r.k)).sort();
}

async function rowsOf(db: AnyDb, table: string, key: string, wanted: readonly string[]) {
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom(table)
    .selectAll()
    .where(key, 'in', [...wanted])
    .orderBy(key)
    .execute();
  return rows.map((r) => JSON.parse(JSON.stringify(r)));
}

function step(plan: SweepPlan, id: string) {
  const found = plan.steps.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no step ${id}`);
  return found;
}

const dialects = await availableDialects();

for (const dialect of dialects) {
  describe(`retention sweep on ${dialect}`, () => {
    let iso: IsolatedTarget;
    let context: EngineContext;
    let db: AnyDb;
    let restrictedProspects: string[];
    let restrictedCustomers: string[];
    const expected: Record<keyof typeof HAND, string[]> = {} as Record<keyof typeof HAND, string[]>;

    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      db = iso.target.db;
      context = await loadEngineContext('test/fixtures/sweep/datamap.yaml');
      await createSweepSchema(db, dialect);
      await seedSweepData(db, dialect, { customers: 300, seed: 11, today: BOUNDARY_TODAY });
      await insertBoundaryRows(db, dialect);
      // Restrict two due prospects and two due customers (Art 18): the sweep must leave them.
      await ensureRestrictionSchema(db);
      restrictedProspects = (await keys(db, HAND.prospects)).filter((k) => k.startsWith('P-')).slice(0, 2);
      restrictedCustomers = (await keys(db, HAND.customersEnd))
        .filter((k) => Number(k) < 900_000)
        .slice(0, 2);
      const restriction = (table: string, rowKey: string) => ({
        table_name: table,
        row_key: rowKey,
        subject_ref: 'subj_test',
        reason: 'accuracy-contested',
        since: '2025-03-01T00:00:00.000Z',
        notified_at: null,
        lifted_at: null,
      });
      await db
        .insertInto(RESTRICTION_TABLE)
        .values([
          ...restrictedProspects.map((k) => restriction('prospects', k)),
          ...restrictedCustomers.map((k) => restriction('customers', k)),
          // A lifted restriction restricts nothing.
          { ...restriction('login_logs', String(BOUNDARY.logDue)), lifted_at: '2025-03-02T00:00:00.000Z' },
        ])
        .execute();
      for (const name of Object.keys(HAND) as (keyof typeof HAND)[])
        expected[name] = await keys(db, HAND[name]);
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('plans exactly the rows the hand-written SQL counts, rule by rule', async () => {
      const plan = await planSweep(iso.target, context, { today: BOUNDARY_TODAY });
      expect(plan.errors).toEqual([]);
      expect(step(plan, 'login_logs/login-logs/end').rows.due).toBe(expected.logs.length);
      expect(step(plan, 'prospects/prospects/end').rows).toMatchObject({
        due: expected.prospects.length - 2,
        restricted: 2,
      });
      expect(step(plan, 'payments/payments/end').rows.due).toBe(expected.paymentsEnd.length);
      expect(step(plan, 'payments/payments/archive').rows.due).toBe(expected.paymentsArchive.length);
      expect(step(plan, 'invoices/invoices/archive').rows.due).toBe(expected.invoicesArchive.length);
      expect(step(plan, 'invoices/invoices/end').rows).toMatchObject({
        due: expected.invoicesEnd.length,
        held: expected.invoicesHeld.length,
        blocked: expected.invoicesBlocked.length,
      });
      expect(step(plan, 'customers/customer-data/end').rows).toMatchObject({
        due: expected.customersEnd.length - 2,
        held: expected.customersHeld.length,
        restricted: 2,
      });
      expect(expected.invoicesHeld.length).toBeGreaterThan(0);
      expect(expected.invoicesBlocked.length).toBeGreaterThan(0);
      expect(plan.totals.held).toBe(expected.invoicesHeld.length + expected.customersHeld.length);
    });

    it('puts month-end deadlines where isEndActionDue and isPeriodOver do, on several days', async () => {
      const logs = await db.selectFrom('login_logs').select(['logged_at']).execute();
      const payments = await db.selectFrom('payments').select(['paid_on', 'debited_on']).execute();
      const prospects = await db
        .selectFrom('prospects')
        .select(['last_contact'])
        .where('status', '=', 'prospect')
        .execute();
      const adapter: DialectAdapter = iso.target.adapter;
      const day = (v: unknown) => adapter.readDate(v);
      const rule = (id: string) => {
        const found = context.rules.get(id);
        if (found === undefined) throw new Error(id);
        return found.rule;
      };
      for (const iso8601 of ['2025-02-28', '2025-03-01', '2024-02-29', '2025-04-30', '2024-12-31']) {
        const today = new Date(`${iso8601}T00:00:00Z`);
        const plan = await planSweep(iso.target, context, { today });
        const endDue = (id: string, trigger: unknown, archiveTrigger?: unknown) => {
          const t = day(trigger);
          const a = archiveTrigger === undefined ? null : day(archiveTrigger);
          return t !== null && isEndActionDue(rule(id), t, today, a ?? undefined);
        };
        expect(step(plan, 'login_logs/login-logs/end').rows.pastDeadline, iso8601).toBe(
          logs.filter((r) => endDue('login-logs', r.logged_at)).length,
        );
        expect(step(plan, 'prospects/prospects/end').rows.pastDeadline, iso8601).toBe(
          prospects.filter((r) => endDue('prospects', r.last_contact)).length,
        );
        const paymentDue = payments.map((r) => endDue('payments', r.paid_on, r.debited_on));
        expect(step(plan, 'payments/payments/end').rows.pastDeadline, iso8601).toBe(
          paymentDue.filter(Boolean).length,
        );
        const activeOver = payments.filter((r, i) => {
          const paid = day(r.paid_on);
          return paid !== null && isPeriodOver(paid, rule('payments').duration, today) && !paymentDue[i];
        });
        expect(step(plan, 'payments/payments/archive').rows.pastDeadline, iso8601).toBe(activeOver.length);
      }
    });

    it('writes nothing on a dry run and shows the statements of every executable step', async () => {
      const dry = await dryRunSweep(iso.target, context, { today: BOUNDARY_TODAY, batchSize: 100 });
      expect(dry.statements.map((s) => s.step)).toEqual(dry.plan.steps.map((s) => s.id));
      for (const { statements } of dry.statements) expect(statements.length).toBeGreaterThanOrEqual(4);
      const schema = await iso.target.adapter.introspect(db);
      expect(schema.tables.has(AUDIT_TABLE)).toBe(false);
      expect(schema.tables.has('registre_run')).toBe(false);
    });

    it('executes exactly the planned rows, keeps held and restricted rows, and audits every batch', async () => {
      const heldInvoices = await rowsOf(db, 'invoices', 'id', [
        ...expected.invoicesHeld,
        ...expected.invoicesBlocked,
      ]);
      const keptCustomers = await rowsOf(db, 'customers', 'id', [
        ...expected.customersHeld,
        ...restrictedCustomers,
      ]);
      const anonymised = expected.customersEnd.filter((k) => !restrictedCustomers.includes(k));
      const before = await rowsOf(db, 'customers', 'id', anonymised);
      const lines = await keys(db, 'select count(*) as k from invoice_lines');

      const result = await executeSweep(iso.target, context, {
        today: BOUNDARY_TODAY,
        batchSize: 97,
        secret: SECRET,
        clock: () => AT,
        actor: 'cli:test',
      });
      expect(result.status).toBe('finished');
      expect(result.rows).toBe(result.plan.totals.due);

      expect(await keys(db, HAND.logs)).toEqual([]);
      expect(await keys(db, HAND.prospects)).toEqual([...restrictedProspects].sort());
      expect(await keys(db, HAND.paymentsEnd)).toEqual([]);
      expect(await keys(db, 'select id as k from payments where archived_at is not null')).toEqual(
        expected.paymentsArchive,
      );
      expect(await keys(db, 'select id as k from invoices where archived_at is not null')).toEqual(
        expected.invoicesArchive,
      );
      expect(await keys(db, "select id as k from invoices where issued_on < '2015-03-31'")).toEqual(
        [...expected.invoicesHeld, ...expected.invoicesBlocked].sort(),
      );
      expect(
        await rowsOf(db, 'invoices', 'id', [...expected.invoicesHeld, ...expected.invoicesBlocked]),
      ).toEqual(heldInvoices);
      expect(
        await rowsOf(db, 'customers', 'id', [...expected.customersHeld, ...restrictedCustomers]),
      ).toEqual(keptCustomers);
      expect(Number((await keys(db, 'select count(*) as k from invoice_lines'))[0])).toBeLessThan(
        Number(lines[0]),
      );

      const after = await rowsOf(db, 'customers', 'id', anonymised);
      for (const [i, row] of after.entries()) {
        const old = before[i];
        expect(row.id).toBe(old.id);
        expect(row.anonymised_at).not.toBeNull();
        // A keyed hash, cut to what the column holds (PostgreSQL reports no length: the original's).
        expect(row.email).toMatch(/^[0-9a-f]+$/);
        expect(row.email.length).toBeGreaterThanOrEqual(Math.min(16, old.email.length));
        expect(row.phone).toBeNull();
        expect(row.name).toMatch(/^\S\*+( \*+)*$/);
        if (old.postal_code !== null) expect(row.postal_code).toBe(`${old.postal_code.slice(0, 2)}000`);
        expect(row.contract_end).toEqual(old.contract_end);
      }

      const verification = await verifyAudit(db);
      expect(verification.ok).toBe(true);
      const entries = await db
        .selectFrom(AUDIT_TABLE)
        .select(['operation', 'row_counts', 'run_id'])
        .execute();
      const sums = new Map<string, number>();
      for (const entry of entries) {
        expect(entry.run_id).toBe(result.runId);
        for (const [table, n] of Object.entries(
          JSON.parse(String(entry.row_counts)) as Record<string, number>,
        )) {
          sums.set(`${entry.operation} ${table}`, (sums.get(`${entry.operation} ${table}`) ?? 0) + n);
        }
      }
      expect(Object.fromEntries(sums)).toEqual({
        'retention.delete login_logs': expected.logs.length,
        'retention.delete prospects': expected.prospects.length - 2,
        'retention.delete payments': expected.paymentsEnd.length,
        'retention.archive payments': expected.paymentsArchive.length,
        'retention.archive invoices': expected.invoicesArchive.length,
        'retention.delete invoices': expected.invoicesEnd.length,
        'retention.anonymise customers': anonymised.length,
      });
    });

    it('moves the boundary rows exactly as the calendar says', async () => {
      const b = BOUNDARY;
      expect(await keys(db, `select code as k from prospects where code like 'B-%'`)).toEqual([
        b.prospectKept,
      ]);
      expect(await keys(db, 'select id as k from login_logs where id >= 900000')).toEqual([
        String(b.logKept),
      ]);
      expect(
        await keys(db, 'select id as k from customers where id >= 900000 and anonymised_at is not null'),
      ).toEqual([String(b.customerDue)]);
      expect(await keys(db, 'select id as k from invoices where id >= 900002')).toEqual([
        String(b.invoiceArchived),
      ]);
      expect(await keys(db, 'select id as k from payments where id >= 900000')).toEqual(
        b.paymentsArchived.map(String),
      );
      expect(
        await keys(db, 'select id as k from payments where id >= 900000 and archived_at is not null'),
      ).toEqual(b.paymentsArchived.map(String));
    });

    it('does nothing the second time: no run, no audit entry', async () => {
      const count = async () => Number((await keys(db, `select count(*) as k from ${AUDIT_TABLE}`))[0]);
      const entries = await count();
      const again = await executeSweep(iso.target, context, { today: BOUNDARY_TODAY, secret: SECRET });
      expect(again).toMatchObject({ status: 'nothing-due', runId: null, rows: 0 });
      expect(await count()).toBe(entries);
      expect((await verifyAudit(db)).ok).toBe(true);
    });
  });
}

describe('retention sweep: refusals and the command line (SQLite)', () => {
  let iso: IsolatedTarget;
  let context: EngineContext;

  beforeAll(async () => {
    iso = await isolatedTarget('sqlite');
    context = await loadEngineContext('test/fixtures/sweep/datamap.yaml');
    await createSweepSchema(iso.target.db, 'sqlite');
    await seedSweepData(iso.target.db, 'sqlite', { customers: 60, seed: 5, today: BOUNDARY_TODAY });
    await insertBoundaryRows(iso.target.db, 'sqlite');
  });
  afterAll(async () => {
    await iso?.dispose();
  });

  it('prints the plan as one JSON document with --json, and as a table with a summary line', async () => {
    const run = async (...args: string[]) => {
      const chunks: string[] = [];
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        chunks.push(String(chunk));
        return true;
      });
      let exit = 0;
      try {
        const program = new Command().option('--json').exitOverride();
        registerSweepCommand(program, (code) => {
          exit = Math.max(exit, code);
        });
        await program.parseAsync(['node', 'registre', ...args]);
      } finally {
        spy.mockRestore();
      }
      return { text: chunks.join(''), exit };
    };
    const common = ['sweep', 'test/fixtures/sweep/datamap.yaml', '--db', iso.url, '--today', '2025-03-31'];
    const plan = await planSweep(iso.target, context, { today: BOUNDARY_TODAY });
    const json = await run('--json', ...common);
    expect(json.exit).toBe(0);
    expect(JSON.parse(json.text).plan.totals).toEqual(plan.totals);
    const text = await run(...common);
    const due = String(plan.totals.due).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(text.text).toContain(
      `${due} rows in ${plan.totals.tables} tables past retention, ${plan.totals.held} kept under legal hold`,
    );
    expect(text.text).toContain('customers/customer-data/end');
    const dry = await run(...common, '--dry-run', '--batch-size', '10');
    expect(dry.text).toContain('limit ?');
    expect(dry.text).toContain('delete from "prospects"');
    await expect(run(...common, '--today', '2025-02-30')).rejects.toThrow(/YYYY-MM-DD/);
  });

  it("honours the policy's legal holds: with a duration from the trigger, or warns without one", async () => {
    const withHolds = (holds: { reason: string; duration?: string }[]): EngineContext => {
      const rules = new Map(context.rules);
      const ref = rules.get('prospects');
      if (ref === undefined) throw new Error('prospects rule');
      rules.set('prospects', { ...ref, rule: { ...ref.rule, legalHolds: holds } });
      return { ...context, rules };
    };
    const plan = await planSweep(iso.target, withHolds([{ reason: 'limitation-period', duration: 'P4Y' }]), {
      today: BOUNDARY_TODAY,
    });
    // 30 March 2021 + 4 years = 30 March 2025, over on the 31st: held from 31 March 2021 on.
    const held = await keys(
      iso.target.db,
      "select code as k from prospects where status = 'prospect' and last_contact < '2022-03-31' and last_contact >= '2021-03-31'",
    );
    expect(held.length).toBeGreaterThan(0);
    expect(step(plan, 'prospects/prospects/end').holds).toEqual([
      { reason: 'limitation-period', source: 'policy', condition: 'last_contact + P4Y', rows: held.length },
    ]);
    const unstated = await planSweep(iso.target, withHolds([{ reason: 'legal-claims' }]), {
      today: BOUNDARY_TODAY,
    });
    expect(unstated.warnings.join('\n')).toMatch(/legal hold 'legal-claims' without a duration.*'prospects'/);
  });

  it('refuses to execute when an unmapped table would block a deletion, before any effect', async () => {
    const db = iso.target.db;
    await db.schema
      .createTable('credit_notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id').onDelete('restrict'))
      .execute();
    await db.insertInto('credit_notes').values({ id: 1, invoice_id: BOUNDARY.invoiceDeleted }).execute();
    const plan = await planSweep(iso.target, context, { today: BOUNDARY_TODAY });
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatch(/credit_notes.*not in the data map.*1 row/);
    const before = await keys(db, 'select count(*) as k from login_logs');
    await expect(
      executeSweep(iso.target, context, { today: BOUNDARY_TODAY, secret: SECRET }),
    ).rejects.toMatchObject({
      code: 'REG_ERR_DATAMAP_INVALID',
    });
    expect(await keys(db, 'select count(*) as k from login_logs')).toEqual(before);
    expect(await keys(db, `select count(*) as k from ${AUDIT_TABLE}`)).toEqual(['0']);
    await db.deleteFrom('credit_notes').execute();
    expect((await planSweep(iso.target, context, { today: BOUNDARY_TODAY })).errors).toEqual([]);
  });

  it('refuses to execute when anonymisation would write null into a NOT NULL column', async () => {
    const db = iso.target.db;
    const customers = context.datamap.tables.customers;
    if (customers?.erasure.strategy !== 'anonymise') throw new Error('the fixture anonymises customers');
    // customers.name is NOT NULL in the fixture's schema.
    const broken: EngineContext = {
      ...context,
      datamap: {
        ...context.datamap,
        tables: {
          ...context.datamap.tables,
          customers: {
            ...customers,
            erasure: { ...customers.erasure, columns: { ...customers.erasure.columns, name: 'null' } },
          },
        },
      },
    };
    const plan = await planSweep(iso.target, broken, { today: BOUNDARY_TODAY });
    expect(plan.errors).toEqual([
      "customers/customer-data/end: tables.customers.erasure.columns.name: column 'customers.name' is NOT NULL; it cannot be anonymised to null",
    ]);
    const audit = await keys(db, `select count(*) as k from ${AUDIT_TABLE}`);
    await expect(
      executeSweep(iso.target, broken, { today: BOUNDARY_TODAY, secret: SECRET }),
    ).rejects.toMatchObject({
      code: 'REG_ERR_DATAMAP_INVALID',
    });
    expect(await keys(db, `select count(*) as k from ${AUDIT_TABLE}`)).toEqual(audit);
    // The fixture's own map (phone, nullable, to null) plans without error.
    expect((await planSweep(iso.target, context, { today: BOUNDARY_TODAY })).errors).toEqual([]);
  });

  it('reports a failing step in its result, runs the others, and resumes the same run later', async () => {
    const db = iso.target.db;
    await sql`create trigger prospects_frozen before delete on prospects begin select raise(abort, 'frozen'); end`.execute(
      db,
    );
    const first = await executeSweep(iso.target, context, {
      today: BOUNDARY_TODAY,
      secret: SECRET,
      batchSize: 20,
    });
    expect(first.status).toBe('failed');
    const failed = first.steps.filter((s) => s.status === 'failed');
    expect(failed.map((s) => s.step)).toEqual(['prospects/prospects/end']);
    expect(failed[0]?.error).toMatch(/frozen/);
    expect(first.steps.filter((s) => s.status === 'done').length).toBe(first.steps.length - 1);
    expect(await keys(db, HAND.logs)).toEqual([]);

    await sql`drop trigger prospects_frozen`.execute(db);
    const second = await executeSweep(iso.target, context, { today: BOUNDARY_TODAY, secret: SECRET });
    expect(second).toMatchObject({ status: 'finished', resumed: true, runId: first.runId });
    expect(second.rows).toBe(first.plan.steps.find((s) => s.id === 'prospects/prospects/end')?.rows.due);
    expect(await keys(db, HAND.prospects)).toEqual([]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});

for (const dialect of dialects) {
  describe(`retention sweep of the demo organisation on ${dialect}`, () => {
    let iso: IsolatedTarget;

    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      await setupDemoDatabase(iso.target, { subjects: 600, seed: 4, today: BOUNDARY_TODAY });
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('removes exactly the rows past their deadline, then has nothing left to do', async () => {
      const db = iso.target.db;
      const q = (name: string) => (dialect === 'mysql' ? `\`${name}\`` : `"${name}"`);
      // P6M, P13M, P1M and P10Y from the trigger, for 31 March 2025 (same arithmetic as the
      // fixture's). Invoices: the 10-year accounting hold ends with the period, and payments
      // referencing them (ON DELETE SET NULL) do not block the deletion.
      const hand = {
        'login_events/security-logs/end': `select id as k from login_events where ${q('at')} < '2024-10-01'`,
        'cookie_consents/cookie-consents/end': `select id as k from cookie_consents where deposited_at < '2024-03-01'`,
        'call_recordings/call-recordings/end': `select id as k from call_recordings where recorded_at < '2025-03-01'`,
        'invoices/invoices/end': `select id as k from invoices where issued_on < '2015-03-31'`,
      };
      const paidOldInvoices = `select p.id as k from payments p join invoices i on i.id = p.invoice_id
        where i.issued_on < '2015-03-31'`;
      const context = await loadEngineContext('examples/demo/datamap.yaml');
      const plan = await planSweep(iso.target, context, { today: BOUNDARY_TODAY });
      expect(plan.errors).toEqual([]);
      for (const [id, query] of Object.entries(hand)) {
        const expected = (await keys(db, query)).length;
        expect(expected, id).toBeGreaterThan(0);
        expect(step(plan, id).rows, id).toMatchObject({ pastDeadline: expected, due: expected });
      }
      expect(step(plan, 'invoices/invoices/end').effect).toBe('delete');
      const invoicesBefore = (await keys(db, 'select id as k from invoices')).length;
      const paymentsBefore = await keys(db, 'select id as k from payments');
      const unlinked = await keys(db, paidOldInvoices);
      expect(unlinked.length).toBeGreaterThan(0);
      const result = await executeSweep(iso.target, context, { today: BOUNDARY_TODAY, secret: SECRET });
      expect(result).toMatchObject({ status: 'finished', rows: plan.totals.due });
      for (const query of Object.values(hand)) expect(await keys(db, query)).toEqual([]);
      // Exactly the invoices past their 10 years went; their payments stay, without the link.
      expect((await keys(db, 'select id as k from invoices')).length).toBe(
        invoicesBefore - step(plan, 'invoices/invoices/end').rows.due,
      );
      expect(await keys(db, 'select id as k from payments')).toEqual(paymentsBefore);
      expect(
        await keys(
          db,
          `select id as k from payments where invoice_id is null and id in (${unlinked.join(', ')})`,
        ),
      ).toEqual(unlinked);
      const byEffect = { archive: 0, delete: 0, anonymise: 0 };
      const entries = await db.selectFrom(AUDIT_TABLE).select(['operation', 'row_counts']).execute();
      for (const entry of entries) {
        const effect = String(entry.operation).slice('retention.'.length) as keyof typeof byEffect;
        for (const n of Object.values(JSON.parse(String(entry.row_counts)) as Record<string, number>)) {
          byEffect[effect] += n;
        }
      }
      expect(byEffect).toEqual(plan.totals.byEffect);
      expect((await verifyAudit(db)).ok).toBe(true);
      const after = await planSweep(iso.target, context, { today: BOUNDARY_TODAY });
      expect(after.totals.due).toBe(0);
      expect(after.totals.kept).toBe(plan.totals.kept);
    });
  });
}
