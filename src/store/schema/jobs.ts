/**
 * Tables of background jobs (migrations 0400–0499). Conventions as in accounts.ts: text ids,
 * ISO-8601 UTC text timestamps, JSON text. Nothing here names a person: payloads and run
 * summaries hold counts and ids, reminders hold request ids.
 */

/**
 * One row per scheduled job, for both queues: the slot due next. A process queues a slot by
 * moving `next_run_at` forward with a conditional update, so one process wins each slot.
 */
export interface JobSchedulesTable {
  /** Job type (`deadline-reminders`…). */
  name: string;
  /** The 5-field UTC cron expression `next_run_at` was computed with. */
  cron: string;
  /** The next slot; a past value means due now (also after a restart: the missed slot runs once). */
  next_run_at: string;
  /** The last slot queued. */
  last_slot: string | null;
  updated_at: string;
}

/**
 * The in-process scheduler's queue (embedded SQLite store): pending one-off jobs and queued slots
 * survive a restart. Rows are deleted when done; a row that used up its retries stays `failed`.
 * With PostgreSQL, pg-boss holds the queue in its own schema and this table stays empty.
 */
export interface JobQueueTable {
  id: string;
  job: string;
  /** JSON payload, validated by the job type's schema when queued and when run. */
  payload: string;
  /** The schedule slot this job runs, null for a one-off job. */
  slot: string | null;
  /** Not before (the first run, or the next retry). */
  run_at: string;
  /** Attempts started so far. */
  attempts: number;
  /** Retries after the first attempt. */
  retry_limit: number;
  retry_delay_seconds: number;
  /** 1: the delay doubles with each retry. */
  retry_backoff: number;
  /** A running attempt not finished within this time is counted as failed (its process died). */
  expire_seconds: number;
  /** `queued`, `running` or `failed`. */
  state: string;
  lease_until: string | null;
  last_error_code: string | null;
  created_at: string;
  updated_at: string;
}

/** One attempt of a job, by either queue: what ran, when, and how it ended. */
export interface JobRunsTable {
  id: string;
  job: string;
  /** `in-process` or `pg-boss`. */
  runner: string;
  /** Process that ran it (pid and a random suffix). */
  instance: string;
  /** Id of the job in its queue (job_queue.id or the pg-boss job id). */
  queue_job_id: string;
  /** The schedule slot, null for a one-off job; at most one `succeeded` run per slot. */
  slot: string | null;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
  /** `running`, `succeeded`, `failed`, or `skipped` (the slot was already completed). */
  status: string;
  started_at: string;
  finished_at: string | null;
  /** JSON object of counts the handler returned (no personal data). */
  summary: string | null;
  /** Error code (`REG_ERR_…`) or error class of a failed attempt; never a message. */
  error_code: string | null;
}

/** Deadline reminders sent: one per request, threshold and due day, whatever the number of runs. */
export interface RequestDeadlineRemindersTable {
  request_id: string;
  /** `due-soon` (N days or less left) or `overdue`. */
  threshold: string;
  /** The due day the reminder was about (a new one after an extension). */
  due_on: string;
  sent_at: string;
  /** `assignee` or `dpo`. */
  recipient: string;
}

export interface JobsTables {
  job_schedules: JobSchedulesTable;
  job_queue: JobQueueTable;
  job_runs: JobRunsTable;
  request_deadline_reminders: RequestDeadlineRemindersTable;
}
