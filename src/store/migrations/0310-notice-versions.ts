/** Published notice versions (see src/store/schema/notices.ts). */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notice_versions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('policy_version', 'varchar(100)', (c) => c.notNull())
    .addColumn('policy_date', 'varchar(10)')
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('published_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('content_hash', 'char(64)', (c) => c.notNull())
    .addColumn('policy_yaml', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notice_documents')
    .addColumn('version_id', 'varchar(64)', (c) => c.notNull().references('notice_versions.id'))
    .addColumn('lang', 'varchar(2)', (c) => c.notNull())
    .addColumn('format', 'varchar(4)', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_documents_pk', ['version_id', 'lang', 'format'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_documents').execute();
  await db.schema.dropTable('notice_versions').execute();
}
