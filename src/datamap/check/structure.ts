/**
 * Checks of a data map on its own (no policy, no database): every table reaches a subject's
 * identity, paths chain through mapped tables, anonymisation lists annotated columns, and each
 * legal hold has exactly one form.
 */
import { closestMatch } from '../../policy/load/closest-match.ts';
import { quoteList } from '../../policy/load/describe-value.ts';
import { formatPath, type PathSegment } from '../../policy/load/issue-path.ts';
import type { Finding } from '../../policy/load/policy-issue.ts';
import { ZIsoDuration } from '../../policy/model.ts';
import type { TDataMap, TTable } from '../model.ts';

function error(code: string, path: readonly PathSegment[], message: string): Finding {
  return { severity: 'error', code, path, message: `${formatPath(path)}: ${message}` };
}

function warning(code: string, path: readonly PathSegment[], message: string): Finding {
  return { severity: 'warning', code, path, message: `${formatPath(path)}: ${message}` };
}

/** Columns of `table` that identify the subject. */
export function identityColumnsOf(table: TTable): string[] {
  return Object.entries(table.columns)
    .filter(([, column]) => column.identity !== undefined)
    .map(([name]) => name);
}

function unmappedHint(name: string, datamap: TDataMap): string {
  const suggestion = closestMatch(name, Object.keys(datamap.tables));
  return suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
}

function checkPath(name: string, table: TTable, datamap: TDataMap): Finding[] {
  const steps = table.path ?? [];
  const at: PathSegment[] = ['tables', name, 'path'];
  if (steps.length === 0) {
    if (identityColumnsOf(table).length > 0) return [];
    return [
      error(
        'no-identity',
        ['tables', name],
        "the table has no identity column and no 'path': mark the columns that identify the subject with 'identity', or give the foreign-key steps to a table that has them",
      ),
    ];
  }
  const findings: Finding[] = [];
  if (identityColumnsOf(table).length > 0) {
    findings.push(
      warning(
        'identity-with-path',
        at,
        `the table has both identity columns and a path; subjects are found through the path's end, its own identity columns (${quoteList(identityColumnsOf(table))}) are not used to find them`,
      ),
    );
  }
  const visited = [name];
  for (const [index, step] of steps.entries()) {
    const stepPath = [...at, index, 'references'];
    if (visited.includes(step.references)) {
      findings.push(error('path-cycle', stepPath, `the path comes back to table '${step.references}'`));
      return findings;
    }
    visited.push(step.references);
    const target = datamap.tables[step.references];
    const last = index === steps.length - 1;
    if (target === undefined) {
      if (last) {
        findings.push(
          error(
            'path-end-unmapped',
            stepPath,
            `the path ends at table '${step.references}', which the data map does not describe${unmappedHint(step.references, datamap)}; a path must end at a mapped table with identity columns`,
          ),
        );
      } else if (step.to === undefined) {
        findings.push(
          error(
            'path-step-unmapped',
            stepPath,
            `table '${step.references}' is not in the data map, so its key is unknown${unmappedHint(step.references, datamap)}; give the referenced column under 'to'`,
          ),
        );
      }
      continue;
    }
    if (last && identityColumnsOf(target).length === 0) {
      const further = (target.path ?? []).map((s) => `${s.column} → ${s.references}`).join(', ');
      const hint =
        further === '' ? 'mark its identity columns' : `continue the path with its own steps (${further})`;
      findings.push(
        error(
          'path-end-no-identity',
          stepPath,
          `the path ends at table '${step.references}', which has no identity column; ${hint}`,
        ),
      );
    }
  }
  return findings;
}

function checkAnonymise(name: string, table: TTable): Finding[] {
  if (table.erasure.strategy !== 'anonymise') return [];
  const annotated = Object.keys(table.columns);
  const findings: Finding[] = [];
  for (const column of Object.keys(table.erasure.columns)) {
    if (annotated.includes(column)) continue;
    const path = ['tables', name, 'erasure', 'columns', column];
    const suggestion = closestMatch(column, annotated);
    const hint =
      suggestion !== undefined
        ? `did you mean '${suggestion}'?`
        : `annotate it under 'columns' first (annotated: ${annotated.length === 0 ? 'none' : quoteList(annotated)})`;
    findings.push(
      error('anonymise-unannotated-column', path, `column '${column}' is not annotated; ${hint}`),
    );
  }
  if (Object.hasOwn(table.erasure.columns, table.erasure.marker)) {
    const path = ['tables', name, 'erasure', 'marker'];
    findings.push(
      error(
        'marker-anonymised',
        path,
        `the marker column '${table.erasure.marker}' must not be anonymised itself`,
      ),
    );
  }
  if (table.columns[table.key] !== undefined && Object.hasOwn(table.erasure.columns, table.key)) {
    const path = ['tables', name, 'erasure', 'columns', table.key];
    findings.push(error('key-anonymised', path, `the key column '${table.key}' cannot be anonymised`));
  }
  return findings;
}

function checkLegalHolds(name: string, table: TTable, datamap: TDataMap): Finding[] {
  const findings: Finding[] = [];
  for (const [index, hold] of table.legalHolds.entries()) {
    const path: PathSegment[] = ['tables', name, 'legalHolds', index];
    const forms = [
      hold.column !== undefined || hold.duration !== undefined,
      hold.flag !== undefined,
      hold.heldBy !== undefined,
    ].filter(Boolean).length;
    if (forms !== 1) {
      findings.push(
        error(
          'legal-hold-form',
          path,
          "a legal hold takes exactly one form: 'column' with 'duration', 'flag', or 'heldBy'",
        ),
      );
      continue;
    }
    if ((hold.column === undefined) !== (hold.duration === undefined)) {
      const missing = hold.column === undefined ? 'column' : 'duration';
      findings.push(error('legal-hold-form', path, `'column' and 'duration' go together; add '${missing}'`));
    }
    if (hold.duration !== undefined && !ZIsoDuration.safeParse(hold.duration).success) {
      findings.push(
        error(
          'invalid-duration',
          [...path, 'duration'],
          `'${hold.duration}' is not an ISO 8601 duration; write e.g. 'P10Y', 'P6M' or 'P30D'`,
        ),
      );
    }
    if (hold.heldBy !== undefined && datamap.tables[hold.heldBy] === undefined) {
      findings.push(
        error(
          'held-by-unmapped',
          [...path, 'heldBy'],
          `table '${hold.heldBy}' is not in the data map${unmappedHint(hold.heldBy, datamap)}`,
        ),
      );
    }
  }
  return findings;
}

/** Checks the data map's internal consistency, table by table. */
export function checkStructure(datamap: TDataMap): Finding[] {
  return Object.entries(datamap.tables).flatMap(([name, table]) => [
    ...checkPath(name, table, datamap),
    ...checkAnonymise(name, table),
    ...checkLegalHolds(name, table, datamap),
  ]);
}
