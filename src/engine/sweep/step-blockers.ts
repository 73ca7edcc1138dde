/**
 * Foreign keys that stand in the way of a deletion. For every table referencing a table a step
 * deletes from (read from the live schema, not the map):
 *
 * - `ON DELETE SET NULL / SET DEFAULT`: no obstacle;
 * - a mapped table, whatever its action: its rows follow their own retention rules, so a row still
 *   referenced is kept (`blocked`) rather than deleted — a cascade would erase the referencing rows
 *   without an audit entry of their own, a restriction would make the batch fail;
 * - an unmapped table with `CASCADE`: its rows go with the deleted ones (a warning says so);
 * - an unmapped table with `RESTRICT / NO ACTION`: rows it references cannot be deleted, and the
 *   plan reports an error when some due row is referenced.
 *
 * Each blocker has two conditions: `live` (a referencing row exists now — used when executing, after
 * the children's own steps have run) and `predicted` (a referencing row exists that this run will not
 * delete — used to count the plan before anything runs).
 */
import type { TDataMap } from '../../datamap/model.ts';
import type { SchemaInfo } from '../db/types.ts';
import type { StepSpec } from './build-steps.ts';
import { allOf, anyOf, type Condition, not, referencedBy } from './sql-conditions.ts';

export interface BlockerSpec {
  readonly table: string;
  readonly column: string;
  readonly mapped: boolean;
  readonly onDelete: string;
  readonly live: Condition;
  readonly predicted: Condition;
}

const NO_OBSTACLE = new Set(['set null', 'set default']);

/** Rows of `table` that the delete steps of this run remove (before their own blockers). */
function deletedByRun(steps: readonly StepSpec[], table: string): Condition {
  return anyOf(
    steps
      .filter((s) => s.table === table && s.effect === 'delete' && s.errors.length === 0)
      .map((s) => allOf([s.base, not(anyOf(s.holds.map((h) => h.when)))])),
  );
}

/** Attaches the blockers of every delete step (in place). */
export function addBlockers(
  steps: readonly StepSpec[],
  datamap: TDataMap,
  schema: SchemaInfo,
  warnings: string[],
): void {
  const warned = new Set<string>();
  for (const step of steps) {
    if (step.effect !== 'delete') continue;
    for (const fk of schema.foreignKeys) {
      if (fk.references !== step.table || NO_OBSTACLE.has(fk.onDelete)) continue;
      const mapped = datamap.tables[fk.table] !== undefined;
      if (!mapped && fk.onDelete === 'cascade') {
        const key = `${fk.table}.${fk.column}`;
        if (!warned.has(key)) {
          warned.add(key);
          warnings.push(
            `deleting from '${step.table}' also deletes the rows of '${fk.table}' that reference them (${fk.table}.${fk.column}, ON DELETE CASCADE); '${fk.table}' is not in the data map`,
          );
        }
        continue;
      }
      const live = referencedBy(fk.table, fk.column, fk.to);
      const selfReference = fk.table === step.table;
      if (selfReference) {
        step.notes.push(
          `rows still referenced by other '${step.table}' rows (${fk.column}) are kept until those rows are gone`,
        );
      }
      const predicted =
        mapped && !selfReference
          ? referencedBy(fk.table, fk.column, fk.to, not(deletedByRun(steps, fk.table)))
          : live;
      step.blockers.push({
        table: fk.table,
        column: fk.column,
        mapped,
        onDelete: fk.onDelete,
        live,
        predicted,
      });
    }
  }
}
