/** Background jobs: the in-process scheduler's state, every job run, deadline reminders sent. */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('cron', 'varchar(200)', (c) => c.notNull())
    .addColumn('next_run_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'varchar(200)')
    .addColumn('lease_until', 'varchar(32)')
    .addColumn('last_run_id', 'varchar(64)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('job', 'varchar(100)', (c) => c.notNull())
    .addColumn('runner', 'varchar(16)', (c) => c.notNull())
    .addColumn('instance', 'varchar(200)', (c) => c.notNull())
    .addColumn('queue_job_id', 'varchar(64)')
    .addColumn('scheduled_for', 'varchar(32)')
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('summary', 'text')
    .addColumn('error_code', 'varchar(80)')
    .addColumn('error_message', 'text')
    .execute();
  await db.schema.createIndex('job_runs_job_started').on('job_runs').columns(['job', 'started_at']).execute();
  await db.schema.createIndex('job_runs_queue_job').on('job_runs').column('queue_job_id').execute();

  await db.schema
    .createTable('request_deadline_reminders')
    .addColumn('request_id', 'varchar(64)', (c) =>
      c.notNull().references('subject_requests.id').onDelete('cascade'),
    )
    .addColumn('threshold', 'varchar(16)', (c) => c.notNull())
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('recipient', 'varchar(16)', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_deadline_reminders_pk', ['request_id', 'threshold', 'due_on'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_deadline_reminders').execute();
  await db.schema.dropTable('job_runs').execute();
  await db.schema.dropTable('job_schedules').execute();
}
