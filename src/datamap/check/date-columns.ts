/**
 * Retention compares trigger columns with a cut-off day: they must hold dates. A DATE or
 * TIMESTAMP column does; a text column does only when every value is written in ISO 8601
 * (`YYYY-MM-DD…`, the way SQLite stores dates), which a sample can confirm.
 */
import type { SchemaInfo } from '../../engine/db/types.ts';
import { formatPath } from '../../policy/load/issue-path.ts';
import type { Finding } from '../../policy/load/policy-issue.ts';
import type { TDataMap } from '../model.ts';
import { columnReferences } from './column-references.ts';
import type { ColumnSampler } from './sampler.ts';

const DATE_TYPE = /^(date|datetime|timestamp|timestamptz|smalldatetime|datetime2|datetimeoffset)\b/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for the date and timestamp types of SQLite, PostgreSQL and MySQL/MariaDB. */
export function isDateType(dataType: string): boolean {
  return DATE_TYPE.test(dataType.trim().toLowerCase());
}

function isIsoDateValue(value: unknown): boolean {
  return value instanceof Date || (typeof value === 'string' && ISO_DATE.test(value));
}

/**
 * Warns for each date column (retention triggers, archive columns, anonymisation markers,
 * legal-hold columns) whose type is not a date or timestamp, unless sampled values show ISO 8601
 * text throughout.
 */
export async function checkDateColumns(
  datamap: TDataMap,
  schema: SchemaInfo,
  sampler: ColumnSampler | undefined,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const ref of columnReferences(datamap)) {
    if (ref.role !== 'date' && ref.role !== 'time') continue;
    const column = schema.tables.get(ref.table)?.columns.find((c) => c.name === ref.column);
    if (column === undefined || isDateType(column.dataType)) continue;
    let evidence = 'no values were sampled';
    if (sampler !== undefined) {
      const values = await sampler.values(ref.table, ref.column);
      const bad = values.filter((v) => !isIsoDateValue(v)).length;
      if (values.length > 0 && bad === 0) continue;
      evidence =
        values.length === 0
          ? 'the column holds no value yet'
          : `${bad} of ${values.length} sampled values are not ISO-8601 dates`;
    }
    findings.push({
      severity: 'warning',
      code: 'trigger-not-date',
      path: ref.path,
      message: `${formatPath(ref.path)}: ${ref.table}.${ref.column} has type '${column.dataType}', not a date or timestamp (${evidence}); store it as DATE or TIMESTAMP, or as ISO-8601 text (YYYY-MM-DD…) so that it compares correctly`,
    });
  }
  return findings;
}
