/**
 * Background jobs: schedule state (both queues), the in-process queue, every job run, and the
 * deadline reminders sent. pg-boss keeps its own queue in its own schema (see src/jobs/README.md).
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the schema as it was then
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'varchar(100)', (c) => c.primaryKey())
    .addColumn('cron', 'varchar(200)', (c) => c.notNull())
    .addColumn('next_run_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_slot', 'varchar(32)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_queue')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('job', 'varchar(100)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('slot', 'varchar(32)')
    .addColumn('run_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('retry_backoff', 'integer', (c) => c.notNull())
    .addColumn('expire_seconds', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('lease_until', 'varchar(32)')
    .addColumn('last_error_code', 'varchar(80)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_queue_state_run_at')
    .on('job_queue')
    .columns(['state', 'run_at'])
    .execute();
  // A slot is queued once (NULL slots, one-off jobs, are distinct).
  await db.schema
    .createIndex('job_queue_job_slot')
    .unique()
    .on('job_queue')
    .columns(['job', 'slot'])
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('job', 'varchar(100)', (c) => c.notNull())
    .addColumn('runner', 'varchar(16)', (c) => c.notNull())
    .addColumn('instance', 'varchar(200)', (c) => c.notNull())
    .addColumn('queue_job_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('slot', 'varchar(32)')
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(32)')
    .addColumn('summary', 'text')
    .addColumn('error_code', 'varchar(80)')
    .execute();
  await db.schema.createIndex('job_runs_job_started').on('job_runs').columns(['job', 'started_at']).execute();
  await db.schema.createIndex('job_runs_queue_job').on('job_runs').column('queue_job_id').execute();
  // At most one completion per scheduled slot, whatever the number of processes or attempts.
  await db.schema
    .createIndex('job_runs_slot_succeeded')
    .unique()
    .on('job_runs')
    .columns(['job', 'slot'])
    .where(sql<boolean>`status = 'succeeded' and slot is not null`)
    .execute();

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
  await db.schema.dropTable('job_queue').execute();
  await db.schema.dropTable('job_schedules').execute();
}
