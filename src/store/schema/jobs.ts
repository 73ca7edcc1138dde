/**
 * Tables of background jobs (migrations 0400–0499). Conventions as in accounts.ts: text ids,
 * ISO-8601 UTC text timestamps, JSON text. Nothing here names a person: run summaries hold
 * counts, reminders hold request ids.
 */

/**
 * The in-process scheduler's state, one row per job: when it is next due and who runs it now.
 * pg-boss keeps its own state in its schema (`registre_jobs`) and does not use this table.
 */
export interface JobSchedulesTable {
  /** Job name (`retention-sweep`…). */
  name: string;
  /** The 5-field UTC cron expression the due time was computed with. */
  cron: string;
  /** When the job is due next; a past value means due now (also after a restart). */
  next_run_at: string;
  /** Failed runs in a row (0 after a success): the retry delay doubles with each. */
  failures: number;
  /** Instance running the job now, with the end of its lease (renewed while it runs). */
  lease_owner: string | null;
  lease_until: string | null;
  last_run_id: string | null;
  updated_at: string;
}

/** One attempt of a job, by either queue: what ran, when, and how it ended. */
export interface JobRunsTable {
  id: string;
  job: string;
  /** `in-process` or `pg-boss`. */
  runner: string;
  /** Process that ran it (host, pid and a random suffix). */
  instance: string;
  /** pg-boss job id, for runs taken from pg-boss. */
  queue_job_id: string | null;
  /** The due time the run was for (in-process), or when pg-boss created the job. */
  scheduled_for: string | null;
  /** 1 for the first attempt of a due run, 2 for its first retry… */
  attempt: number;
  /** `running`, `succeeded`, `failed`, or `interrupted` (stopped, or its process died). */
  status: string;
  started_at: string;
  finished_at: string | null;
  /** JSON object of counts and ids the handler returned (no personal data). */
  summary: string | null;
  error_code: string | null;
  error_message: string | null;
}

/** Deadline reminders sent: one per request, threshold and due day, whatever the number of runs. */
export interface RequestDeadlineRemindersTable {
  request_id: string;
  /** `due-soon` (7 days or less left) or `overdue`. */
  threshold: string;
  /** The due day the reminder was about (a new one after an extension). */
  due_on: string;
  sent_at: string;
  /** `assignee` or `dpo`. */
  recipient: string;
}

export interface JobsTables {
  job_schedules: JobSchedulesTable;
  job_runs: JobRunsTable;
  request_deadline_reminders: RequestDeadlineRemindersTable;
}
