/**
 * Finding a subject and Art 15 access on every available dialect: every row of the subject in
 * every table and nothing of anyone else, checked against hand-written SQL per table.
 */
import { type RawBuilder, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import { executeAccess } from '../src/engine/subject/execute-access.ts';
import { findSubject } from '../src/engine/subject/find-subject.ts';
import { planAccess } from '../src/engine/subject/plan-access.ts';
import { renderAccessCsv, renderAccessJson } from '../src/engine/subject/render-access.ts';
import { renderAccessHtml } from '../src/engine/subject/render-access-html.ts';
import { ALICE_PHONE, JEANNE_EMAIL } from './fixtures/subject/database.ts';
import { type Fixture, openFixture } from './fixtures/subject/setup.ts';
import { availableDialects } from './support/targets.ts';

/**
 * The keys of a person's rows in each table, written by hand (joins, not the engine's paths),
 * given the e-mail address the person's identity rows hold in any case.
 */
function handQueries(email: string): Record<string, RawBuilder<{ id: number }>> {
  const customer = sql`lower(c.email) = ${email}`;
  const prospect = sql`lower(p.email) = ${email}`;
  return {
    customers: sql`select c.id from customers c where ${customer}`,
    invoices: sql`select i.id from invoices i join customers c on c.id = i.customer_id where ${customer}`,
    invoice_lines: sql`select l.id from invoice_lines l join invoices i on i.id = l.invoice_id
      join customers c on c.id = i.customer_id where ${customer}`,
    payments: sql`select y.id from payments y join invoices i on i.id = y.invoice_id
      join customers c on c.id = i.customer_id where ${customer}`,
    support_tickets: sql`select t.id from support_tickets t join customers c on c.id = t.customer_id where ${customer}`,
    login_events: sql`select e.id from login_events e join customers c on c.id = e.customer_id where ${customer}`,
    prospects: sql`select p.id from prospects p where ${prospect}`,
    webinar_registrations: sql`select w.id from webinar_registrations w join prospects p on p.id = w.prospect_id
      where ${prospect}`,
  };
}

async function handKeys(db: AnyDb, email: string): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const [table, query] of Object.entries(handQueries(email))) {
    const result = await query.execute(db);
    out[table] = result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }
  return out;
}

for (const dialect of await availableDialects()) {
  describe(`subject access on ${dialect}`, () => {
    let fx: Fixture;
    beforeEach(async () => {
      fx = await openFixture(dialect);
    });
    afterEach(async () => {
      await fx?.iso.dispose();
    });

    it('finds every identity row of a person, whatever the case of the e-mail address', async () => {
      const subject = await findSubject(fx.ctx, { email: '  JEANNE.Martin@example.FR' });
      expect(subject.identities.map((i) => [i.table, Number(i.key)])).toEqual([
        ['customers', 1],
        ['prospects', 1],
      ]);
      expect(subject.ref).toBe(subject.identities[0]?.ref);
      expect(subject.ref).not.toContain('jeanne');
    });

    it('finds by phone number in any spelling, and by identity key', async () => {
      expect(ALICE_PHONE).toBe('+32 470 12 34 56');
      const alice = await findSubject(fx.ctx, { phone: '0032 (470) 12.34.56' });
      expect(alice.identities.map((i) => [i.table, Number(i.key)])).toEqual([['prospects', 2]]);
      const jeanne = await findSubject(fx.ctx, { phone: '+33612345678' });
      // The prospect row holds the national form "06…": a different number once normalised.
      expect(jeanne.identities.map((i) => [i.table, Number(i.key)])).toEqual([['customers', 1]]);
      const byKey = await findSubject(fx.ctx, { table: 'prospects', key: 2 });
      expect(byKey.identities.map((i) => i.ref)).toEqual(alice.identities.map((i) => i.ref));
    });

    it('refuses unknown people and malformed identifiers', async () => {
      await expect(findSubject(fx.ctx, { email: 'nobody@example.fr' })).rejects.toMatchObject({
        code: 'REG_ERR_SUBJECT_NOT_FOUND',
      });
      await expect(findSubject(fx.ctx, { email: 'not-an-address' })).rejects.toMatchObject({
        code: 'REG_ERR_SUBJECT_QUERY',
      });
      await expect(findSubject(fx.ctx, { table: 'invoices', key: 1 })).rejects.toMatchObject({
        code: 'REG_ERR_SUBJECT_QUERY',
      });
    });

    it('returns every row of the subject in every table and nothing of anyone else', async () => {
      for (const email of [JEANNE_EMAIL, 'paul.lefevre@example.com', 'alice.dubois@example.be']) {
        const subject = await findSubject(fx.ctx, { email });
        const report = await executeAccess(fx.ctx, subject);
        const expected = await handKeys(fx.ctx.target.db, email);
        const got = Object.fromEntries(
          Object.keys(expected).map((table) => [
            table,
            (report.tables.find((t) => t.table === table)?.rows ?? [])
              .map((r) => Number(r.id))
              .sort((a, b) => a - b),
          ]),
        );
        expect(got, email).toEqual(expected);
        // Every mapped table reached from the person's identity tables is reported, even when empty.
        const plan = await planAccess(fx.ctx, subject);
        expect(plan.tables.map((t) => t.table)).toEqual(report.tables.map((t) => t.table));
        expect(plan.totalRows).toBe(Object.values(expected).reduce((n, keys) => n + keys.length, 0));
      }
    });

    it('shows only mapped columns, with their category labels, values as stored', async () => {
      const report = await executeAccess(fx.ctx, await findSubject(fx.ctx, { email: JEANNE_EMAIL }));
      const customers = report.tables.find((t) => t.table === 'customers');
      expect(customers?.columns.map((c) => c.name)).toEqual([
        'id',
        ...Object.keys(fx.ctx.datamap.tables.customers?.columns ?? {}),
      ]);
      expect(customers?.columns.find((c) => c.name === 'email')?.label).toBe('Adresse e-mail');
      expect(customers?.rows[0]).toEqual({
        id: 1,
        email: 'Jeanne.Martin@Example.fr',
        phone: '+33 6 12 34 56 78',
        full_name: 'Jeanne Martin',
        postal_code: '69003',
        birth_date: '1984-07-21',
        status: 'active',
      });
      const invoices = report.tables.find((t) => t.table === 'invoices');
      expect(Object.keys(invoices?.rows[0] ?? {})).not.toContain('customer_id');
      const logins = report.tables.find((t) => t.table === 'login_events');
      expect(logins?.rows.map((r) => r.at)).toEqual(['2025-06-01T08:00:00.000Z', '2025-06-10T18:30:00.000Z']);
    });

    it('writes one subject.access audit entry with the pseudonymous reference and row counts', async () => {
      const subject = await findSubject(fx.ctx, { email: JEANNE_EMAIL });
      const report = await executeAccess(fx.ctx, subject, { reason: 'request R-42' });
      const entries = await fx.ctx.target.db.selectFrom('registre_audit').selectAll().execute();
      expect(entries).toHaveLength(1);
      const entry = entries[0] as Record<string, unknown>;
      expect(entry.operation).toBe('subject.access');
      expect(entry.subject_ref).toBe(subject.ref);
      expect(entry.reason).toBe('request R-42');
      expect(JSON.parse(String(entry.row_counts))).toEqual(
        Object.fromEntries(report.tables.map((t) => [t.table, t.rows.length])),
      );
      expect(JSON.stringify(entry).toLowerCase()).not.toContain('jeanne');
      expect((await verifyAudit(fx.ctx.target.db)).ok).toBe(true);
    });

    it('renders JSON, CSV per table and an escaped HTML report', async () => {
      const report = await executeAccess(fx.ctx, await findSubject(fx.ctx, { email: JEANNE_EMAIL }));
      expect(JSON.parse(renderAccessJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
      const csv = renderAccessCsv(report);
      expect([...csv.keys()].sort()).toEqual(
        report.tables
          .filter((t) => t.rows.length > 0)
          .map((t) => `${t.table}.csv`)
          .sort(),
      );
      const tickets = csv.get('support_tickets.csv') ?? '';
      expect(tickets.split('\r\n')[0]).toBe('id,subject,body,opened_on,litigation');
      // A cell starting with "=" is neutralised and quoted (it holds a comma and quotes).
      expect(tickets).toContain(`"'=HYPERLINK(""http://x"") <b>contentieux</b>"`);
      const html = renderAccessHtml(fx.ctx, report);
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('&lt;b&gt;contentieux&lt;/b&gt;');
      expect(html).not.toContain('<b>contentieux</b>');
      expect(html).toContain('Gestion des comptes clients');
      expect(html).toContain('Jeanne.Martin@Example.fr');
      // Retention in words, from the policy.
      expect(html).toMatch(/10 ans/);
      expect(html).not.toContain('Marc Petit');
    });
  });
}
