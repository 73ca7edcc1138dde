/**
 * A retention sweep's plan is data: what each table × retention rule would do on a given day,
 * with row counts, the rows kept and why. It prints as a table (`renderPlan`), serialises as JSON
 * (`--json`), and its hash ties an execution run to the cut-offs it was computed with.
 */
import type { DialectName } from '../db/types.ts';

/** `archive`: rows whose active phase is over enter the intermediate archive; `end`: the end action. */
export type SweepPhase = 'archive' | 'end';

/** What a step does to its due rows; `keep` rows stay (the table's erasure strategy keeps them). */
export type SweepEffect = 'archive' | 'delete' | 'anonymise' | 'keep';

export type SweepOperation = 'retention.archive' | 'retention.delete' | 'retention.anonymise';

export interface HoldCount {
  /** Retention reason (taxonomy `retentionReasons`). */
  readonly reason: string;
  /** Where the hold is declared. */
  readonly source: 'data map' | 'policy';
  /** How the hold is detected, e.g. `flag litigation`, `issued_on + P10Y`, `held by invoices`. */
  readonly condition: string;
  /** Rows past their deadline that this hold keeps (a row may be kept by several holds). */
  readonly rows: number;
}

export interface BlockerCount {
  /** Table whose rows reference the rows to delete. */
  readonly table: string;
  readonly column: string;
  /** The referencing table is in the data map (its rows follow their own rules). */
  readonly mapped: boolean;
  /** Rows past their deadline, not held, that referencing rows still need after this run. */
  readonly rows: number;
}

export interface PlannedStep {
  /** Stable id: `table/rule/phase` (with `@n` when a table names a rule twice). */
  readonly id: string;
  readonly table: string;
  readonly key: string;
  readonly rule: string;
  readonly activity: string;
  readonly phase: SweepPhase;
  readonly effect: SweepEffect;
  readonly operation: SweepOperation | null;
  /** Last trigger days past each deadline (YYYY-MM-DD). */
  readonly cutoffs: {
    readonly activeEnd: string;
    readonly endTrigger: string;
    readonly archiveTrigger?: string;
  };
  readonly rows: {
    /** Rows whose phase is over and that this step has not processed yet. */
    readonly pastDeadline: number;
    /** Rows the step will process. */
    readonly due: number;
    /** Rows kept under at least one legal hold. */
    readonly held: number;
    /** Rows kept because referencing rows remain (deleting them would break a foreign key). */
    readonly blocked: number;
    /** Rows kept because their processing is restricted (Art 18). */
    readonly restricted: number;
  };
  readonly holds: readonly HoldCount[];
  readonly blockers: readonly BlockerCount[];
  /** For `keep`: the reason the table's erasure strategy gives. */
  readonly keptReason?: string;
  /**
   * Rules with `renewalRequest`: the due rows whose subject may be asked once more before the end
   * (period over by the rule's deadline, not ended early by an event). `sweep --renewals` lists them.
   */
  readonly renewalRequests?: number;
  /** `return-and-delete`: the step writes each batch's rows to an export file before deleting them. */
  readonly returnsRows?: boolean;
  /** Facts a reader should know (an end action replaced by the table's strategy…). */
  readonly notes: readonly string[];
  /** Problems that prevent executing the sweep. */
  readonly errors: readonly string[];
}

export interface SweepTotals {
  /** Rows the sweep will process (archive, delete, anonymise). */
  readonly due: number;
  /** Distinct tables with due rows. */
  readonly tables: number;
  readonly held: number;
  readonly blocked: number;
  readonly restricted: number;
  /** Rows past their deadline kept by a `keep` erasure strategy. */
  readonly kept: number;
  /** Due rows by effect. */
  readonly byEffect: Readonly<Record<'archive' | 'delete' | 'anonymise', number>>;
}

export interface SweepPlan {
  /** The day the cut-offs are computed for (YYYY-MM-DD). */
  readonly today: string;
  readonly dialect: DialectName;
  readonly datamapFile: string;
  readonly steps: readonly PlannedStep[];
  readonly totals: SweepTotals;
  /** Every step's errors, prefixed with its id, plus errors about the whole map. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** SHA-256 of today and every step's SQL: the same hash means the same cut-offs and predicates. */
  readonly hash: string;
}

/** One SQL statement as it would run, with its bound parameters. */
export interface PlannedStatement {
  readonly purpose: string;
  readonly sql: string;
  readonly parameters: readonly unknown[];
}

export interface DryRun {
  readonly plan: SweepPlan;
  /** Statements per step id, in execution order. */
  readonly statements: readonly { readonly step: string; readonly statements: readonly PlannedStatement[] }[];
}
