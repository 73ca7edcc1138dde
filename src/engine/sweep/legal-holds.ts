/**
 * Legal holds as SQL conditions. A hold suspends a rule's end action for the rows it covers
 * (archiving is not suspended: the intermediate archive is where held data belongs).
 *
 * - data map, `flag`: held while the boolean column is true;
 * - data map, `column` + `duration`: held while the column's day plus the duration is not over;
 * - data map, `heldBy`: held while a related row of that table (referencing this row, or
 *   referenced by it) is under one of that table's own data-map holds;
 * - policy, a rule's `legalHolds[]` with a `duration`: held while the rule's trigger day plus the
 *   duration is not over. A policy hold without a duration is carried out by the data map's holds
 *   with the same reason (a warning says so when the table has none).
 */
import type { TDataMap } from '../../datamap/model.ts';
import type { TRetentionRule } from '../../policy/model.ts';
import { retentionCutoff } from '../../policy/retention/index.ts';
import type { DialectAdapter, SchemaInfo } from '../db/types.ts';
import { always, anyOf, type Condition, dayAfter, equals, referencedBy } from './sql-conditions.ts';

export interface HoldSpec {
  readonly reason: string;
  readonly source: 'data map' | 'policy';
  readonly condition: string;
  readonly when: Condition;
}

export interface HoldContext {
  readonly datamap: TDataMap;
  readonly schema: SchemaInfo;
  readonly adapter: DialectAdapter;
  readonly today: Date;
}

/**
 * How rows of `table` relate to rows of `other`, tried in this order (the same as subject
 * erasure's, so that a sweep and an erasure keep the same rows): `table`'s path starts at
 * `other`; a foreign key from `table` to `other`; `other`'s path starts at `table`; a foreign key
 * from `other` to `table`. `column` is `table`'s side, `otherColumn` `other`'s.
 */
export function relationTo(
  context: HoldContext,
  table: string,
  other: string,
): { column: string; otherColumn: string } | undefined {
  const mine = context.datamap.tables[table];
  const theirs = context.datamap.tables[other];
  const step = mine?.path?.[0];
  if (step !== undefined && step.references === other) {
    const to = step.to ?? theirs?.key;
    if (to !== undefined) return { column: step.column, otherColumn: to };
  }
  const out = context.schema.foreignKeys.find((fk) => fk.table === table && fk.references === other);
  if (out !== undefined) return { column: out.column, otherColumn: out.to };
  const back = theirs?.path?.[0];
  if (back !== undefined && back.references === table) {
    const to = back.to ?? mine?.key;
    if (to !== undefined) return { column: to, otherColumn: back.column };
  }
  const inbound = context.schema.foreignKeys.find((fk) => fk.table === other && fk.references === table);
  if (inbound !== undefined) return { column: inbound.to, otherColumn: inbound.column };
  return undefined;
}

/**
 * The data-map holds of `table`. A `heldBy` that comes back to a table already on the chain is
 * not followed again. An unlinked `heldBy` is pushed on `errors` and then holds every row, so
 * that nothing is deleted by mistake.
 */
export function dataMapHolds(
  context: HoldContext,
  table: string,
  errors: string[],
  visited: ReadonlySet<string> = new Set(),
): HoldSpec[] {
  const spec = context.datamap.tables[table];
  if (spec === undefined) return [];
  const seen = new Set([...visited, table]);
  const out: HoldSpec[] = [];
  for (const hold of spec.legalHolds) {
    if (hold.flag !== undefined) {
      out.push({
        reason: hold.reason,
        source: 'data map',
        condition: `flag ${hold.flag}`,
        when: equals(hold.flag, true),
      });
    } else if (hold.column !== undefined && hold.duration !== undefined) {
      const cutoff = retentionCutoff(context.today, hold.duration);
      out.push({
        reason: hold.reason,
        source: 'data map',
        condition: `${hold.column} + ${hold.duration}`,
        when: dayAfter(context.adapter, hold.column, cutoff),
      });
    } else if (hold.heldBy !== undefined && !seen.has(hold.heldBy)) {
      out.push(heldBy(context, table, hold.heldBy, hold.reason, errors, seen));
    }
  }
  return out;
}

function heldBy(
  context: HoldContext,
  table: string,
  holder: string,
  reason: string,
  errors: string[],
  seen: ReadonlySet<string>,
): HoldSpec {
  const condition = `held by ${holder}`;
  const relation = relationTo(context, table, holder);
  if (relation === undefined) {
    errors.push(
      `tables.${table}.legalHolds: heldBy '${holder}' but no path step or foreign key links '${table}' and '${holder}'`,
    );
    return { reason, source: 'data map', condition, when: always };
  }
  const inner = dataMapHolds(context, holder, errors, seen);
  return {
    reason,
    source: 'data map',
    condition,
    when: referencedBy(holder, relation.otherColumn, relation.column, anyOf(inner.map((h) => h.when))),
  };
}

/**
 * The policy holds of `rule` that have a duration, counted from the rule's trigger column, and
 * warnings for those without one that the table's data-map holds do not cover.
 */
export function policyHolds(
  context: HoldContext,
  table: string,
  rule: TRetentionRule,
  trigger: string,
  warnings: string[],
): HoldSpec[] {
  const out: HoldSpec[] = [];
  const mapReasons = new Set((context.datamap.tables[table]?.legalHolds ?? []).map((h) => h.reason));
  for (const hold of rule.legalHolds ?? []) {
    if (hold.duration === undefined) {
      if (!mapReasons.has(hold.reason)) {
        warnings.push(
          `rule '${rule.id}' has a legal hold '${hold.reason}' without a duration, and table '${table}' declares no legal hold with that reason: the sweep cannot tell which rows it keeps`,
        );
      }
      continue;
    }
    const cutoff = retentionCutoff(context.today, hold.duration);
    out.push({
      reason: hold.reason,
      source: 'policy',
      condition: `${trigger} + ${hold.duration}`,
      when: dayAfter(context.adapter, trigger, cutoff),
    });
  }
  return out;
}
