/**
 * From a data map, its policy, the live schema and a day to the sweep's steps: for every table ×
 * retention entry, an archive step (when the rule has an archive phase) and an end step, each
 * with the SQL conditions that select its rows. Steps come children first (the data map's
 * deletion order), so that a row is deleted only after the mapped rows referencing it.
 *
 * Nothing here reads data: counting is `planSweep`'s job, effects `executeSweep`'s.
 */
import type { TTable } from '../../datamap/model.ts';
import { deletionOrder } from '../../datamap/subject-graph.ts';
import { isRegistreError } from '../../errors/registry.ts';
import type { DialectAdapter, SchemaInfo } from '../db/types.ts';
import type { EngineContext, RuleRef } from '../load-context.ts';
import { dataMapHolds, type HoldContext, type HoldSpec, policyHolds } from './legal-holds.ts';
import { ruleClauses } from './rule-clauses.ts';
import { type RuleCutoffs, ruleCutoffs } from './rule-cutoffs.ts';
import { allOf, anyOf, type Condition, dayOnOrBefore, equals, isNull, not } from './sql-conditions.ts';
import { addBlockers, type BlockerSpec } from './step-blockers.ts';
import type { SweepEffect, SweepOperation, SweepPhase } from './types.ts';

type TAnonymise = Extract<TTable['erasure'], { strategy: 'anonymise' }>;

export interface StepSpec {
  readonly id: string;
  readonly table: string;
  readonly key: string;
  readonly ruleRef: RuleRef;
  readonly phase: SweepPhase;
  readonly effect: SweepEffect;
  readonly operation: SweepOperation | null;
  readonly cutoffs: RuleCutoffs;
  /** Rows past this step's deadline, in the rule's scope, not yet processed by this step. */
  readonly base: Condition;
  readonly holds: readonly HoldSpec[];
  /** Filled by `addBlockers` for delete steps. */
  blockers: BlockerSpec[];
  readonly anonymise?: TAnonymise;
  /** Column set when a row enters the archive (archive steps). */
  readonly archivedAt?: string;
  readonly keptReason?: string;
  /**
   * `return-and-delete`: each batch's rows are written to an export file before they are deleted
   * (end steps that delete only).
   */
  readonly returnRows: boolean;
  /**
   * `renewalRequest`: among the rows the step processes, those whose period is over by the rule's
   * own deadline (not ended early by an event) — the subject may be asked once more first.
   */
  readonly renewal?: Condition;
  readonly notes: string[];
  readonly errors: string[];
}

/** The rows a step processes when run now: its base, not held, not blocked (live foreign keys). */
export function dueCondition(step: StepSpec): Condition {
  return allOf([
    step.base,
    not(anyOf(step.holds.map((h) => h.when))),
    not(anyOf(step.blockers.map((b) => b.live))),
  ]);
}

export interface BuiltSteps {
  readonly steps: StepSpec[];
  readonly warnings: string[];
}

function missingColumns(
  schema: SchemaInfo,
  table: string,
  columns: readonly (string | undefined)[],
): string[] {
  const info = schema.tables.get(table);
  if (info === undefined) return [];
  const known = new Set(info.columns.map((c) => c.name));
  return columns.filter((c): c is string => c !== undefined && !known.has(c));
}

function columnsUsed(table: TTable, index: number): (string | undefined)[] {
  const entry = table.retention[index];
  const erasure = table.erasure;
  return [
    table.key,
    entry?.trigger,
    entry?.archiveTrigger,
    entry?.archivedAt,
    entry?.where?.column,
    ...(erasure.strategy === 'anonymise' ? [erasure.marker, ...Object.keys(erasure.columns)] : []),
    ...table.legalHolds.flatMap((h) => [h.flag, h.column]),
  ];
}

function endEffect(table: TTable, ruleRef: RuleRef, notes: string[]): SweepEffect {
  const { strategy } = table.erasure;
  const endAction = ruleRef.rule.endAction;
  if (strategy === 'keep') return 'keep';
  if (strategy === 'delete' && endAction === 'anonymise') {
    notes.push(
      `rule '${ruleRef.rule.id}' ends in anonymisation; the table's erasure strategy deletes the rows`,
    );
  }
  if (strategy === 'anonymise' && endAction !== 'anonymise') {
    notes.push(
      `rule '${ruleRef.rule.id}' ends in ${endAction}; the table's erasure strategy anonymises the rows`,
    );
  }
  return strategy;
}

const OPERATION: Readonly<Record<SweepEffect, SweepOperation | null>> = {
  archive: 'retention.archive',
  delete: 'retention.delete',
  anonymise: 'retention.anonymise',
  keep: null,
};

/** Builds every step of the sweep for `today` (midnight UTC). */
export function buildSweepSteps(
  context: EngineContext,
  schema: SchemaInfo,
  adapter: DialectAdapter,
  today: Date,
): BuiltSteps {
  const { datamap } = context;
  const warnings: string[] = [];
  const holdContext: HoldContext = { datamap, schema, adapter, today };
  const steps: StepSpec[] = [];
  for (const tableName of deletionOrder(datamap, schema)) {
    const table = datamap.tables[tableName];
    if (table === undefined) continue;
    const seen = new Map<string, number>();
    for (const [index, entry] of table.retention.entries()) {
      const count = (seen.get(entry.rule) ?? 0) + 1;
      seen.set(entry.rule, count);
      const prefix = `${tableName}/${entry.rule}${count > 1 ? `@${count}` : ''}`;
      const errors: string[] = [];
      const ruleRef = context.rules.get(entry.rule);
      if (ruleRef === undefined) {
        warnings.push(`${prefix}: rule '${entry.rule}' is not in the policy; the entry is skipped`);
        continue;
      }
      if (!schema.tables.has(tableName)) errors.push(`table '${tableName}' is not in the database`);
      const clauses = ruleClauses(entry, tableName, schema, adapter, today);
      const missing = missingColumns(schema, tableName, [...columnsUsed(table, index), ...clauses.columns]);
      if (missing.length > 0) {
        errors.push(`table '${tableName}' has no column ${missing.map((c) => `'${c}'`).join(', ')}`);
      }
      if (table.erasure.strategy === 'anonymise') {
        const live = schema.tables.get(tableName)?.columns ?? [];
        for (const [column, method] of Object.entries(table.erasure.columns)) {
          if (method === 'constant') {
            errors.push(
              `tables.${tableName}.erasure.columns.${column}: 'constant' needs its value: write { method: constant, value: … }`,
            );
          }
          // The database would refuse the update at the first row (see `datamap check`).
          if (method === 'null' && live.find((c) => c.name === column)?.nullable === false) {
            errors.push(
              `tables.${tableName}.erasure.columns.${column}: column '${tableName}.${column}' is NOT NULL; it cannot be anonymised to null`,
            );
          }
        }
      }
      if (!table.activities.includes(ruleRef.activity.id)) {
        warnings.push(
          `${prefix}: rule '${entry.rule}' belongs to activity '${ruleRef.activity.id}', which the table does not list`,
        );
      }
      let cutoffs: RuleCutoffs;
      let holds: HoldSpec[];
      try {
        cutoffs = ruleCutoffs(ruleRef.rule, today, entry.archiveTrigger !== undefined);
        holds = [
          ...dataMapHolds(holdContext, tableName, errors),
          ...policyHolds(holdContext, tableName, ruleRef.rule, entry.trigger, warnings),
        ];
      } catch (error) {
        if (!isRegistreError(error)) throw error;
        warnings.push(`${prefix}: ${error.message}; the entry is skipped`);
        continue;
      }
      const scope = entry.where === undefined ? [] : [equals(entry.where.column, entry.where.equals)];
      const triggerOver = dayOnOrBefore(adapter, entry.trigger, cutoffs.activeEnd);
      const deadlineOver =
        cutoffs.archiveTrigger !== undefined && entry.archiveTrigger !== undefined
          ? allOf([
              triggerOver,
              anyOf([
                dayOnOrBefore(adapter, entry.archiveTrigger, cutoffs.archiveTrigger),
                allOf([
                  isNull(entry.archiveTrigger),
                  dayOnOrBefore(adapter, entry.trigger, cutoffs.endTrigger),
                ]),
              ]),
            ])
          : dayOnOrBefore(adapter, entry.trigger, cutoffs.endTrigger);
      // Consent extends the active phase; an early-end event ends the period whatever the consent.
      // Without these clauses both conditions are the plain deadlines (same SQL, same plan hash).
      const activeOver = allOf([triggerOver, not(clauses.consented)]);
      const endDue = anyOf([allOf([deadlineOver, not(clauses.consented)]), clauses.endedEarly]);
      const common = { table: tableName, key: table.key, ruleRef, cutoffs, returnRows: false };

      if (ruleRef.rule.archive !== undefined) {
        if (entry.archivedAt === undefined) {
          warnings.push(
            `${prefix}: rule '${entry.rule}' has an archive phase but the entry names no 'archivedAt' column; rows go straight from the active base to the end action`,
          );
        } else {
          steps.push({
            ...common,
            id: `${prefix}/archive`,
            phase: 'archive',
            effect: 'archive',
            operation: OPERATION.archive,
            base: allOf([...scope, activeOver, not(endDue), isNull(entry.archivedAt)]),
            holds: [],
            blockers: [],
            archivedAt: entry.archivedAt,
            notes: [...clauses.notes],
            errors: [...errors],
          });
        }
      } else if (entry.archivedAt !== undefined) {
        warnings.push(`${prefix}: rule '${entry.rule}' has no archive phase; 'archivedAt' is not used`);
      }

      const notes: string[] = [...clauses.notes];
      const effect = endEffect(table, ruleRef, notes);
      const erasure = table.erasure;
      const returnRows = effect === 'delete' && ruleRef.rule.endAction === 'return-and-delete';
      if (returnRows) {
        notes.push('each batch is returned (written to an export file) before it is deleted');
      }
      const renewal =
        ruleRef.rule.renewalRequest === true && effect !== 'keep' ? not(clauses.endedEarly) : undefined;
      steps.push({
        ...common,
        returnRows,
        ...(renewal === undefined ? {} : { renewal }),
        id: `${prefix}/end`,
        phase: 'end',
        effect,
        operation: OPERATION[effect],
        base: allOf([
          ...scope,
          endDue,
          ...(erasure.strategy === 'anonymise' ? [isNull(erasure.marker)] : []),
        ]),
        holds: effect === 'keep' ? [] : holds,
        blockers: [],
        ...(erasure.strategy === 'anonymise' ? { anonymise: erasure } : {}),
        ...(erasure.strategy === 'keep' ? { keptReason: erasure.reason } : {}),
        notes,
        errors,
      });
    }
  }
  addBlockers(steps, datamap, schema, warnings);
  return { steps, warnings };
}
