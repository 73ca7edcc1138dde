/** Data-subject requests: the requests, their timeline, and the exports behind download links. */
import type { Kysely } from 'kysely';
import { ensureAuditSchema } from '../../audit/schema.ts';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  // Reads of request records that hold personal data are recorded in the store's own trail.
  await ensureAuditSchema(db);

  await db.schema
    .createTable('subject_requests')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('right', 'varchar(64)', (c) => c.notNull())
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('subject_key', 'varchar(80)', (c) => c.notNull())
    .addColumn('email_sealed', 'text', (c) => c.notNull())
    .addColumn('name_sealed', 'text')
    .addColumn('details_sealed', 'text')
    .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('extended_due_on', 'varchar(10)')
    .addColumn('extension_reason_sealed', 'text')
    .addColumn('refusal_ground', 'varchar(32)')
    .addColumn('refusal_reason_sealed', 'text')
    .addColumn('possibly_repetitive', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('repeat_of', 'varchar(64)')
    .addColumn('assignee_id', 'varchar(64)', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('code_hash', 'varchar(64)')
    .addColumn('code_expires_at', 'varchar(32)')
    .addColumn('code_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('codes_sent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verified_at', 'varchar(32)')
    .addColumn('status_token_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('drp_principal', 'varchar(80)')
    .addColumn('drp_agent_id', 'varchar(200)')
    .addColumn('drp_agent_request_id', 'varchar(200)')
    .addColumn('outcome', 'text')
    .addColumn('created_by', 'varchar(80)', (c) => c.notNull())
    .addColumn('closed_at', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('subject_requests_subject_right')
    .on('subject_requests')
    .columns(['subject_key', 'right', 'received_at'])
    .execute();
  await db.schema
    .createIndex('subject_requests_state_due')
    .on('subject_requests')
    .columns(['state', 'due_on'])
    .execute();
  await db.schema
    .createIndex('subject_requests_assignee')
    .on('subject_requests')
    .column('assignee_id')
    .execute();

  await db.schema
    .createTable('subject_request_events')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('request_id', 'varchar(64)', (c) =>
      c.notNull().references('subject_requests.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor', 'varchar(80)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(16)')
    .addColumn('to_state', 'varchar(16)')
    .addColumn('body_sealed', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('subject_request_events_request_seq')
    .unique()
    .on('subject_request_events')
    .columns(['request_id', 'seq'])
    .execute();

  await db.schema
    .createTable('subject_request_exports')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('request_id', 'varchar(64)', (c) =>
      c.notNull().references('subject_requests.id').onDelete('cascade'),
    )
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('token_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('downloads', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_downloaded_at', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('subject_request_exports_request')
    .on('subject_request_exports')
    .column('request_id')
    .execute();

  await db.schema
    .createTable('subject_request_export_files')
    .addColumn('export_id', 'varchar(64)', (c) =>
      c.notNull().references('subject_request_exports.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subject_request_export_files_pk', ['export_id', 'name'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subject_request_export_files').execute();
  await db.schema.dropTable('subject_request_exports').execute();
  await db.schema.dropTable('subject_request_events').execute();
  await db.schema.dropTable('subject_requests').execute();
}
