/**
 * Seed 001 (Cloud Solutions, Wimi): the customer and prospect database behind the Wimi
 * collaboration suite.
 *
 * - `customers`: subscribers (identity, contact details), with the date they unsubscribed and
 *   three flags the back office sets when a customer's data must be kept to prove a contract,
 *   for a claim, or under a legal obligation (§9's intermediate archive);
 * - `payments`: bank data of each payment (card or SEPA account), the transaction and debit
 *   dates, the day the customer expressly agreed to the bank data being kept (§9 "sauf accord
 *   exprès du client"; cleared by the application when the agreement is withdrawn), and when the
 *   row entered the intermediate archive kept as proof (§9);
 * - `crm_contacts`: the prospecting file — prospects, and customers kept for prospecting;
 * - `technical_data`: IP address and device of each customer's last connection or use (§9).
 *
 * Cookies (§9, 13 months) live in the visitors' browsers: no table holds them.
 */
import type { AnyDb, DialectName } from '../../../src/engine/db/types.ts';
import {
  createSeedTables,
  day,
  flag,
  id,
  instant,
  int,
  ref,
  type SeedTable,
  str,
} from '../shared/schema-kit.ts';

export const SEED_TABLES: readonly SeedTable[] = [
  {
    name: 'customers',
    columns: [
      id,
      str('first_name', 80),
      str('last_name', 80),
      str('email', 160),
      str('phone', 30, true),
      day('subscribed_on'),
      day('unsubscribed_on', true, true),
      flag('contract_proof_needed'),
      flag('in_litigation'),
      flag('legal_obligation_hold'),
      instant('anonymised_at', true),
    ],
  },
  {
    name: 'payments',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('method', 4),
      str('card_number', 19, true),
      str('iban', 34, true),
      str('bic', 11, true),
      int('amount_cents'),
      day('transaction_on', false, true),
      day('debited_on', true, true),
      day('bank_data_consent_on', true),
      instant('archived_at', true),
    ],
  },
  {
    name: 'crm_contacts',
    columns: [
      id,
      str('status', 10),
      str('first_name', 80),
      str('last_name', 80),
      str('email', 160),
      str('phone', 30, true),
      day('last_contact_on', true, true),
      day('unsubscribed_on', true, true),
    ],
  },
  {
    name: 'technical_data',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('ip_address', 45, true),
      str('user_agent', 255, true),
      str('browser_language', 5),
      day('last_activity_on', false, true),
      instant('anonymised_at', true),
    ],
  },
];

/** Creates the seed's tables (empty) on `dialect`. */
export async function createSeedSchema(db: AnyDb, dialect: DialectName): Promise<void> {
  await createSeedTables(db, dialect, SEED_TABLES);
}
