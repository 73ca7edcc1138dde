/**
 * Personal data the map does not account for: unannotated columns of mapped tables, and whole
 * tables left out, whose names (and, with a database to sample, values) look personal.
 */
import type { SchemaInfo, TableInfo } from '../../engine/db/types.ts';
import { formatPath } from '../../policy/load/issue-path.ts';
import type { Finding } from '../../policy/load/policy-issue.ts';
import type { TDataMap } from '../model.ts';
import { hintsFor } from '../scanner/column-hints.ts';
import { scoreColumn } from '../scanner/scan-database.ts';
import { columnReferences } from './column-references.ts';
import type { ColumnSampler } from './sampler.ts';

/** What makes a column look personal: a category, a confidence, and whether values were looked at. */
export interface PersonalLook {
  readonly column: string;
  readonly category: string;
  readonly confidence: number;
  readonly fromValues: boolean;
}

/** Columns worth a look: not the primary key, not a foreign key (their data lives in the other table). */
function candidateColumns(schema: SchemaInfo, table: TableInfo, excluded: ReadonlySet<string>): string[] {
  const foreign = new Set(schema.foreignKeys.filter((fk) => fk.table === table.name).map((fk) => fk.column));
  return table.columns
    .map((c) => c.name)
    .filter((c) => !table.primaryKey.includes(c) && !foreign.has(c) && !excluded.has(c));
}

async function looks(
  table: string,
  columns: readonly string[],
  sampler: ColumnSampler | undefined,
  threshold: number,
): Promise<PersonalLook[]> {
  if (sampler === undefined) {
    return columns.flatMap((column) => {
      const category = hintsFor(column)[0];
      return category === undefined ? [] : [{ column, category, confidence: 0.55, fromValues: false }];
    });
  }
  const rows = await sampler.rows(table, columns);
  return columns.flatMap((column) => {
    const proposal = scoreColumn(
      table,
      column,
      rows.map((row) => row[column]),
      threshold,
    );
    if (proposal === undefined) return [];
    return [
      {
        column,
        category: proposal.category,
        confidence: proposal.confidence,
        fromValues: proposal.matchRatio > 0,
      },
    ];
  });
}

function describe(look: PersonalLook): string {
  const source = look.fromValues ? 'its values' : 'its name';
  return `'${look.column}' looks like ${look.category} (confidence ${look.confidence.toFixed(2)}, from ${source})`;
}

/**
 * Warns about unannotated columns of mapped tables and about unmapped tables that look personal.
 * Registre's own tables (`registre_…`) are left out.
 */
export async function checkPersonalColumns(
  datamap: TDataMap,
  schema: SchemaInfo,
  sampler: ColumnSampler | undefined,
  threshold: number,
): Promise<Finding[]> {
  const referenced = new Map<string, Set<string>>();
  for (const ref of columnReferences(datamap)) {
    if (ref.role === 'path-target') continue;
    const set = referenced.get(ref.table) ?? new Set<string>();
    set.add(ref.column);
    referenced.set(ref.table, set);
  }
  const findings: Finding[] = [];
  for (const table of schema.tables.values()) {
    if (table.name.startsWith('registre_')) continue;
    const mapped = datamap.tables[table.name] !== undefined;
    const excluded = mapped ? (referenced.get(table.name) ?? new Set<string>()) : new Set<string>();
    const found = await looks(table.name, candidateColumns(schema, table, excluded), sampler, threshold);
    if (found.length === 0) continue;
    if (mapped) {
      for (const look of found) {
        const path = ['tables', table.name, 'columns'];
        findings.push({
          severity: 'warning',
          code: 'unannotated-personal-column',
          path,
          message: `${formatPath(path)}: column ${describe(look)} but is not annotated; add '${look.column}: { category: ${look.category} }' (or the right category), or '${look.column}: { personal: false }'`,
        });
      }
    } else {
      findings.push({
        severity: 'warning',
        code: 'unmapped-personal-table',
        path: ['tables'],
        message: `tables: table '${table.name}' is not in the data map but column ${found.map(describe).join('; column ')}; describe the table or confirm it holds no personal data`,
      });
    }
  }
  return findings;
}
