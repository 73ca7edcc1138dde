/**
 * Tables the map leaves out but that reference a mapped table whose rows the engine deletes: their
 * foreign key either blocks the deletion (RESTRICT, NO ACTION) or silently deletes their own rows
 * (CASCADE) without a plan, a dry run or an audit entry of their own.
 */
import type { SchemaInfo } from '../../engine/db/types.ts';
import { formatPath } from '../../policy/load/issue-path.ts';
import type { Finding } from '../../policy/load/policy-issue.ts';
import type { TDataMap, TTable } from '../model.ts';

/**
 * Whether the engine may delete rows of this table: its erasure strategy is `delete`, or it keeps
 * rows on erasure requests but has retention rules (whose end deletes them).
 */
export function mayDeleteRows(table: TTable): boolean {
  return (
    table.erasure.strategy === 'delete' || (table.erasure.strategy === 'keep' && table.retention.length > 0)
  );
}

/** One warning per foreign key from an unmapped table to a mapped table whose rows may be deleted. */
export function checkForeignKeyChildren(datamap: TDataMap, schema: SchemaInfo): Finding[] {
  const findings: Finding[] = [];
  for (const fk of schema.foreignKeys) {
    const parent = datamap.tables[fk.references];
    if (parent === undefined || datamap.tables[fk.table] !== undefined || !mayDeleteRows(parent)) continue;
    if (fk.table.startsWith('registre_') || fk.table === fk.references) continue;
    const action = fk.onDelete.toLowerCase();
    const named = `foreign key ${fk.table}.${fk.column} → ${fk.references}.${fk.to} (ON DELETE ${action.toUpperCase()})`;
    let effect: string;
    if (action === 'cascade') {
      effect = `deleting rows of '${fk.references}' also deletes the rows of '${fk.table}' that reference them, outside any plan or audit entry`;
    } else if (action === 'restrict' || action === 'no action') {
      effect = `deleting a row of '${fk.references}' fails while a row of '${fk.table}' references it`;
    } else {
      continue;
    }
    const path = ['tables', fk.references];
    findings.push({
      severity: 'warning',
      code: 'unmapped-foreign-key-child',
      path,
      target: 'key',
      message: `${formatPath(path)}: ${named}: table '${fk.table}' is not in the data map and ${effect}; describe '${fk.table}' in the map`,
    });
  }
  return findings;
}
