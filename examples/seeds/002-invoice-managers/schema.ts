/**
 * Seed 002 (The Invoice Managers): the database of an invoice-management and collection service.
 *
 * - `customers`: the service's own customers (companies; billing and bank details, payment
 *   behaviour and credit evaluation), `customer_users` their staff with an account,
 *   `customer_invoices` the service's invoices to them, `helpdesk_tickets` their questions;
 * - `prospects`: marketing contacts;
 * - `debtors` and `debtor_invoices`: the customers' own debtors and invoices, which the service
 *   follows up and collects as a processor (§10).
 *
 * The policy states no retention period (§7 "pendant la durée nécessaire"): no column carries a
 * retention trigger, and the sweep has nothing to do. Subject requests work on every table.
 */
import type { AnyDb, DialectName } from '../../../src/engine/db/types.ts';
import {
  createSeedTables,
  day,
  id,
  instant,
  int,
  ref,
  type SeedTable,
  str,
  text,
} from '../shared/schema-kit.ts';

export const SEED_TABLES: readonly SeedTable[] = [
  {
    name: 'customers',
    columns: [
      id,
      str('company_name', 160),
      str('billing_email', 160),
      str('billing_address', 200),
      str('postal_code', 10),
      str('city', 80),
      str('iban', 34, true),
      str('bic', 11, true),
      str('payment_behaviour', 20),
      str('credit_rating', 4, true),
      day('customer_since'),
      instant('anonymised_at', true),
    ],
  },
  {
    name: 'customer_users',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('first_name', 80),
      str('last_name', 80),
      str('gender', 1, true),
      str('email', 160),
      str('phone', 30, true),
      str('login', 60),
      str('password_hash', 100),
      str('security_question', 120, true),
      str('last_ip', 45, true),
      str('newsletter', 3),
    ],
  },
  {
    name: 'customer_invoices',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('number', 20),
      day('issued_on'),
      int('amount_cents'),
      day('paid_on', true),
    ],
  },
  {
    name: 'helpdesk_tickets',
    columns: [
      id,
      ref('user_id', 'customer_users'),
      instant('opened_at'),
      str('subject', 200),
      text('body'),
      str('feedback', 200, true),
    ],
  },
  {
    name: 'prospects',
    columns: [
      id,
      str('first_name', 80),
      str('last_name', 80),
      str('email', 160),
      str('phone', 30, true),
      str('company_name', 160, true),
      str('preferred_channel', 10),
      day('first_contact_on'),
    ],
  },
  {
    name: 'debtors',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('full_name', 160),
      str('company_name', 160, true),
      str('street', 200),
      str('postal_code', 10),
      str('city', 80),
      str('email', 160, true),
      str('phone', 30, true),
      str('iban', 34, true),
      str('bic', 11, true),
      str('payment_behaviour', 20),
      int('credit_score', true),
      instant('anonymised_at', true),
    ],
  },
  {
    name: 'debtor_invoices',
    columns: [
      id,
      ref('debtor_id', 'debtors'),
      str('number', 20),
      day('issued_on'),
      day('due_on'),
      int('amount_cents'),
      str('status', 12),
    ],
  },
];

/** Creates the seed's tables (empty) on `dialect`. */
export async function createSeedSchema(db: AnyDb, dialect: DialectName): Promise<void> {
  await createSeedTables(db, dialect, SEED_TABLES);
}
