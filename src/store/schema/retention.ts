/**
 * Tables of retention sweeps run from the server (migrations 0500–0599). The engine keeps its own
 * run state next to the audit trail in the organisation's database (`registre_run`,
 * src/engine/sweep/run-state.ts); these tables record who asked for a sweep, how it went and its
 * progress, for the console. Nothing here names a person: counts, table and rule ids, staff ids.
 * Conventions as in accounts.ts: text ids, ISO-8601 UTC text timestamps, integer counts.
 */

/** One sweep asked for (console, API or schedule). */
export interface RetentionSweepRunsTable {
  /** UUID. */
  id: string;
  /** `dry-run` (counts and statements, writes nothing) or `execute`. */
  mode: string;
  /** `queued`, `running`, `completed` or `failed`. */
  status: string;
  /** SHA-256 (hex) of the target database URL: runs on the same database, without its credentials. */
  target_key: string;
  /** `user:<id>`, `token:<id>` or `job:<name>`: also the actor of the engine's audit entries. */
  started_by: string;
  /** Day the cut-offs were computed for (YYYY-MM-DD), once known. */
  today: string | null;
  /** Id of the engine's run (`registre_run` in the organisation's database), for executions that processed rows. */
  engine_run_id: string | null;
  /** 1 when the execution continued an unfinished engine run. */
  resumed: number;
  batch_size: number;
  /** Rows the run has to process (dry run: would process) and rows processed so far. */
  rows_total: number;
  rows_done: number;
  deleted: number;
  anonymised: number;
  archived: number;
  /** Rows past their deadline kept: legal hold, still referenced, restricted (Art 18). */
  held: number;
  blocked: number;
  restricted: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** Heartbeat of the process running it: a run in progress whose heartbeat stopped was interrupted. */
  updated_at: string;
  error_code: string | null;
  /** Why it failed, without data values (quoted values are removed). */
  error_message: string | null;
}

/** One step of a run (table × rule × phase), with its progress. */
export interface RetentionSweepStepsTable {
  run_id: string;
  /** Engine step id `table/rule/phase`. */
  step: string;
  position: number;
  table_name: string;
  activity: string;
  rule: string;
  /** `archive` or `end`. */
  phase: string;
  /** `archive`, `delete`, `anonymise` or `keep`. */
  effect: string;
  rows_total: number;
  rows_done: number;
  /** `pending`, `running`, `done`, `failed` or `skipped`. */
  status: string;
  error_message: string | null;
}

/** At most one execution per target database: the row exists while a run holds the target. */
export interface RetentionSweepLocksTable {
  target_key: string;
  run_id: string;
  acquired_at: string;
  /** Renewed while the run is alive; an expired lease frees the target (its process died). */
  lease_until: string;
}

export interface RetentionTables {
  retention_sweep_runs: RetentionSweepRunsTable;
  retention_sweep_steps: RetentionSweepStepsTable;
  retention_sweep_locks: RetentionSweepLocksTable;
}
