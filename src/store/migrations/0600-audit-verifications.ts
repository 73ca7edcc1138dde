/** Audit-trail verifications (see src/store/schema/audit-verifications.ts). */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_verifications')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('verified_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor', 'varchar(200)', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('entries', 'bigint', (c) => c.notNull())
    .addColumn('trails', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_verifications_verified_at')
    .on('audit_verifications')
    .column('verified_at')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_verifications').execute();
}
