import type { ErrorCodeSpec } from '../spec.ts';

/** Background jobs: schedules, the in-process scheduler, pg-boss, and the job handlers. */
export const JOBS_ERROR_CODES = {
  REG_ERR_JOBS_CONFIG: { status: 500, publicMessage: 'The background jobs configuration is invalid.' },
  REG_ERR_JOBS_PAYLOAD: { status: 400, publicMessage: 'The job payload is invalid.' },
  REG_ERR_JOBS_UNKNOWN: { status: 400, publicMessage: 'There is no job of that name.' },
  REG_ERR_JOBS_CRON: { status: 500, publicMessage: 'A job schedule is not a valid cron expression.' },
  REG_ERR_JOBS_QUEUE: { status: 500, publicMessage: 'The job queue could not be started.' },
  REG_ERR_JOBS_STOPPED: { status: 503, publicMessage: 'The job was interrupted because the server stopped.' },
  REG_ERR_JOBS_SWEEP_FAILED: {
    status: 500,
    publicMessage: 'The retention sweep failed; it resumes at its next run.',
  },
} as const satisfies Record<string, ErrorCodeSpec>;
