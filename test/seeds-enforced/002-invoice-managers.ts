/**
 * Seed 002 (The Invoice Managers): the policy states no retention period (§7), so the sweep has
 * no step; the rights of §8 still work on every table.
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { generateSeedData, SEED_TODAY } from '../../examples/seeds/002-invoice-managers/generate.ts';
import { createSeedSchema, SEED_TABLES } from '../../examples/seeds/002-invoice-managers/schema.ts';
import { executeErasure } from '../../src/engine/subject/execute-erasure.ts';
import { findSubject } from '../../src/engine/subject/find-subject.ts';
import { expectAccess, keysOf, type SeedCase } from './seed-case.ts';

export const seed002: SeedCase = {
  slug: '002-invoice-managers',
  example: {
    tables: SEED_TABLES,
    createSchema: createSeedSchema,
    today: SEED_TODAY,
    generate: generateSeedData,
  },
  datamapFile: fileURLToPath(
    new URL('../../examples/seeds/002-invoice-managers/datamap.yaml', import.meta.url),
  ),
  outsideDatabase: {},
  beyondTheSweep: {},
  steps: [],
  async subjectRequest(fx) {
    const db = fx.target.db;
    // Access by a customer's employee: the account and the helpdesk tickets.
    const { email } = await db
      .selectFrom('customer_users')
      .select('email')
      .where((eb) =>
        eb.exists(
          eb.selectFrom('helpdesk_tickets').select('id').whereRef('user_id', '=', 'customer_users.id'),
        ),
      )
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await expectAccess(fx, String(email), {
      customer_users: `select id as k from customer_users where email = '${email}'`,
      helpdesk_tickets: `select t.id as k from helpdesk_tickets t join customer_users u on u.id = t.user_id where u.email = '${email}'`,
    });
    // Erasure of a debtor (processor activity): the identity goes, the invoices stay in the
    // customer's accounts (Belgian accounting obligation).
    const debtor = await db
      .selectFrom('debtors')
      .select(['id', 'email'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const invoices = await keysOf(
      db,
      `select id as k from debtor_invoices where debtor_id = ${Number(debtor.id)}`,
    );
    expect(invoices.length).toBeGreaterThan(0);
    const subject = await findSubject(fx.ctx, { email: String(debtor.email) });
    const result = await executeErasure(fx.ctx, subject, {
      reason: 'erasure on the controller’s instruction',
    });
    expect(result.effects).toEqual([{ table: 'debtors', action: 'anonymise', rows: 1, status: 'done' }]);
    expect(result.ok).toBe(true);
    const kept = result.plan.tables.find((t) => t.table === 'debtor_invoices')?.kept;
    expect(kept?.map((k) => [k.reason, k.keys.map(String)])).toEqual([
      [{ kind: 'keep-strategy', reason: 'belgian-accounting-obligation' }, invoices],
    ]);
    expect(
      await keysOf(db, `select id as k from debtor_invoices where debtor_id = ${Number(debtor.id)}`),
    ).toEqual(invoices);
    const row = await db
      .selectFrom('debtors')
      .selectAll()
      .where('id', '=', debtor.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      full_name: 'Débiteur anonymisé',
      email: null,
      phone: null,
      iban: null,
      street: '-',
      city: '-',
    });
    expect(row.anonymised_at).not.toBeNull();
    // Nothing left holds the address.
    expect(await keysOf(db, `select id as k from debtors where email = '${debtor.email}'`)).toEqual([]);
  },
};
