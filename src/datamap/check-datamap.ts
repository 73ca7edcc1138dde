/**
 * `datamap check`: a loaded data map against the live schema of its database. Errors mean the
 * engine cannot run on this map (a table or column is missing, anonymisation would write NULL
 * into a NOT NULL column); warnings point at what a DPO or a DBA should look at (unannotated
 * personal data, joins without foreign key or index, dates stored as free text, unmapped tables a
 * deletion would cascade to or be blocked by).
 */
import type { SchemaInfo, TargetDb } from '../engine/db/types.ts';
import { partitionIssues, placeFinding } from '../policy/load/policy-issue.ts';
import { checkAnonymiseColumns } from './check/anonymise-columns.ts';
import { checkDateColumns } from './check/date-columns.ts';
import { checkForeignKeyChildren } from './check/foreign-key-children.ts';
import { checkPersonalColumns } from './check/personal-columns.ts';
import { createSampler } from './check/sampler.ts';
import { checkSchemaColumns } from './check/schema-columns.ts';
import { checkSchemaPaths } from './check/schema-paths.ts';
import type { DataMapIssue, LoadedDataMap } from './load-datamap.ts';

export interface CheckDataMapOptions {
  /**
   * The database the schema was read from: when given, column values are sampled to confirm
   * date columns and to spot personal data in unannotated columns (values never appear in issues).
   */
  readonly target?: TargetDb;
  /** Values sampled per column (default 200). */
  readonly sampleSize?: number;
  /** Minimum scanner confidence for a column to look personal (default 0.5). */
  readonly threshold?: number;
}

export interface DataMapCheckResult {
  /** No errors (warnings allowed). */
  readonly ok: boolean;
  readonly errors: readonly DataMapIssue[];
  /** The loader's warnings about the map, then the schema check's. */
  readonly warnings: readonly DataMapIssue[];
}

/**
 * Checks `loaded` against `schema` (from `target.adapter.introspect(target.db)`). Never throws
 * for a map that does not fit the database: every problem is an issue placed in the data-map file.
 */
export async function checkDataMap(
  loaded: LoadedDataMap,
  schema: SchemaInfo,
  options: CheckDataMapOptions = {},
): Promise<DataMapCheckResult> {
  const { datamap } = loaded;
  const sampler =
    options.target === undefined ? undefined : createSampler(options.target, options.sampleSize ?? 200);
  const structural = [
    ...checkSchemaColumns(datamap, schema),
    ...checkSchemaPaths(datamap, schema),
    ...checkAnonymiseColumns(datamap, schema),
  ];
  // Sampling reads only columns the schema lists, so it is safe even when the map names missing ones.
  const sampled = [
    ...(await checkDateColumns(datamap, schema, sampler)),
    ...(await checkPersonalColumns(datamap, schema, sampler, options.threshold ?? 0.5)),
  ];
  const findings = [...structural, ...sampled, ...checkForeignKeyChildren(datamap, schema)];
  const { errors, warnings } = partitionIssues(findings.map((f) => placeFinding(loaded.locator, f)));
  return { ok: errors.length === 0, errors, warnings: [...loaded.warnings, ...warnings] };
}
