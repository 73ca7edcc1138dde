/** Retention sweeps run from the server: runs, their steps' progress, one lock per target database. */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_sweep_runs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('mode', 'varchar(16)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('target_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('started_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('today', 'varchar(10)')
    .addColumn('engine_run_id', 'varchar(80)')
    .addColumn('resumed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('batch_size', 'integer', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('anonymised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)')
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('error_code', 'varchar(80)')
    .addColumn('error_message', 'text')
    .execute();
  await db.schema
    .createIndex('retention_sweep_runs_created')
    .on('retention_sweep_runs')
    .columns(['created_at', 'id'])
    .execute();

  await db.schema
    .createTable('retention_sweep_steps')
    .addColumn('run_id', 'varchar(64)', (c) =>
      c.notNull().references('retention_sweep_runs.id').onDelete('cascade'),
    )
    .addColumn('step', 'varchar(255)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('table_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('activity', 'varchar(100)', (c) => c.notNull())
    .addColumn('rule', 'varchar(100)', (c) => c.notNull())
    .addColumn('phase', 'varchar(16)', (c) => c.notNull())
    .addColumn('effect', 'varchar(16)', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull())
    .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('error_message', 'text')
    .addPrimaryKeyConstraint('retention_sweep_steps_pk', ['run_id', 'step'])
    .execute();

  await db.schema
    .createTable('retention_sweep_locks')
    .addColumn('target_key', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('run_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('acquired_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('lease_until', 'varchar(32)', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('retention_sweep_locks').execute();
  await db.schema.dropTable('retention_sweep_steps').execute();
  await db.schema.dropTable('retention_sweep_runs').execute();
}
