/**
 * What the retention area shows and accepts, as Zod schemas (the server validates and documents
 * with them; the console imports the inferred types). No view names a person: rows are counted,
 * tables, rules and activities are named, people who started a sweep appear as `user:<id>`.
 */
import { z } from 'zod';

const ZText = z.object({ fr: z.string(), en: z.string() });
const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const SWEEP_MODES = ['dry-run', 'execute'] as const;
export const ZSweepMode = z.enum(SWEEP_MODES);
export type TSweepMode = z.infer<typeof ZSweepMode>;

export const SWEEP_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const ZSweepStatus = z.enum(SWEEP_STATUSES);
export type TSweepStatus = z.infer<typeof ZSweepStatus>;

/** Most keys per batch (one transaction each) a caller may ask for. */
export const MAX_BATCH_SIZE = 10_000;
/** Keys per batch when the caller does not say. */
export const DEFAULT_BATCH_SIZE = 500;

/** `POST /v1/retention/sweeps`. */
export const ZStartSweep = z.strictObject({
  mode: ZSweepMode,
  /** Keys per batch (one transaction each). */
  batchSize: z
    .number({ message: 'batchSize: expected a whole number of keys per batch' })
    .int({ message: 'batchSize: expected a whole number of keys per batch' })
    .min(1, { message: 'batchSize: at least 1 key per batch' })
    .max(MAX_BATCH_SIZE, { message: `batchSize: at most ${MAX_BATCH_SIZE} keys per batch` })
    .optional(),
});
export type TStartSweep = z.infer<typeof ZStartSweep>;

export const ZSweepRunListQuery = z.strictObject({
  limit: z.coerce
    .number({ message: 'limit: expected a number' })
    .int({ message: 'limit: expected a whole number' })
    .min(1, { message: 'limit: at least 1' })
    .max(200, { message: 'limit: at most 200' })
    .optional(),
});

export const ZSweepStepView = z.object({
  /** Engine step id `table/rule/phase`. */
  step: z.string(),
  table: z.string(),
  activity: z.string(),
  rule: z.string(),
  phase: z.enum(['archive', 'end']),
  effect: z.enum(['archive', 'delete', 'anonymise', 'keep']),
  /** Rows the step has to process (a dry run: would process). */
  total: z.number().int(),
  done: z.number().int(),
  status: z.enum(['pending', 'running', 'done', 'failed', 'skipped']),
  error: z.string().nullable(),
});
export type TSweepStepView = z.infer<typeof ZSweepStepView>;

export const ZSweepRunView = z.object({
  id: z.string(),
  mode: ZSweepMode,
  status: ZSweepStatus,
  /** `user:<id>`, `token:<id>` or `job:<name>`. */
  startedBy: z.string(),
  /** Day the cut-offs were computed for, once known. */
  today: ZDay.nullable(),
  engineRunId: z.string().nullable(),
  /** The execution continued an unfinished engine run (killed or failed earlier). */
  resumed: z.boolean(),
  batchSize: z.number().int(),
  rows: z.object({ total: z.number().int(), done: z.number().int() }),
  /** Rows processed (a dry run: rows that would be), and rows past their deadline kept. */
  counts: z.object({
    deleted: z.number().int(),
    anonymised: z.number().int(),
    archived: z.number().int(),
    held: z.number().int(),
    blocked: z.number().int(),
    restricted: z.number().int(),
  }),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string().nullable(), message: z.string() }).nullable(),
  steps: z.array(ZSweepStepView),
});
export type TSweepRunView = z.infer<typeof ZSweepRunView>;

export const ZPlanHoldView = z.object({
  reason: z.string(),
  label: ZText,
  source: z.enum(['data map', 'policy']),
  condition: z.string(),
  rows: z.number().int(),
});

export const ZPlanStepView = z.object({
  id: z.string(),
  table: z.string(),
  phase: z.enum(['archive', 'end']),
  effect: z.enum(['archive', 'delete', 'anonymise', 'keep']),
  rule: z.object({
    id: z.string(),
    label: ZText,
    /** ISO 8601 duration of the active phase. */
    duration: z.string(),
    archive: z.string().nullable(),
    /** The whole rule in words, holds included. */
    words: ZText,
  }),
  /** Rows whose trigger day is on or before this day are past the deadline. */
  cutoff: ZDay,
  rows: z.object({
    pastDeadline: z.number().int(),
    due: z.number().int(),
    held: z.number().int(),
    blocked: z.number().int(),
    restricted: z.number().int(),
  }),
  holds: z.array(ZPlanHoldView),
  keptReason: z.string().nullable(),
  errors: z.array(z.string()),
});
export type TPlanStepView = z.infer<typeof ZPlanStepView>;

export const ZPlanActivityView = z.object({
  id: z.string(),
  name: ZText,
  /** Rows the sweep would process for this activity, and rows past their deadline kept. */
  due: z.number().int(),
  held: z.number().int(),
  steps: z.array(ZPlanStepView),
});
export type TPlanActivityView = z.infer<typeof ZPlanActivityView>;

export const ZRetentionPlanView = z.object({
  today: ZDay,
  computedAt: z.string(),
  dialect: z.string(),
  totals: z.object({
    due: z.number().int(),
    held: z.number().int(),
    blocked: z.number().int(),
    restricted: z.number().int(),
    kept: z.number().int(),
    byEffect: z.object({
      archive: z.number().int(),
      delete: z.number().int(),
      anonymise: z.number().int(),
    }),
  }),
  activities: z.array(ZPlanActivityView),
  /** Problems that prevent executing (the sweep refuses to start an execution). */
  errors: z.array(z.string()),
  /** The execution in progress on this database, if any. */
  running: ZSweepRunView.nullable(),
});
export type TRetentionPlanView = z.infer<typeof ZRetentionPlanView>;
