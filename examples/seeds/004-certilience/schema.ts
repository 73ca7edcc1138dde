/**
 * Seed 004 (Certilience): the database of a security-training firm.
 *
 * - `customer_contacts`: the customers' contacts (customer relationship; active for 3 years after
 *   the end of the contract, then archived until the 5-year limitation period ends);
 * - `prospecting_contacts`: customers' contacts used for commercial prospecting;
 * - `file_exchange_contacts`: contacts shared, rented or exchanged with partners, with consent,
 *   and the day that consent was withdrawn (which ends their retention early);
 * - `trainees` and `training_results`: the awareness-training platform, run for the customers
 *   (processor): returned to the customer and deleted at the end of the service;
 * - `connection_logs`: connections to the platform (12 months).
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

const address = [str('street', 200), str('postal_code', 10), str('city', 80)];

export const SEED_TABLES: readonly SeedTable[] = [
  {
    name: 'customer_contacts',
    columns: [
      id,
      str('first_name', 80),
      str('last_name', 80),
      str('email', 160),
      ...address,
      str('job_title', 80, true),
      text('professional_contacts', true),
      text('notes', true),
      day('contract_ended_on', true, true),
      instant('archived_at', true),
    ],
  },
  {
    name: 'prospecting_contacts',
    columns: [
      id,
      str('first_name', 80),
      str('last_name', 80),
      str('email', 160),
      ...address,
      str('job_title', 80, true),
      day('last_contact_on', false, true),
    ],
  },
  {
    name: 'file_exchange_contacts',
    columns: [
      id,
      str('full_name', 160),
      str('email', 160),
      ...address,
      str('job_title', 80, true),
      str('partner', 80),
      day('last_contact_on', false, true),
      day('consent_withdrawn_on', true, true),
    ],
  },
  {
    name: 'trainees',
    columns: [
      id,
      str('client_code', 12),
      str('full_name', 160),
      str('email', 160),
      day('service_ended_on', true, true),
    ],
  },
  {
    name: 'training_results',
    columns: [
      id,
      ref('trainee_id', 'trainees'),
      str('module', 80),
      int('score'),
      day('completed_on'),
      day('service_ended_on', true, true),
    ],
  },
  {
    name: 'connection_logs',
    columns: [
      id,
      // Connection logs are kept 12 months, longer than a trainee's account: the link is cut.
      ref('trainee_id', 'trainees', { nullable: true, onDelete: 'set null' }),
      str('ip_address', 45),
      str('user_agent', 255),
      instant('logged_at', false, true),
    ],
  },
];

/** Creates the seed's tables (empty) on `dialect`. */
export async function createSeedSchema(db: AnyDb, dialect: DialectName): Promise<void> {
  await createSeedTables(db, dialect, SEED_TABLES);
}
