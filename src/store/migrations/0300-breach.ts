/** Breach register (see src/store/schema/breach.ts). */
import type { Kysely } from 'kysely';
import { ensureAuditSchema } from '../../audit/schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  // The store keeps its own trail of the changes it makes (idempotent).
  await ensureAuditSchema(db);

  await db.schema
    .createTable('breaches')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('aware_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('occurred_at', 'varchar(32)')
    .addColumn('risk', 'varchar(16)')
    .addColumn('authority_decision', 'varchar(16)')
    .addColumn('authority_decision_reason', 'text')
    .addColumn('subjects_decision', 'varchar(32)')
    .addColumn('subjects_decision_reason', 'varchar(32)')
    .addColumn('subjects_decision_note', 'text')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decided_by', 'varchar(200)')
    .addColumn('delay_reason', 'text')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('closed_by', 'varchar(200)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('breaches_status_aware')
    .on('breaches')
    .columns(['status', 'aware_at'])
    .execute();

  await db.schema
    .createTable('breach_phases')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('breach_id', 'varchar(64)', (c) => c.notNull().references('breaches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('nature', 'text')
    .addColumn('data_categories', 'text')
    .addColumn('subject_categories', 'text')
    .addColumn('approx_subjects', 'bigint')
    .addColumn('approx_records', 'bigint')
    .addColumn('contact', 'text')
    .addColumn('consequences', 'text')
    .addColumn('measures_taken', 'text')
    .addColumn('measures_proposed', 'text')
    .execute();
  await db.schema
    .createIndex('breach_phases_breach_seq')
    .unique()
    .on('breach_phases')
    .columns(['breach_id', 'seq'])
    .execute();

  await db.schema
    .createTable('breach_notifications')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('breach_id', 'varchar(64)', (c) => c.notNull().references('breaches.id'))
    .addColumn('recipient', 'varchar(16)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('reference', 'varchar(200)')
    .addColumn('recipients_count', 'bigint')
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(200)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('breach_notifications_breach')
    .on('breach_notifications')
    .column('breach_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('breach_notifications').execute();
  await db.schema.dropTable('breach_phases').execute();
  await db.schema.dropTable('breaches').execute();
}
