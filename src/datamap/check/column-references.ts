/**
 * Every column a data map refers to, with the table it must exist in and where the map says it:
 * annotated columns, keys, retention and erasure columns, legal-hold columns, path columns.
 */
import type { PathSegment } from '../../policy/load/issue-path.ts';
import type { TDataMap, TTable } from '../model.ts';

/** What a referenced column is used for; decides which type it should have. */
export type ColumnRole =
  | 'annotated'
  | 'key'
  | 'date'
  | 'time'
  | 'flag'
  | 'consent'
  | 'where'
  | 'path'
  | 'path-target';

export interface ColumnReference {
  /** Table the column must exist in. */
  readonly table: string;
  readonly column: string;
  readonly role: ColumnRole;
  /** Where the data map names it. */
  readonly path: readonly PathSegment[];
  /** Point at the mapping key (an annotated column's name) rather than at a value. */
  readonly atKey?: boolean;
}

function tableReferences(name: string, table: TTable, datamap: TDataMap): ColumnReference[] {
  const at = (...rest: PathSegment[]): PathSegment[] => ['tables', name, ...rest];
  const refs: ColumnReference[] = [{ table: name, column: table.key, role: 'key', path: at('key') }];
  for (const column of Object.keys(table.columns)) {
    refs.push({ table: name, column, role: 'annotated', path: at('columns', column), atKey: true });
  }
  for (const [index, use] of table.retention.entries()) {
    refs.push({ table: name, column: use.trigger, role: 'date', path: at('retention', index, 'trigger') });
    if (use.archiveTrigger !== undefined) {
      const path = at('retention', index, 'archiveTrigger');
      refs.push({ table: name, column: use.archiveTrigger, role: 'date', path });
    }
    if (use.archivedAt !== undefined) {
      refs.push({
        table: name,
        column: use.archivedAt,
        role: 'time',
        path: at('retention', index, 'archivedAt'),
      });
    }
    for (const [e, early] of (use.endsEarlierOn ?? []).entries()) {
      const path = at('retention', index, 'endsEarlierOn', e, 'column');
      refs.push({ table: name, column: early.column, role: 'date', path });
    }
    if (use.consentColumn !== undefined) {
      const path = at('retention', index, 'consentColumn');
      refs.push({ table: name, column: use.consentColumn, role: 'consent', path });
    }
    if (use.where !== undefined) {
      const path = at('retention', index, 'where', 'column');
      refs.push({ table: name, column: use.where.column, role: 'where', path });
    }
  }
  if (table.erasure.strategy === 'anonymise') {
    refs.push({ table: name, column: table.erasure.marker, role: 'time', path: at('erasure', 'marker') });
  }
  for (const [index, hold] of table.legalHolds.entries()) {
    if (hold.column !== undefined) {
      refs.push({ table: name, column: hold.column, role: 'date', path: at('legalHolds', index, 'column') });
    }
    if (hold.flag !== undefined) {
      refs.push({ table: name, column: hold.flag, role: 'flag', path: at('legalHolds', index, 'flag') });
    }
  }
  let from = name;
  for (const [index, step] of (table.path ?? []).entries()) {
    refs.push({ table: from, column: step.column, role: 'path', path: at('path', index, 'column') });
    const to = step.to ?? datamap.tables[step.references]?.key;
    if (to !== undefined) {
      const path = at('path', index, step.to === undefined ? 'references' : 'to');
      refs.push({ table: step.references, column: to, role: 'path-target', path });
    }
    from = step.references;
  }
  return refs;
}

/** Every column reference of the map, table by table, in the order the map writes them. */
export function columnReferences(datamap: TDataMap): ColumnReference[] {
  return Object.entries(datamap.tables).flatMap(([name, table]) => tableReferences(name, table, datamap));
}
