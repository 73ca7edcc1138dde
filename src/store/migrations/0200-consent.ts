/** Consent ledger, objection list and restriction flag (see src/store/schema/consent.ts). */
import type { Kysely } from 'kysely';
import { ensureAuditSchema } from '../../audit/schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  // The store keeps its own trail of the reads and changes it makes (idempotent).
  await ensureAuditSchema(db);

  await db.schema
    .createTable('consent_events')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('subject_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(100)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'varchar(16)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)')
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('notice_version_id', 'varchar(64)')
    .addColumn('collected_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('receipt', 'text')
    .execute();
  await db.schema
    .createIndex('consent_events_subject_purpose_seq')
    .unique()
    .on('consent_events')
    .columns(['subject_key', 'purpose', 'seq'])
    .execute();
  await db.schema
    .createIndex('consent_events_purpose_at')
    .on('consent_events')
    .columns(['purpose', 'at'])
    .execute();

  await db.schema
    .createTable('consent_objections')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('subject_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('scope', 'varchar(100)', (c) => c.notNull())
    .addColumn('source', 'varchar(32)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('lifted_at', 'varchar(32)')
    .addColumn('lifted_by', 'varchar(200)')
    .addColumn('overridden_at', 'varchar(32)')
    .addColumn('overridden_by', 'varchar(200)')
    .addColumn('override_reason', 'text')
    .execute();
  await db.schema
    .createIndex('consent_objections_subject')
    .on('consent_objections')
    .columns(['subject_key', 'scope'])
    .execute();

  await db.schema
    .createTable('consent_restrictions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('subject_key', 'varchar(100)', (c) => c.notNull())
    .addColumn('reason', 'varchar(64)', (c) => c.notNull())
    .addColumn('since', 'varchar(32)', (c) => c.notNull())
    .addColumn('recorded_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('notified_at', 'varchar(32)')
    .addColumn('lifted_at', 'varchar(32)')
    .addColumn('lifted_by', 'varchar(200)')
    .execute();
  await db.schema
    .createIndex('consent_restrictions_subject')
    .on('consent_restrictions')
    .column('subject_key')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consent_restrictions').execute();
  await db.schema.dropTable('consent_objections').execute();
  await db.schema.dropTable('consent_events').execute();
}
