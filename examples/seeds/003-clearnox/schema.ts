/**
 * Seed 003 (Clearnox): the database behind a receivables-collection SaaS and its marketing site.
 *
 * - `customers`, `contract_contacts`, `purchases`: the customer relationship (§6 b, c, d);
 * - `user_accounts`, `service_usage`, `security_logs`: the platform's accounts, their use and
 *   the security logs (§6 a, e, m);
 * - `debtor_files`: the customers' own debtors, processed on their behalf (§3.3; no period);
 * - `information_requests`, `support_requests`, `call_recordings`: contacts and support (§6 f, g, h);
 * - `event_registrations`, `webinar_registrations`, `survey_responses`, `newsletter_subscribers`:
 *   events, webinars, surveys and marketing (§6 j, k, l, o).
 *
 * Each table carries the date its retention rule counts from. `information_requests` also records
 * the day the person asked for their data to be deleted (§6 g "ou jusqu'à ce que vous nous
 * demandiez de supprimer vos données"), which ends the 3 years early. Where the rule counts from the end
 * of the customer's contract, the rows of the contract copy that date when the contract ends.
 * Website statistics (§6 i) are kept by Google Analytics and backups (§6 n) by the hosting
 * provider: neither is in this database.
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

const contact = [
  str('full_name', 160),
  str('email', 160),
  str('phone', 30, true),
  str('job_title', 80, true),
];

export const SEED_TABLES: readonly SeedTable[] = [
  {
    name: 'customers',
    columns: [
      id,
      str('customer_number', 12),
      str('company_name', 160),
      str('billing_address', 200),
      str('vat_number', 20),
      day('contract_started_on'),
      day('contract_ended_on', true, true),
    ],
  },
  {
    name: 'contract_contacts',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('first_name', 80),
      str('last_name', 80),
      str('email', 160),
      str('phone', 30, true),
      str('language', 5),
      str('signature_certificate', 64, true),
      day('contract_ended_on', true, true),
    ],
  },
  {
    name: 'purchases',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('product', 60),
      int('quantity'),
      day('purchased_on'),
      day('contract_ended_on', true, true),
    ],
  },
  {
    name: 'user_accounts',
    columns: [
      id,
      // Free-trial accounts belong to no customer; an account outlives its customer's record.
      ref('customer_id', 'customers', { nullable: true, onDelete: 'set null' }),
      str('full_name', 160),
      str('email', 160),
      str('phone', 30, true),
      str('company_name', 160, true),
      str('referral_source', 40, true),
      instant('created_at'),
      day('deleted_on', true, true),
    ],
  },
  {
    name: 'service_usage',
    columns: [
      id,
      ref('customer_id', 'customers'),
      ref('user_account_id', 'user_accounts', { nullable: true, onDelete: 'set null' }),
      str('action', 40),
      str('ip_address', 45),
      instant('used_at'),
      day('contract_ended_on', true, true),
    ],
  },
  {
    name: 'security_logs',
    columns: [
      id,
      ref('user_account_id', 'user_accounts', { nullable: true, onDelete: 'set null' }),
      str('event', 40),
      str('ip_address', 45),
      str('user_agent', 255),
      instant('logged_at', false, true),
    ],
  },
  {
    name: 'debtor_files',
    columns: [
      id,
      str('customer_number', 12),
      str('debtor_name', 160),
      str('debtor_email', 160, true),
      int('amount_cents'),
      day('due_on'),
    ],
  },
  {
    name: 'information_requests',
    columns: [
      id,
      str('title', 10, true),
      str('first_name', 80),
      str('last_name', 80),
      str('email', 160),
      str('phone', 30, true),
      str('street', 200, true),
      str('postal_code', 10, true),
      str('city', 80, true),
      str('company_name', 160),
      str('company_revenue', 20, true),
      text('message'),
      day('received_on', false, true),
      day('erasure_requested_on', true, true),
    ],
  },
  {
    name: 'support_requests',
    columns: [
      id,
      ...contact,
      str('company_name', 160, true),
      str('topic', 200),
      text('message'),
      day('opened_on', false, true),
    ],
  },
  {
    name: 'call_recordings',
    columns: [
      id,
      ref('support_request_id', 'support_requests'),
      str('kind', 12),
      str('storage_key', 120),
      instant('recorded_at', false, true),
    ],
  },
  {
    name: 'event_registrations',
    columns: [
      id,
      str('title', 10, true),
      ...contact,
      str('company_name', 160, true),
      str('event_name', 120),
      day('event_on', false, true),
    ],
  },
  {
    name: 'webinar_registrations',
    columns: [
      id,
      ...contact,
      str('company_name', 160, true),
      str('ip_address', 45, true),
      text('question', true),
      str('recording_key', 120, true),
      instant('registered_at', false, true),
    ],
  },
  {
    name: 'survey_responses',
    columns: [
      id,
      ...contact,
      str('company_name', 160, true),
      text('answers'),
      day('answered_on', false, true),
    ],
  },
  {
    name: 'newsletter_subscribers',
    columns: [
      id,
      ...contact,
      str('language', 5),
      str('company_name', 160, true),
      str('company_revenue', 20, true),
      int('opens'),
      day('subscribed_on'),
      day('consent_withdrawn_on', true, true),
    ],
  },
];

/** Creates the seed's tables (empty) on `dialect`. */
export async function createSeedSchema(db: AnyDb, dialect: DialectName): Promise<void> {
  await createSeedTables(db, dialect, SEED_TABLES);
}
