/**
 * Does the live schema have what the data map names? Missing tables and columns are errors; a
 * `key` that is not the table's primary key is a warning.
 */
import type { SchemaInfo } from '../../engine/db/types.ts';
import { closestMatch } from '../../policy/load/closest-match.ts';
import { quoteList } from '../../policy/load/describe-value.ts';
import { formatPath } from '../../policy/load/issue-path.ts';
import type { Finding } from '../../policy/load/policy-issue.ts';
import type { TDataMap } from '../model.ts';
import { columnReferences } from './column-references.ts';

function suggest(name: string, candidates: readonly string[], noun: string): string {
  const match = closestMatch(name, candidates);
  if (match !== undefined) return `; did you mean '${match}'?`;
  return candidates.length <= 12 ? `; its ${noun}: ${quoteList(candidates)}` : '';
}

/** Missing tables: one error each, at the table's entry. */
function missingTables(datamap: TDataMap, schema: SchemaInfo): Finding[] {
  const present = [...schema.tables.keys()];
  return Object.keys(datamap.tables)
    .filter((name) => !schema.tables.has(name))
    .map((name) => {
      const path = ['tables', name];
      return {
        severity: 'error',
        code: 'missing-table',
        path,
        target: 'key',
        message: `${formatPath(path)}: the database has no table '${name}'${suggest(name, present, 'tables')}`,
      } satisfies Finding;
    });
}

/** Columns the map names that the database lacks (tables themselves missing are reported once, above). */
function missingColumns(datamap: TDataMap, schema: SchemaInfo): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const ref of columnReferences(datamap)) {
    const table = schema.tables.get(ref.table);
    if (table === undefined) {
      // A path through a table the map does not describe: say so where the path names it.
      if (datamap.tables[ref.table] !== undefined || seen.has(ref.table)) continue;
      seen.add(ref.table);
      findings.push({
        severity: 'error',
        code: 'missing-table',
        path: ref.path,
        message: `${formatPath(ref.path)}: the database has no table '${ref.table}'`,
      });
      continue;
    }
    const names = table.columns.map((c) => c.name);
    if (names.includes(ref.column)) continue;
    const finding: Finding = {
      severity: 'error',
      code: 'missing-column',
      path: ref.path,
      message: `${formatPath(ref.path)}: table '${ref.table}' has no column '${ref.column}'${suggest(ref.column, names, 'columns')}`,
    };
    findings.push(ref.atKey === true ? { ...finding, target: 'key' } : finding);
  }
  return findings;
}

function keysArePrimary(datamap: TDataMap, schema: SchemaInfo): Finding[] {
  const findings: Finding[] = [];
  for (const [name, mapped] of Object.entries(datamap.tables)) {
    const table = schema.tables.get(name);
    if (table === undefined || !table.columns.some((c) => c.name === mapped.key)) continue;
    const primary = table.primaryKey;
    if (primary.length === 1 && primary[0] === mapped.key) continue;
    const path = ['tables', name, 'key'];
    const actual =
      primary.length === 0 ? 'the table has no primary key' : `its primary key is (${primary.join(', ')})`;
    findings.push({
      severity: 'warning',
      code: 'key-not-primary-key',
      path,
      message: `${formatPath(path)}: '${mapped.key}' is not the primary key of '${name}' (${actual}); the engine identifies rows by this column, so it must be unique and never change`,
    });
  }
  return findings;
}

/** Missing tables and columns (errors) and keys that are not primary keys (warnings). */
export function checkSchemaColumns(datamap: TDataMap, schema: SchemaInfo): Finding[] {
  return [
    ...missingTables(datamap, schema),
    ...missingColumns(datamap, schema),
    ...keysArePrimary(datamap, schema),
  ];
}
