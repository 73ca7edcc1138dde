/**
 * Are the joins the engine walks backed by the schema? A path step with no declared foreign key
 * may point at the wrong column or at rows that no longer exist; one with no index turns each
 * subject request and each erasure into a full scan of the table. Both are warnings.
 */
import type { ForeignKeyInfo, SchemaInfo } from '../../engine/db/types.ts';
import { formatPath, type PathSegment } from '../../policy/load/issue-path.ts';
import type { Finding } from '../../policy/load/policy-issue.ts';
import type { TDataMap } from '../model.ts';

function declares(fk: ForeignKeyInfo, from: string, column: string, references: string, to: string): boolean {
  // SQLite reports `rowid` for a foreign key written without its column: the referenced primary key.
  return (
    fk.table === from &&
    fk.column === column &&
    fk.references === references &&
    (fk.to === to || fk.to === 'rowid')
  );
}

function hasColumn(schema: SchemaInfo, table: string, column: string): boolean {
  return schema.tables.get(table)?.columns.some((c) => c.name === column) ?? false;
}

/** True when some index of `table` starts with `column` (so `column in (…)` can use it). */
export function isIndexed(schema: SchemaInfo, table: string, column: string): boolean {
  return (schema.indexes.get(table) ?? []).some((index) => index[0] === column);
}

function stepFindings(datamap: TDataMap, schema: SchemaInfo, name: string): Finding[] {
  const findings: Finding[] = [];
  let from = name;
  for (const [index, step] of (datamap.tables[name]?.path ?? []).entries()) {
    const to = step.to ?? datamap.tables[step.references]?.key;
    const path: PathSegment[] = ['tables', name, 'path', index];
    const where = `${from}.${step.column} → ${step.references}.${to ?? '?'}`;
    const present =
      hasColumn(schema, from, step.column) && to !== undefined && hasColumn(schema, step.references, to);
    if (present && !schema.foreignKeys.some((fk) => declares(fk, from, step.column, step.references, to))) {
      findings.push({
        severity: 'warning',
        code: 'path-without-foreign-key',
        path,
        message: `${formatPath(path)}: no foreign key is declared for ${where}; check the columns, or declare it so the database keeps the link intact`,
      });
    }
    if (present && !isIndexed(schema, from, step.column)) {
      findings.push({
        severity: 'warning',
        code: 'path-without-index',
        path,
        message: `${formatPath(path)}: no index starts with ${from}.${step.column}; subject requests and erasure scan the whole table: create index on ${from} (${step.column})`,
      });
    }
    from = step.references;
  }
  return findings;
}

function heldByFindings(datamap: TDataMap, schema: SchemaInfo, name: string): Finding[] {
  const findings: Finding[] = [];
  for (const [index, hold] of (datamap.tables[name]?.legalHolds ?? []).entries()) {
    const holder = hold.heldBy;
    if (holder === undefined || !schema.tables.has(holder) || !schema.tables.has(name)) continue;
    const byForeignKey = schema.foreignKeys.some((fk) => fk.table === holder && fk.references === name);
    const byPath = datamap.tables[holder]?.path?.[0]?.references === name;
    if (byForeignKey || byPath) continue;
    const path = ['tables', name, 'legalHolds', index, 'heldBy'];
    findings.push({
      severity: 'warning',
      code: 'held-by-without-link',
      path,
      message: `${formatPath(path)}: table '${holder}' has no foreign key to '${name}' and its path does not start at '${name}', so the engine cannot tell which of its rows hold which rows of '${name}'`,
    });
  }
  return findings;
}

/** Path steps without a declared foreign key or an index, and legal holds with no link to follow. */
export function checkSchemaPaths(datamap: TDataMap, schema: SchemaInfo): Finding[] {
  return Object.keys(datamap.tables).flatMap((name) => [
    ...stepFindings(datamap, schema, name),
    ...heldByFindings(datamap, schema, name),
  ]);
}
