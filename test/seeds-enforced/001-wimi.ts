/**
 * Seed 001 (Cloud Solutions, Wimi), on 1 March 2024 (the day after 29 February). Cut-offs by hand:
 * P0D → 29 Feb 2024 (`< '2024-03-01'`); P13M → 31 Jan 2023, the month end 13 months before
 * 29 Feb 2024 (`< '2023-02-01'`); P1Y → 28 Feb 2023 (`< '2023-03-01'`); P3Y → 28 Feb 2021
 * (`< '2021-03-01'`: 1 March 2021 + 3 years is not over on 1 March 2024).
 */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { generateSeedData, HELD_CUSTOMER, SEED_TODAY } from '../../examples/seeds/001-wimi/generate.ts';
import { createSeedSchema, SEED_TABLES } from '../../examples/seeds/001-wimi/schema.ts';
import { executeErasure } from '../../src/engine/subject/execute-erasure.ts';
import { findSubject } from '../../src/engine/subject/find-subject.ts';
import { planErasure } from '../../src/engine/subject/plan-erasure.ts';
import { expectAccess, keysOf, type SeedCase } from './seed-case.ts';

const FLAGGED = 'in_litigation = true or contract_proof_needed = true or legal_obligation_hold = true';
const BANK_ACTIVE_OVER = "transaction_on < '2024-03-01'";
const BANK_ARCHIVE_OVER =
  "(debited_on < '2023-02-01' or (debited_on is null and transaction_on < '2023-02-01'))";
const BANK_ARCHIVE_RUNNING =
  "(debited_on >= '2023-02-01' or (debited_on is null and transaction_on >= '2023-02-01'))";
/** The customer's express agreement keeps the bank data in the active base (longerWithConsent). */
const NO_CONSENT = 'bank_data_consent_on is null';

export const seed001: SeedCase = {
  slug: '001-wimi',
  example: {
    tables: SEED_TABLES,
    createSchema: createSeedSchema,
    today: SEED_TODAY,
    generate: generateSeedData,
  },
  datamapFile: fileURLToPath(new URL('../../examples/seeds/001-wimi/datamap.yaml', import.meta.url)),
  outsideDatabase: {
    cookies:
      'cookies live in the visitors’ browsers: the 13 months are the expiry the site gives each cookie it sets; no table holds them',
  },
  beyondTheSweep: {
    'bank-data':
      '"sauf accord exprès du client" (longerWithConsent): bound to payments.bank_data_consent_on; rows with the agreement are neither archived nor deleted while it stands (steps below, rows long past the archive included)',
  },
  steps: [
    {
      step: 'crm_contacts/prospect-data/end',
      effect: 'delete',
      due: "select id as k from crm_contacts where status = 'prospect' and last_contact_on < '2021-03-01'",
      tally: 'crm_contacts/prospect-data',
    },
    {
      step: 'crm_contacts/customer-prospecting-data/end',
      effect: 'delete',
      due: "select id as k from crm_contacts where status = 'customer' and unsubscribed_on < '2021-03-01'",
      tally: 'crm_contacts/customer-prospecting-data',
    },
    {
      step: 'payments/bank-data/archive',
      effect: 'archive',
      due: `select id as k from payments where ${BANK_ACTIVE_OVER} and ${BANK_ARCHIVE_RUNNING} and archived_at is null and ${NO_CONSENT}`,
      done: `select id as k from payments where ${BANK_ACTIVE_OVER} and ${BANK_ARCHIVE_RUNNING} and archived_at is not null and ${NO_CONSENT}`,
      keptByClause: `select id as k from payments where ${BANK_ACTIVE_OVER} and ${BANK_ARCHIVE_RUNNING} and not (${NO_CONSENT})`,
    },
    {
      step: 'payments/bank-data/end',
      effect: 'delete',
      due: `select id as k from payments where ${BANK_ACTIVE_OVER} and ${BANK_ARCHIVE_OVER} and ${NO_CONSENT}`,
      keptByClause: `select id as k from payments where ${BANK_ACTIVE_OVER} and ${BANK_ARCHIVE_OVER} and not (${NO_CONSENT})`,
      tally: 'payments/bank-data',
    },
    {
      step: 'technical_data/technical-logs/end',
      effect: 'anonymise',
      due: "select id as k from technical_data where last_activity_on < '2023-03-01' and anonymised_at is null",
      done: "select id as k from technical_data where last_activity_on < '2023-03-01' and anonymised_at is not null",
      tally: 'technical_data/technical-logs',
    },
    {
      step: 'customers/customer-data/end',
      effect: 'anonymise',
      due: `select id as k from customers where unsubscribed_on < '2024-03-01' and anonymised_at is null and not (${FLAGGED})`,
      held: `select id as k from customers where unsubscribed_on < '2024-03-01' and anonymised_at is null and (${FLAGGED})`,
      done: "select id as k from customers where unsubscribed_on < '2024-03-01' and anonymised_at is not null",
      tally: 'customers/customer-data',
    },
  ],
  async subjectRequest(fx) {
    const db = fx.target.db;
    const { email } = await db
      .selectFrom('customers')
      .select('email')
      .where('id', '=', HELD_CUSTOMER)
      .executeTakeFirstOrThrow();
    await expectAccess(fx, String(email), {
      customers: `select id as k from customers where email = '${email}'`,
      payments: `select id as k from payments where customer_id = ${HELD_CUSTOMER}`,
      technical_data: `select id as k from technical_data where customer_id = ${HELD_CUSTOMER}`,
      crm_contacts: `select id as k from crm_contacts where email = '${email}'`,
    });
    // §12: erasure does not apply where processing meets a legal obligation. The customer is kept
    // under one (the back office's flag) and the payments of the last 13 months as proof; the
    // rest goes.
    const subject = await findSubject(fx.ctx, { email: String(email) });
    const proof = await keysOf(
      db,
      `select id as k from payments where customer_id = ${HELD_CUSTOMER} and debited_on >= '2023-02-01'`,
    );
    expect(proof.length).toBeGreaterThan(0);
    const plan = await planErasure(fx.ctx, subject);
    const kept = (table: string) =>
      plan.tables.find((t) => t.table === table)?.kept.map((k) => [k.reason, k.keys.map(String)]);
    expect(kept('customers')).toEqual([
      [{ kind: 'legal-hold', reason: 'x-legal-obligation' }, [String(HELD_CUSTOMER)]],
    ]);
    expect(kept('payments')).toEqual([[{ kind: 'legal-hold', reason: 'payment-proof' }, proof]]);
    const before = await db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', HELD_CUSTOMER)
      .executeTakeFirst();
    const result = await executeErasure(fx.ctx, subject, { reason: 'Art 17 request, seed test' });
    expect(result.ok).toBe(true);
    expect(
      await db.selectFrom('customers').selectAll().where('id', '=', HELD_CUSTOMER).executeTakeFirst(),
    ).toEqual(before);
    expect(await keysOf(db, `select id as k from payments where customer_id = ${HELD_CUSTOMER}`)).toEqual(
      proof,
    );
    expect(await keysOf(db, `select id as k from crm_contacts where email = '${email}'`)).toEqual([]);
    const technical = await db
      .selectFrom('technical_data')
      .select(['ip_address', 'user_agent', 'anonymised_at', 'browser_language'])
      .where('customer_id', '=', HELD_CUSTOMER)
      .execute();
    expect(technical.length).toBeGreaterThan(0);
    for (const row of technical) {
      expect(row).toMatchObject({ ip_address: null, user_agent: null });
      expect(row.anonymised_at).not.toBeNull();
      expect(row.browser_language).not.toBeNull();
    }
  },
};
