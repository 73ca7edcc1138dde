/**
 * The database of Facturo SAS, the demo organisation: an e-invoicing and receivables-collection
 * company. The schema is declared once as data ({@link DEMO_TABLES}) and created with Kysely's
 * schema builder, so it is the same on SQLite, PostgreSQL and MariaDB/MySQL.
 *
 * Column kinds: `day` columns hold calendar days (`date`), `instant` columns hold points in time
 * (`timestamptz` on PostgreSQL, `datetime` on MySQL — never MySQL `timestamp`, which some servers
 * give an implicit ON UPDATE — and ISO-8601 text on SQLite, written through the dialect adapter).
 *
 * Every table that hangs off a person references one kind of person (so the data map gives it one
 * path to that person's identity), except `marketing_consents`, which references a prospect or a
 * contact and records the e-mail address the consent was given for, as a consent ledger does.
 */
import type { ColumnDataType, CreateTableBuilder } from 'kysely';
import type { AnyDb, DialectName } from '../../src/engine/db/types.ts';

export type DemoColumnKind = 'id' | 'int' | 'string' | 'text' | 'day' | 'instant';

export interface DemoColumn {
  readonly name: string;
  readonly kind: DemoColumnKind;
  /** Maximum length of a `string` column. */
  readonly size?: number;
  readonly nullable?: boolean;
  /** Referenced table (its `id` column) for a foreign key. */
  readonly references?: string;
  /** ON DELETE action of the foreign key (`no action` when omitted). */
  readonly onDelete?: 'cascade' | 'set null';
  /** Index the column (foreign keys are always indexed). */
  readonly indexed?: boolean;
}

export interface DemoTable {
  readonly name: string;
  readonly columns: readonly DemoColumn[];
}

const id: DemoColumn = { name: 'id', kind: 'id' };
const str = (name: string, size: number, nullable = false): DemoColumn => ({
  name,
  kind: 'string',
  size,
  nullable,
});
const ref = (name: string, references: string, nullable = false, onDelete?: 'cascade' | 'set null') =>
  ({ name, kind: 'int', references, nullable, ...(onDelete ? { onDelete } : {}) }) as DemoColumn;
const day = (name: string, nullable = false, indexed = false): DemoColumn => ({
  name,
  kind: 'day',
  nullable,
  indexed,
});
const instant = (name: string, nullable = false, indexed = false): DemoColumn => ({
  name,
  kind: 'instant',
  nullable,
  indexed,
});

/** The tables in foreign-key order (every table comes after the tables it references). */
export const DEMO_TABLES: readonly DemoTable[] = [
  {
    name: 'customers',
    columns: [
      id,
      str('name', 160),
      str('vat_number', 20),
      day('contract_started_on'),
      day('contract_ended_on', true, true),
      instant('created_at'),
      instant('anonymised_at', true),
    ],
  },
  {
    name: 'contacts',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('first_name', 80),
      str('last_name', 80),
      str('email', 160),
      str('phone', 30, true),
      str('job_title', 80, true),
      str('language', 5),
      day('relationship_ended_on', true, true),
      instant('created_at'),
      instant('archived_at', true),
      instant('anonymised_at', true),
    ],
  },
  {
    name: 'debtors',
    columns: [
      id,
      ref('customer_id', 'customers'),
      str('full_name', 160),
      str('email', 160, true),
      str('phone', 30, true),
      str('postal_address', 200),
      str('postal_code', 10),
      str('city', 80),
      str('country', 2),
      day('birth_date', true),
      str('national_id', 20, true),
      day('recovery_closed_on', true, true),
      instant('archived_at', true),
      instant('anonymised_at', true),
    ],
  },
  {
    name: 'invoices',
    columns: [
      id,
      ref('customer_id', 'customers'),
      ref('debtor_id', 'debtors', true),
      str('number', 24),
      day('issued_on', false, true),
      { name: 'amount_cents', kind: 'int' },
      str('status', 12),
    ],
  },
  {
    name: 'payments',
    columns: [
      id,
      // The payment record outlives the invoice it settled: when the invoice is deleted at the
      // end of its 10 years, the payment (its bank data erased long before) loses the link.
      ref('invoice_id', 'invoices', true, 'set null'),
      ref('debtor_id', 'debtors'),
      str('method', 12),
      day('debited_on', false, true),
      { name: 'amount_cents', kind: 'int' },
      str('iban', 34, true),
      str('bic', 11, true),
      str('card_number', 19, true),
      instant('archived_at', true),
      instant('anonymised_at', true),
    ],
  },
  {
    name: 'bank_accounts',
    columns: [
      id,
      ref('debtor_id', 'debtors'),
      str('iban', 34),
      str('bic', 11),
      str('holder_name', 160),
      day('transaction_on', false, true),
      instant('archived_at', true),
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
      str('company', 160, true),
      day('last_contact_on', false, true),
      str('source', 20),
      instant('created_at'),
    ],
  },
  {
    name: 'marketing_consents',
    columns: [
      id,
      ref('prospect_id', 'prospects', true),
      ref('contact_id', 'contacts', true),
      str('email', 160),
      str('purpose', 40),
      instant('given_at'),
      instant('withdrawn_at', true, true),
      str('channel', 12),
      str('notice_version', 12),
    ],
  },
  {
    name: 'login_events',
    columns: [
      id,
      ref('contact_id', 'contacts', false, 'cascade'),
      instant('at', false, true),
      str('ip_address', 45),
      str('user_agent', 255),
    ],
  },
  {
    name: 'support_tickets',
    columns: [
      id,
      ref('contact_id', 'contacts'),
      instant('opened_at'),
      instant('closed_at', true, true),
      str('subject', 200),
      { name: 'body', kind: 'text' },
    ],
  },
  {
    name: 'call_recordings',
    columns: [
      id,
      ref('contact_id', 'contacts'),
      instant('recorded_at', false, true),
      { name: 'duration_s', kind: 'int' },
      str('storage_key', 120),
    ],
  },
  {
    name: 'webinar_registrations',
    columns: [
      id,
      ref('prospect_id', 'prospects'),
      day('webinar_on', false, true),
      instant('registered_at'),
      { name: 'questions', kind: 'text', nullable: true },
    ],
  },
  {
    name: 'event_registrations',
    columns: [id, ref('prospect_id', 'prospects'), day('event_on', false, true), instant('registered_at')],
  },
  {
    name: 'cookie_consents',
    columns: [
      id,
      str('cookie_id', 36),
      str('ip_address', 45),
      instant('deposited_at', false, true),
      str('choices', 200),
    ],
  },
];

/** The declared table of that name (throws on an unknown name: a programming error). */
export function demoTable(name: string): DemoTable {
  const table = DEMO_TABLES.find((t) => t.name === name);
  if (table === undefined) throw new Error(`unknown demo table ${name}`);
  return table;
}

function columnType(column: DemoColumn, dialect: DialectName): ColumnDataType {
  switch (column.kind) {
    case 'id':
    case 'int':
      return 'integer';
    case 'string':
      return `varchar(${column.size ?? 255})`;
    case 'text':
      return 'text';
    case 'day':
      return 'date';
    case 'instant':
      return dialect === 'postgres' ? 'timestamptz' : dialect === 'mysql' ? 'datetime' : 'timestamp';
  }
}

/**
 * Create the demo tables, their foreign keys and indexes (every foreign key and every retention
 * trigger column is indexed). Fails if a table already exists: call {@link dropDemoSchema} first.
 */
export async function createDemoSchema(db: AnyDb, dialect: DialectName): Promise<void> {
  for (const table of DEMO_TABLES) {
    // Column names are only known at run time: widen the builder's column type to string.
    let builder = db.schema.createTable(table.name) as CreateTableBuilder<string, string>;
    for (const column of table.columns) {
      builder = builder.addColumn(column.name, columnType(column, dialect), (c) => {
        if (column.kind === 'id') return c.primaryKey();
        return column.nullable === true ? c : c.notNull();
      });
    }
    for (const column of table.columns) {
      if (column.references === undefined) continue;
      builder = builder.addForeignKeyConstraint(
        `fk_${table.name}_${column.name}`,
        [column.name],
        column.references,
        ['id'],
        (c) => (column.onDelete === undefined ? c : c.onDelete(column.onDelete)),
      );
    }
    await builder.execute();
    for (const column of table.columns) {
      // InnoDB already indexes every foreign-key column under the constraint's name.
      const isForeignKey = column.references !== undefined;
      if (!(column.indexed === true || (isForeignKey && dialect !== 'mysql'))) continue;
      await db.schema
        .createIndex(`idx_${table.name}_${column.name}`)
        .on(table.name)
        .column(column.name)
        .execute();
    }
  }
}

/** Drop the demo tables when present, in reverse foreign-key order. */
export async function dropDemoSchema(db: AnyDb): Promise<void> {
  for (const table of [...DEMO_TABLES].reverse()) {
    await db.schema.dropTable(table.name).ifExists().execute();
  }
}
