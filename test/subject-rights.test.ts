/**
 * Rectification (Art 16), restriction (Art 18), objection to direct marketing (Art 21(2)) and
 * portability (Art 20) on every available dialect.
 */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import { executeAccess } from '../src/engine/subject/execute-access.ts';
import { findSubject, type Subject } from '../src/engine/subject/find-subject.ts';
import { objectToDirectMarketing } from '../src/engine/subject/object.ts';
import { planAccess } from '../src/engine/subject/plan-access.ts';
import {
  exportPortableData,
  isPortableActivity,
  renderPortabilityCsv,
} from '../src/engine/subject/portability.ts';
import { rectify } from '../src/engine/subject/rectify.ts';
import {
  isRestricted,
  liftRestriction,
  recordLiftNotice,
  restrictProcessing,
} from '../src/engine/subject/restrict.ts';
import { isSuppressed } from '../src/engine/subject/suppression.ts';
import { ALICE_PHONE, JEANNE_EMAIL } from './fixtures/subject/database.ts';
import { type Fixture, openFixture, TEST_SECRET } from './fixtures/subject/setup.ts';
import { availableDialects } from './support/targets.ts';

async function auditEntries(db: AnyDb) {
  return (await db.selectFrom('registre_audit').selectAll().orderBy('seq').execute()) as Record<
    string,
    unknown
  >[];
}

/** Every value of every `registre_*` table and view, as one lower-case text. */
async function registreText(db: AnyDb): Promise<string> {
  const parts: string[] = [];
  for (const table of [
    'registre_audit',
    'registre_audit_head',
    'registre_restriction',
    'registre_suppression',
  ]) {
    parts.push(JSON.stringify(await db.selectFrom(table).selectAll().execute()));
  }
  return parts.join('\n').toLowerCase();
}

for (const dialect of await availableDialects()) {
  describe(`subject rights on ${dialect}`, () => {
    let fx: Fixture;
    let jeanne: Subject;
    beforeEach(async () => {
      fx = await openFixture(dialect);
      jeanne = await findSubject(fx.ctx, { email: JEANNE_EMAIL });
    });
    afterEach(async () => {
      await fx?.iso.dispose();
    });

    describe('rectification', () => {
      it('updates the named columns in every identity row of the subject, audited without values', async () => {
        const db = fx.ctx.target.db;
        const result = await rectify(fx.ctx, jeanne, {
          email: 'jeanne.dupuis@example.org',
          full_name: 'Jeanne Dupuis',
        });
        expect(result.rows).toEqual({ customers: 1, prospects: 1 });
        expect(result.columns).toEqual({ customers: ['email', 'full_name'], prospects: ['email'] });
        const customer = await db
          .selectFrom('customers')
          .select(['email', 'full_name'])
          .where('id', '=', 1)
          .executeTakeFirst();
        expect(customer).toEqual({ email: 'jeanne.dupuis@example.org', full_name: 'Jeanne Dupuis' });
        const prospect = await db
          .selectFrom('prospects')
          .select(['email'])
          .where('id', '=', 1)
          .executeTakeFirst();
        expect(prospect).toEqual({ email: 'jeanne.dupuis@example.org' });
        const others = await db
          .selectFrom('customers')
          .select('email')
          .where('id', '<>', 1)
          .orderBy('id')
          .execute();
        expect(others.map((r) => r.email)).toEqual([
          'paul.lefevre@example.com',
          'jeanne.martin@example.fr.invalid',
        ]);
        const [entry] = await auditEntries(db);
        expect(entry?.operation).toBe('subject.rectify');
        expect(JSON.parse(String(entry?.details))).toEqual({ columns: result.columns });
        const text = await registreText(db);
        expect(text).not.toContain('dupuis');
        expect(text).not.toContain('jeanne.martin');
        // The subject is now found under the new address.
        expect((await findSubject(fx.ctx, { email: 'Jeanne.Dupuis@example.org' })).ref).toBe(jeanne.ref);
      });

      it('refuses a value of the wrong form and a column the identity rows do not map', async () => {
        await expect(rectify(fx.ctx, jeanne, { email: 'jeanne at example' })).rejects.toMatchObject({
          code: 'REG_ERR_SUBJECT_VALUE',
          message: expect.stringContaining('customers.email'),
        });
        await expect(rectify(fx.ctx, jeanne, { birth_date: '1984-13-01' })).rejects.toMatchObject({
          code: 'REG_ERR_SUBJECT_VALUE',
        });
        await expect(rectify(fx.ctx, jeanne, { iban: 'FR76…' })).rejects.toMatchObject({
          code: 'REG_ERR_SUBJECT_COLUMN',
        });
        await expect(rectify(fx.ctx, jeanne, { id: '9' })).rejects.toMatchObject({
          code: 'REG_ERR_SUBJECT_COLUMN',
        });
        expect(await auditEntries(fx.ctx.target.db)).toHaveLength(0);
        const customer = await fx.ctx.target.db
          .selectFrom('customers')
          .select('email')
          .where('id', '=', 1)
          .executeTakeFirst();
        expect(customer?.email).toBe('Jeanne.Martin@Example.fr');
      });
    });

    describe('restriction', () => {
      it('lists every row of the subject, readable through isRestricted, the view and access', async () => {
        const db = fx.ctx.target.db;
        const plan = await planAccess(fx.ctx, jeanne);
        const result = await restrictProcessing(fx.ctx, jeanne, 'accuracy-contested');
        expect(result.rows).toEqual(
          Object.fromEntries(plan.tables.filter((t) => t.rows > 0).map((t) => [t.table, t.rows])),
        );
        const view = await sql<{ table_name: string; row_key: string; reason: string }>`
          select table_name, row_key, reason from registre_restricted_rows`.execute(db);
        expect(view.rows).toHaveLength(plan.totalRows);
        expect(new Set(view.rows.map((r) => r.reason))).toEqual(new Set(['accuracy-contested']));
        expect(await isRestricted(db, 'invoices', 1)).toBe(true);
        expect(await isRestricted(db, 'invoices', 4)).toBe(false); // Paul's
        const report = await executeAccess(fx.ctx, jeanne);
        expect(report.tables.find((t) => t.table === 'login_events')?.restrictedKeys).toEqual(['1', '2']);
        // Restricting again changes nothing.
        expect((await restrictProcessing(fx.ctx, jeanne, 'accuracy-contested')).rows).toEqual({});
        await expect(restrictProcessing(fx.ctx, jeanne, 'because')).rejects.toMatchObject({
          code: 'REG_ERR_SUBJECT_RESTRICTION_REASON',
        });
      });

      it('is lifted only once the subject has been told, and the lift is recorded', async () => {
        const db = fx.ctx.target.db;
        await restrictProcessing(fx.ctx, jeanne, 'legal-claims');
        await expect(liftRestriction(fx.ctx, jeanne)).rejects.toMatchObject({
          code: 'REG_ERR_SUBJECT_NOT_NOTIFIED',
        });
        expect(await isRestricted(db, 'customers', 1)).toBe(true);
        await recordLiftNotice(fx.ctx, jeanne);
        await liftRestriction(fx.ctx, jeanne);
        expect(await isRestricted(db, 'customers', 1)).toBe(false);
        const rows = await db.selectFrom('registre_restriction').selectAll().execute();
        expect(rows.every((r) => r.notified_at !== null && r.lifted_at !== null)).toBe(true);
        expect((await sql`select * from registre_restricted_rows`.execute(db)).rows).toHaveLength(0);
        expect((await auditEntries(db)).map((e) => e.operation)).toEqual([
          'subject.restrict',
          'subject.restrict',
          'subject.unrestrict',
        ]);
        // Restricting again reopens the rows.
        await restrictProcessing(fx.ctx, jeanne, 'objection-pending');
        expect(await isRestricted(db, 'customers', 1)).toBe(true);
        expect((await verifyAudit(db)).ok).toBe(true);
      });
    });

    describe('objection to direct marketing', () => {
      it('lists keyed hashes only, then erases the marketing-only tables', async () => {
        const db = fx.ctx.target.db;
        const alice = await findSubject(fx.ctx, { phone: ALICE_PHONE });
        const result = await objectToDirectMarketing(fx.ctx, alice, { identifiers: [ALICE_PHONE] });
        expect(result.identifiers).toBe(2); // her e-mail address and her phone number
        expect(result.added).toBe(2);
        expect([...result.tables].sort()).toEqual(['prospects', 'webinar_registrations']);
        expect(result.erasure.ok).toBe(true);
        expect(await db.selectFrom('prospects').select('id').where('id', '=', 2).execute()).toHaveLength(0);
        expect(
          await db.selectFrom('webinar_registrations').select('id').where('prospect_id', '=', 2).execute(),
        ).toHaveLength(0);
        expect(await db.selectFrom('prospects').select('id').where('id', '=', 1).execute()).toHaveLength(1);

        expect(await isSuppressed(db, TEST_SECRET, 'Alice.Dubois@EXAMPLE.be')).toBe(true);
        expect(await isSuppressed(db, TEST_SECRET, '+32-470-12-34-56')).toBe(true);
        expect(await isSuppressed(db, TEST_SECRET, 'paul.lefevre@example.com')).toBe(false);
        expect(await isSuppressed(db, `${TEST_SECRET}x`, 'alice.dubois@example.be')).toBe(false);
        expect(await isSuppressed(db, TEST_SECRET, 'alice.dubois@example.be', 'newsletter')).toBe(false);

        const suppression = await db.selectFrom('registre_suppression').selectAll().execute();
        expect(suppression.map((r) => Object.keys(r).sort())).toEqual([
          ['hash', 'purpose', 'since'],
          ['hash', 'purpose', 'since'],
        ]);
        expect(suppression.every((r) => /^[0-9a-f]{64}$/.test(String(r.hash)))).toBe(true);
        const text = await registreText(db);
        for (const clear of ['alice', 'dubois', 'example.be', '470', '32470123456'])
          expect(text).not.toContain(clear);
        const operations = (await auditEntries(db)).map((e) => e.operation);
        expect(new Set(operations)).toEqual(new Set(['subject.object']));
        expect((await verifyAudit(db)).ok).toBe(true);
        // Objecting again adds nothing.
        expect((await objectToDirectMarketing(fx.ctx, alice)).added).toBe(0);
      });

      it('keeps the rows of tables that also serve other activities', async () => {
        const db = fx.ctx.target.db;
        const result = await objectToDirectMarketing(fx.ctx, jeanne);
        expect([...result.tables].sort()).toEqual(['prospects', 'webinar_registrations']);
        expect(
          await db.selectFrom('customers').select('email').where('id', '=', 1).executeTakeFirst(),
        ).toEqual({
          email: 'Jeanne.Martin@Example.fr',
        });
        expect(await isSuppressed(db, TEST_SECRET, JEANNE_EMAIL)).toBe(true);
        // The customer's phone and the prospect's (national form) are both listed.
        expect(await isSuppressed(db, TEST_SECRET, '+33 6 12 34 56 78')).toBe(true);
        expect(await isSuppressed(db, TEST_SECRET, '06 12 34 56 78')).toBe(true);
      });
    });

    describe('portability', () => {
      it('exports only provided columns of consent- or contract-based activities', async () => {
        const data = await exportPortableData(fx.ctx, jeanne);
        const { policy, taxonomy } = fx.ctx.policy;
        const portable = new Set(
          policy.activities.filter((a) => isPortableActivity(policy, taxonomy, a)).map((a) => a.id),
        );
        expect([...portable].sort()).toEqual(['customer-accounts', 'support', 'webinars']);
        for (const table of data.tables) {
          const mapping = fx.ctx.datamap.tables[table.table];
          const provided = Object.entries(mapping?.columns ?? {})
            .filter(([, c]) => c.providedBySubject === true)
            .map(([name]) => name);
          expect(table.columns, table.table).toEqual(provided);
          expect(mapping?.activities.some((a) => portable.has(a))).toBe(true);
          for (const row of table.rows) expect(Object.keys(row)).toEqual(provided);
        }
        expect(data.tables.map((t) => t.table)).toEqual([
          'customers',
          'support_tickets',
          'webinar_registrations',
        ]);
        expect([...data.excluded].sort((a, b) => a.table.localeCompare(b.table))).toEqual([
          { table: 'invoice_lines', reason: 'legal-basis' },
          { table: 'invoices', reason: 'legal-basis' },
          { table: 'login_events', reason: 'legal-basis' },
          { table: 'payments', reason: 'legal-basis' },
          { table: 'prospects', reason: 'legal-basis' },
        ]);
        const customers = data.tables.find((t) => t.table === 'customers');
        expect(customers?.rows[0]).not.toHaveProperty('status');
        expect(customers?.rows[0]).not.toHaveProperty('id');
        const csv = renderPortabilityCsv(data);
        expect(csv.get('customers.csv')?.split('\r\n')[0]).toBe(
          'email,phone,full_name,postal_code,birth_date',
        );
        expect(csv.get('support_tickets.csv')?.split('\r\n')[0]).toBe('subject,body');
        const [entry] = await auditEntries(fx.ctx.target.db);
        expect(entry?.operation).toBe('subject.portability');
        expect(JSON.parse(String(entry?.row_counts))).toEqual({
          customers: 1,
          support_tickets: 2,
          webinar_registrations: 2,
        });
      });
    });
  });
}
