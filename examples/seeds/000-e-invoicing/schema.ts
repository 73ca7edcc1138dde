/**
 * Seed 000 (Wolters Kluwer, E-Invoicing product sheet): the database of the e-invoicing software
 * in which each customer (the controller, identified by `client_code`) enters the data of its own
 * customers and staff; Wolters Kluwer processes it on the customer's behalf.
 *
 * - `parties`: the customer's own customers entered in the software (identity, contact details,
 *   date of birth, licence plate);
 * - `party_addresses`: their postal addresses (billing, delivery);
 * - `users`: the customer's staff using the software (contact details, IP address, GSM IMEI);
 * - `usage_events`: product-usage analytics Wolters Kluwer keeps for itself (controller).
 *
 * Retention (§5): entered data stay until the customer asks for their deletion. The software
 * records that request on each row it covers (`deletion_requested_on`), from which the sweep
 * deletes them.
 */
import type { AnyDb, DialectName } from '../../../src/engine/db/types.ts';
import { createSeedTables, day, id, instant, ref, type SeedTable, str } from '../shared/schema-kit.ts';

export const SEED_TABLES: readonly SeedTable[] = [
  {
    name: 'parties',
    columns: [
      id,
      str('client_code', 12),
      str('name', 160),
      str('email', 160),
      str('phone', 30, true),
      day('birth_date', true),
      str('licence_plate', 12, true),
      instant('created_at'),
      day('deletion_requested_on', true, true),
    ],
  },
  {
    name: 'party_addresses',
    columns: [
      id,
      ref('party_id', 'parties'),
      str('kind', 10),
      str('street', 200),
      str('postal_code', 10),
      str('city', 80),
      str('country', 2),
      day('deletion_requested_on', true, true),
    ],
  },
  {
    name: 'users',
    columns: [
      id,
      str('client_code', 12),
      str('name', 160),
      str('email', 160),
      str('phone', 30, true),
      str('last_ip', 45, true),
      str('device_imei', 15, true),
      day('deletion_requested_on', true, true),
    ],
  },
  {
    name: 'usage_events',
    columns: [
      id,
      // Usage statistics outlive the user: the link is cut when the user is deleted.
      ref('user_id', 'users', { nullable: true, onDelete: 'set null' }),
      str('feature', 40),
      instant('used_at', false, true),
    ],
  },
];

/** Creates the seed's tables (empty) on `dialect`. */
export async function createSeedSchema(db: AnyDb, dialect: DialectName): Promise<void> {
  await createSeedTables(db, dialect, SEED_TABLES);
}
