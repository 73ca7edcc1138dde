/**
 * Where jobs wait: the store table `job_queue` (in-process scheduler, embedded SQLite store) or
 * pg-boss (PostgreSQL store). The runner (create-job-runner.ts) talks to either through this.
 */
import type { Kysely } from 'kysely';
import type { StoreDb } from '../../store/schema/index.ts';
import type { JobType, RetryPolicy } from '../job-type.ts';

export type QueueKind = 'in-process' | 'pg-boss';

export interface QueuedJobInput {
  readonly job: string;
  readonly payload: unknown;
  /** Schedule slot (ISO timestamp), null for a one-off job. */
  readonly slot: string | null;
  /** Not before; null: as soon as possible. */
  readonly runAt: Date | null;
  readonly retry: RetryPolicy;
  readonly expireSeconds: number;
}

export interface TakenJob {
  readonly id: string;
  readonly job: string;
  readonly payload: unknown;
  readonly slot: string | null;
  readonly attempt: number;
}

export interface JobQueue {
  readonly kind: QueueKind;
  /** Prepare the queue for `types` (pg-boss: its schema and one queue per type). */
  start(types: readonly JobType<unknown>[]): Promise<void>;
  stop(): Promise<void>;
  /**
   * Queue a job through `db`, which may be a transaction of the store: the job is queued only if
   * it commits. Returns the queue's id of the job.
   */
  enqueue(db: Kysely<StoreDb>, job: QueuedJobInput, now: Date): Promise<string>;
  /** Take up to `limit` jobs of type `job` that are due, marking them running. */
  take(job: string, limit: number, now: Date): Promise<TakenJob[]>;
  complete(taken: TakenJob, now: Date): Promise<void>;
  /** Record a failed attempt; returns when it will be retried, or null when it has failed for good. */
  fail(taken: TakenJob, errorCode: string, now: Date): Promise<{ readonly retryAt: string | null }>;
}
