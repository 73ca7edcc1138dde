/**
 * A kind of background job: its name, the Zod schema of its payload, its retry policy and its
 * handler. Handlers return counts only (no personal data): they go into `job_runs.summary` and
 * the log line of the run.
 */
import type { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';

export interface RetryPolicy {
  /** Retries after the first attempt (0: none). */
  readonly limit: number;
  /** Wait before the first retry, in seconds. */
  readonly delaySeconds: number;
  /** Double the wait with each further retry (pg-boss adds up to 100 % jitter). */
  readonly backoff: boolean;
}

/** What a handler is told about the run it performs. */
export interface JobContext {
  /** The runner's clock at the start of the attempt (the server's injectable clock). */
  readonly now: Date;
  readonly clock: () => Date;
  readonly runId: string;
  /** 1 for the first attempt, 2 for the first retry… */
  readonly attempt: number;
  /** The schedule slot (ISO timestamp) this run is for, null for a one-off job. */
  readonly slot: string | null;
}

/** Counts describing what a run did (`{ sent: 2, skipped: 1 }`): never names, e-mails or texts. */
export type JobSummary = Readonly<Record<string, number>>;

export interface JobType<P = unknown> {
  /** Lower-case words joined by hyphens (`deadline-reminders`): the queue's name. */
  readonly name: string;
  /** Validates the payload when the job is queued and again when it runs. */
  readonly payload: z.ZodType<P>;
  readonly retry: RetryPolicy;
  /** An attempt still running after this long counts as failed (its process died); default 900. */
  readonly expireSeconds: number;
  run(payload: P, ctx: JobContext): Promise<JobSummary>;
}

export interface JobTypeInput<P> {
  readonly name: string;
  readonly payload: z.ZodType<P>;
  readonly retry?: Partial<RetryPolicy>;
  readonly expireSeconds?: number;
  run(payload: P, ctx: JobContext): Promise<JobSummary>;
}

export const JOB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Three retries, after 1, 2 and 4 minutes. */
export const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 60, backoff: true };
const MAX_EXPIRE_SECONDS = 23 * 3600;

/** Check and complete a job type. Throws REG_ERR_JOBS_CONFIG naming what is wrong. */
export function defineJob<P>(input: JobTypeInput<P>): JobType<P> {
  const wrong = (why: string) => new RegistreError('REG_ERR_JOBS_CONFIG', `job type '${input.name}': ${why}`);
  if (!JOB_NAME.test(input.name) || input.name.length > 60) {
    throw wrong('the name must be lower-case words joined by hyphens, at most 60 characters');
  }
  const retry = { ...DEFAULT_RETRY, ...input.retry };
  if (!Number.isInteger(retry.limit) || retry.limit < 0 || retry.limit > 20) {
    throw wrong('retry.limit must be an integer from 0 to 20');
  }
  if (!Number.isInteger(retry.delaySeconds) || retry.delaySeconds < 0 || retry.delaySeconds > 86_400) {
    throw wrong('retry.delaySeconds must be an integer from 0 to 86400');
  }
  const expireSeconds = input.expireSeconds ?? 900;
  if (!Number.isInteger(expireSeconds) || expireSeconds < 1 || expireSeconds > MAX_EXPIRE_SECONDS) {
    throw wrong(`expireSeconds must be an integer from 1 to ${MAX_EXPIRE_SECONDS}`);
  }
  return { name: input.name, payload: input.payload, retry, expireSeconds, run: input.run };
}

/** The payload checked against the type's schema; throws REG_ERR_JOBS_PAYLOAD naming each issue. */
export function parsePayload<P>(type: JobType<P>, payload: unknown): P {
  const parsed = type.payload.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .map((issue) => `${issue.path.length === 0 ? '(payload)' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  throw new RegistreError('REG_ERR_JOBS_PAYLOAD', `payload of job '${type.name}' is invalid: ${issues}`);
}

/** Delay before retry number `retry` (1 = first retry), in seconds, without jitter. */
export function retryDelaySeconds(policy: RetryPolicy, retry: number): number {
  return policy.backoff ? policy.delaySeconds * 2 ** Math.min(16, retry - 1) : policy.delaySeconds;
}
