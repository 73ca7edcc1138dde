/**
 * Art 17 erasure on every available dialect: the plan says what happens to every row and why,
 * execution does exactly that (checked against hand-written SQL), keeps held rows with their
 * reasons, touches nobody else, is idempotent, and leaves a verifiable audit trail.
 */
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import { createSubjectContext } from '../src/engine/subject/context.ts';
import { describeErasurePlan } from '../src/engine/subject/describe-erasure.ts';
import { executeErasure } from '../src/engine/subject/execute-erasure.ts';
import { findSubject, type Subject } from '../src/engine/subject/find-subject.ts';
import { planErasure } from '../src/engine/subject/plan-erasure.ts';
import { restrictProcessing } from '../src/engine/subject/restrict.ts';
import { addDays, retentionCutoff } from '../src/policy/retention/duration.ts';
import { FIXTURE_TABLES, FIXTURE_TODAY, JEANNE_EMAIL } from './fixtures/subject/database.ts';
import { type Fixture, openFixture, TEST_SECRET } from './fixtures/subject/setup.ts';
import { availableDialects } from './support/targets.ts';

const ids = (rows: readonly { id: unknown }[]) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);

/** Jeanne's rows (customer 1, prospect 1) and what the data map and policy say must become of them. */
async function expectations(db: AnyDb, heldDay: unknown) {
  const q = async (query: ReturnType<typeof sql>) => ids((await query.execute(db)).rows as { id: unknown }[]);
  const invoices = await q(sql`select id from invoices where customer_id = 1`);
  const heldInvoices = await q(
    sql`select id from invoices where customer_id = 1 and issued_on >= ${heldDay}`,
  );
  const heldPayments = await q(sql`select y.id from payments y join invoices i on i.id = y.invoice_id
    where i.customer_id = 1 and y.paid_on >= ${heldDay}`);
  const paidInvoices = await q(sql`select i.id from invoices i join payments y on y.invoice_id = i.id
    where i.customer_id = 1 and y.paid_on >= ${heldDay}`);
  const lines = await q(
    sql`select l.id from invoice_lines l join invoices i on i.id = l.invoice_id where i.customer_id = 1`,
  );
  const heldLines = await q(sql`select l.id from invoice_lines l join invoices i on i.id = l.invoice_id
    where i.customer_id = 1 and i.issued_on >= ${heldDay}`);
  const tickets = await q(sql`select id from support_tickets where customer_id = 1`);
  const litigation = await q(sql`select id from support_tickets where customer_id = 1 and litigation = true`);
  return {
    deleted: {
      invoices: invoices.filter((id) => !heldInvoices.includes(id) && !paidInvoices.includes(id)),
      invoice_lines: lines.filter((id) => !heldLines.includes(id)),
      payments: [] as number[],
      prospects: await q(sql`select id from prospects where id = 1`),
      webinar_registrations: await q(sql`select id from webinar_registrations where prospect_id = 1`),
    },
    heldInvoices,
    referencedInvoices: paidInvoices.filter((id) => !heldInvoices.includes(id)),
    heldPayments,
    heldLines,
    anonymisedTickets: tickets.filter((id) => !litigation.includes(id)),
    litigation,
    logins: await q(sql`select id from login_events where customer_id = 1`),
  };
}

/** Every row of every fixture table that is not Jeanne's, to prove nobody else is touched. */
async function othersSnapshot(db: AnyDb, jeanne: Record<string, number[]>) {
  const out: Record<string, unknown[]> = {};
  for (const table of FIXTURE_TABLES) {
    const mine = new Set(jeanne[table] ?? []);
    const rows = await db.selectFrom(table).selectAll().orderBy('id').execute();
    out[table] = rows.filter((r) => !mine.has(Number(r.id)));
  }
  return out;
}

async function jeanneKeys(fx: Fixture, subject: Subject) {
  const plan = await planErasure(fx.ctx, subject);
  return Object.fromEntries(
    plan.tables.map((t) => [t.table, [...t.erase, ...t.kept.flatMap((k) => k.keys)].map(Number)]),
  );
}

for (const dialect of await availableDialects()) {
  describe(`subject erasure on ${dialect}`, () => {
    let fx: Fixture;
    let jeanne: Subject;
    let heldDay: unknown;
    beforeEach(async () => {
      fx = await openFixture(dialect);
      jeanne = await findSubject(fx.ctx, { email: JEANNE_EMAIL });
      heldDay = fx.ctx.target.adapter.dayParam(addDays(retentionCutoff(FIXTURE_TODAY, 'P10Y'), 1));
    });
    afterEach(async () => {
      await fx?.iso.dispose();
    });

    it('plans, for every table, what happens to each row and why', async () => {
      const want = await expectations(fx.ctx.target.db, heldDay);
      // The fixture exercises every case: something deleted, held, referenced, anonymised, refused.
      expect(
        want.deleted.invoices.length * want.deleted.invoice_lines.length * want.deleted.prospects.length,
      ).toBeGreaterThan(0);
      expect(
        want.heldInvoices.length * want.referencedInvoices.length * want.heldLines.length,
      ).toBeGreaterThan(0);
      expect(want.anonymisedTickets.length * want.litigation.length * want.logins.length).toBeGreaterThan(0);
      const plan = await planErasure(fx.ctx, jeanne);
      const table = (name: string) => plan.tables.find((t) => t.table === name);
      const keptBy = (name: string, kind: string) =>
        (table(name)?.kept ?? []).filter((k) => k.reason.kind === kind).flatMap((k) => k.keys.map(Number));
      for (const [name, keys] of Object.entries(want.deleted)) {
        expect(
          table(name)
            ?.erase.map(Number)
            .sort((a, b) => a - b),
          name,
        ).toEqual(keys);
      }
      expect(keptBy('invoices', 'legal-hold')).toEqual(want.heldInvoices);
      expect(table('invoices')?.kept.find((k) => k.reason.kind === 'referenced')).toEqual({
        reason: { kind: 'referenced', table: 'payments' },
        keys: want.referencedInvoices.map((id) => expect.toSatisfy((k) => Number(k) === id)),
      });
      expect(keptBy('payments', 'legal-hold')).toEqual(want.heldPayments);
      expect(keptBy('invoice_lines', 'legal-hold')).toEqual(want.heldLines);
      expect(table('support_tickets')?.erase.map(Number)).toEqual(want.anonymisedTickets);
      expect(table('support_tickets')?.kept).toEqual([
        {
          reason: { kind: 'legal-hold', reason: 'legal-claims' },
          keys: want.litigation.map((id) => expect.toSatisfy((k) => Number(k) === id)),
        },
      ]);
      expect(table('login_events')?.kept).toEqual([
        {
          reason: { kind: 'right-not-available', activity: 'security-logs', reasons: ['legal-obligation'] },
          keys: want.logins.map((id) => expect.toSatisfy((k) => Number(k) === id)),
        },
      ]);
      expect(table('customers')).toMatchObject({
        strategy: 'anonymise',
        erase: [expect.anything()],
        kept: [],
      });
      // Children come before the tables they reference.
      const order = plan.tables.map((t) => t.table);
      expect(order.indexOf('invoice_lines')).toBeLessThan(order.indexOf('invoices'));
      expect(order.indexOf('payments')).toBeLessThan(order.indexOf('invoices'));
      expect(order.indexOf('invoices')).toBeLessThan(order.indexOf('customers'));
      expect(order.indexOf('webinar_registrations')).toBeLessThan(order.indexOf('prospects'));
      const words = describeErasurePlan(fx.ctx, plan, 'fr').join('\n');
      expect(words).toContain(
        "le droit à l'effacement ne s'applique pas au traitement « Journaux de connexion »",
      );
      expect(words).toContain('obligations comptables');
      expect(words).toContain('des données conservées de « payments » y font référence');
      // Planning changes nothing.
      expect(await jeanneKeys(fx, jeanne)).toEqual(
        Object.fromEntries(
          plan.tables.map((t) => [t.table, [...t.erase, ...t.kept.flatMap((k) => k.keys)].map(Number)]),
        ),
      );
    });

    it('deletes and anonymises exactly what the plan says, keeps the rest, touches nobody else', async () => {
      const db = fx.ctx.target.db;
      const want = await expectations(db, heldDay);
      const mine = await jeanneKeys(fx, jeanne);
      const others = await othersSnapshot(db, mine);
      const result = await executeErasure(fx.ctx, jeanne, { batchSize: 1 });
      expect(result.ok).toBe(true);

      for (const [table, deleted] of Object.entries(want.deleted)) {
        const left = ids(
          await db
            .selectFrom(table)
            .select('id')
            .where('id', 'in', mine[table] ?? [-1])
            .execute(),
        );
        expect(left, table).toEqual(
          (mine[table] ?? []).filter((id) => !deleted.includes(id)).sort((a, b) => a - b),
        );
      }
      expect(await othersSnapshot(db, mine)).toEqual(others);

      const customer = (await db
        .selectFrom('customers')
        .selectAll()
        .where('id', '=', 1)
        .executeTakeFirstOrThrow()) as Record<string, unknown>;
      const fullHash = createHmac('sha256', TEST_SECRET)
        .update('anonymise\u0000Jeanne.Martin@Example.fr')
        .digest('hex');
      expect(fullHash.startsWith(String(customer.email))).toBe(true);
      expect(String(customer.email).length).toBeGreaterThanOrEqual(24);
      expect(customer.phone).toBe('+33 6 ** ** ** 78');
      expect(customer.full_name).toBeNull();
      expect(customer.postal_code).toBe('69000');
      expect(fx.ctx.target.adapter.readDate(customer.birth_date)?.toISOString().slice(0, 10)).toBe(
        '1984-01-01',
      );
      expect(customer.status).toBe('active');
      expect(customer.anonymised_at).not.toBeNull();

      const tickets = await db
        .selectFrom('support_tickets')
        .selectAll()
        .where('customer_id', '=', 1)
        .orderBy('id')
        .execute();
      for (const ticket of tickets as Record<string, unknown>[]) {
        if (want.anonymisedTickets.includes(Number(ticket.id))) {
          expect(ticket).toMatchObject({ subject: null, body: '[supprimé]' });
          expect(ticket.anonymised_at).not.toBeNull();
        } else {
          expect(ticket.body).toContain('contentieux');
          expect(ticket.anonymised_at).toBeNull();
        }
      }
      expect(
        ids(await db.selectFrom('login_events').select('id').where('customer_id', '=', 1).execute()),
      ).toEqual(want.logins);
    });

    it('writes one audit entry per table effect, and the trail verifies', async () => {
      const db = fx.ctx.target.db;
      const result = await executeErasure(fx.ctx, jeanne, { reason: 'request R-7' });
      const entries = (await db.selectFrom('registre_audit').selectAll().orderBy('seq').execute()) as Record<
        string,
        unknown
      >[];
      const done = result.effects.filter((e) => e.rows > 0);
      expect(
        entries.map((e) => [e.operation, JSON.parse(String(e.tables))[0], JSON.parse(String(e.row_counts))]),
      ).toEqual(done.map((e) => ['subject.erase', e.table, { [e.table]: e.rows }]));
      expect(entries.every((e) => e.subject_ref === jeanne.ref && e.reason === 'request R-7')).toBe(true);
      expect(JSON.stringify(entries).toLowerCase()).not.toContain('jeanne');
      expect((await verifyAudit(db)).ok).toBe(true);
    });

    it('is idempotent: a second run finds nothing to do and writes nothing', async () => {
      const db = fx.ctx.target.db;
      await executeErasure(fx.ctx, jeanne);
      const before = await db.selectFrom('registre_audit').select('seq').execute();
      const again = await executeErasure(fx.ctx, jeanne);
      expect(again.effects).toEqual([]);
      expect(again.plan.totals.deleted + again.plan.totals.anonymised).toBe(0);
      expect(again.plan.totals.alreadyAnonymised).toBe(2);
      expect(await db.selectFrom('registre_audit').select('seq').execute()).toHaveLength(before.length);
    });

    it('drops the restriction entries of deleted rows and keeps those of kept rows', async () => {
      const db = fx.ctx.target.db;
      await restrictProcessing(fx.ctx, jeanne, 'accuracy-contested');
      const plan = await planErasure(fx.ctx, jeanne);
      expect(plan.tables.find((t) => t.table === 'login_events')?.restricted).toBe(2);
      await executeErasure(fx.ctx, jeanne);
      const rows = await db.selectFrom('registre_restriction').select(['table_name', 'row_key']).execute();
      const deleted = plan.tables.flatMap((t) =>
        t.strategy === 'delete' ? t.erase.map((k) => `${t.table}:${k}`) : [],
      );
      const left = rows.map((r) => `${r.table_name}:${r.row_key}`);
      expect(deleted.length).toBeGreaterThan(0);
      for (const key of deleted) expect(left).not.toContain(key);
      expect(left).toContain('login_events:1');
      expect(left).toContain('customers:1');
    });

    it('keeps a row that a table outside the data map refers to', async () => {
      const db = fx.ctx.target.db;
      await db.schema
        .createTable('crm_notes')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('prospect_id', 'integer', (c) => c.references('prospects.id'))
        .execute();
      await db.insertInto('crm_notes').values({ id: 1, prospect_id: 1 }).execute();
      const ctx = await createSubjectContext({ ...fx.ctx, clock: fx.ctx.clock });
      const result = await executeErasure(ctx, jeanne);
      expect(result.ok).toBe(true);
      const prospects = result.plan.tables.find((t) => t.table === 'prospects');
      expect(prospects?.erase).toEqual([]);
      expect(prospects?.kept.map((k) => k.reason)).toEqual([{ kind: 'referenced', table: 'crm_notes' }]);
      expect(await db.selectFrom('prospects').select('id').where('id', '=', 1).execute()).toHaveLength(1);
      expect(
        await db.selectFrom('webinar_registrations').select('id').where('prospect_id', '=', 1).execute(),
      ).toHaveLength(0);
    });
  });
}
