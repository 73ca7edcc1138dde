/**
 * Does the live schema accept what anonymisation writes? A column the data map anonymises with
 * `null` must be nullable: on a NOT NULL column every erasure and every retention sweep that
 * anonymises the table would fail at its first row (PostgreSQL, SQLite) or store a silent
 * default (MySQL outside strict mode). The marker column must be nullable too: an empty marker is
 * how the engine tells the rows still to anonymise. Both are errors naming `table.column`.
 */
import type { SchemaInfo } from '../../engine/db/types.ts';
import { formatPath } from '../../policy/load/issue-path.ts';
import type { Finding } from '../../policy/load/policy-issue.ts';
import type { TDataMap } from '../model.ts';

/** Every `null` anonymisation and every marker on a NOT NULL column of the live schema. */
export function checkAnonymiseColumns(datamap: TDataMap, schema: SchemaInfo): Finding[] {
  const findings: Finding[] = [];
  for (const [name, table] of Object.entries(datamap.tables)) {
    const erasure = table.erasure;
    if (erasure.strategy !== 'anonymise') continue;
    const live = schema.tables.get(name);
    // Missing tables and columns are reported by the schema-columns check.
    if (live === undefined) continue;
    const notNull = (column: string) => live.columns.find((c) => c.name === column)?.nullable === false;
    for (const [column, method] of Object.entries(erasure.columns)) {
      if (method !== 'null' || !notNull(column)) continue;
      const path = ['tables', name, 'erasure', 'columns', column];
      findings.push({
        severity: 'error',
        code: 'anonymise-null-not-nullable',
        path,
        message: `${formatPath(path)}: column '${name}.${column}' is NOT NULL in the database, so anonymising it to null would fail; use hash, mask or { method: constant, value: … }, or make the column nullable`,
      });
    }
    if (notNull(erasure.marker)) {
      const path = ['tables', name, 'erasure', 'marker'];
      findings.push({
        severity: 'error',
        code: 'marker-not-nullable',
        path,
        message: `${formatPath(path)}: marker column '${name}.${erasure.marker}' is NOT NULL in the database; the marker must be empty (NULL) until a row is anonymised`,
      });
    }
  }
  return findings;
}
