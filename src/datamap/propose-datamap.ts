/**
 * A draft data map from a scan: every table where personal data was found (or whose foreign keys
 * lead to such a table), its key, its proposed column categories and identity columns, and a path
 * to the identity for tables without one. What only a human can know — the subject category, the
 * activities, the erasure strategy, the retention rules — is written as YAML comments that say
 * what to fill; once filled, the file validates against the data-map schema.
 */
import { stringify } from 'yaml';
import type { SchemaInfo, TableInfo } from '../engine/db/types.ts';
import { isDateType } from './check/date-columns.ts';
import type { TColumn } from './model.ts';
import type { ColumnProposal, ScanResult } from './scanner/scan-database.ts';

export interface ProposeOptions {
  /** Path of the policy file relative to the draft; a FILL comment when omitted. */
  readonly policy?: string;
  /** Database URL to record as `database:` (leave out URLs that carry a password). */
  readonly database?: string;
  /** Dialect and time of the scan, for the header comment. */
  readonly dialect?: string;
  readonly generatedAt?: Date;
}

type Identity = NonNullable<TColumn['identity']>;

/** Categories whose columns identify a subject, with the identity kind the draft proposes. */
const IDENTITY_OF: Readonly<Record<string, Identity>> = {
  'email-address': 'email',
  'telephone-number': 'phone',
  name: 'name',
  'national-id-number': 'national-id',
  'customer-number': 'customer-number',
};

const PLAIN = /^[A-Za-z_][A-Za-z0-9_$]*$/;
const MAX_PATH = 4;

interface Step {
  readonly column: string;
  readonly references: string;
  readonly to?: string;
}

function scalar(value: string): string {
  return stringify(value).trimEnd();
}

function evidence(p: ColumnProposal): string {
  const values = p.matchRatio > 0 ? `${Math.round(p.matchRatio * 100)}% of ${p.sampled} values` : '';
  const parts = [p.nameHint ? 'name' : '', values].filter((s) => s !== '');
  return `confidence ${p.confidence.toFixed(2)} from ${parts.join(' + ') || 'values'}`;
}

/** Shortest foreign-key path from `table` to a table with identity proposals (breadth first). */
function pathToIdentity(
  table: string,
  schema: SchemaInfo,
  hasIdentity: (t: string) => boolean,
): Step[] | undefined {
  const queue: { table: string; steps: Step[] }[] = [{ table, steps: [] }];
  const seen = new Set([table]);
  while (queue.length > 0) {
    const current = queue.shift();
    if (current === undefined || current.steps.length >= MAX_PATH) continue;
    const fks = schema.foreignKeys
      .filter((fk) => fk.table === current.table && !seen.has(fk.references))
      .sort((a, b) => a.column.localeCompare(b.column));
    for (const fk of fks) {
      const primary = schema.tables.get(fk.references)?.primaryKey;
      const defaultTo = primary?.length === 1 && (fk.to === primary[0] || fk.to === 'rowid');
      const step: Step = defaultTo
        ? { column: fk.column, references: fk.references }
        : { column: fk.column, references: fk.references, to: fk.to };
      const steps = [...current.steps, step];
      if (hasIdentity(fk.references)) return steps;
      seen.add(fk.references);
      queue.push({ table: fk.references, steps });
    }
  }
  return undefined;
}

function columnLine(p: ColumnProposal, identity: boolean): string {
  const kind = IDENTITY_OF[p.category];
  const fields = [
    `category: ${p.category}`,
    ...(identity && kind !== undefined ? [`identity: ${kind}`] : []),
  ];
  return `      ${p.column}: { ${fields.join(', ')} }  # ${evidence(p)}`;
}

function tableLines(
  table: TableInfo,
  proposals: readonly ColumnProposal[],
  path: Step[] | undefined,
): string[] {
  const lines = [`  ${table.name}:`];
  lines.push(
    '    # FILL subject: the subject category the rows describe (taxonomy subjectCategories), e.g. customer',
  );
  if (table.primaryKey.length === 1) lines.push(`    key: ${table.primaryKey[0]}`);
  else
    lines.push(
      '    # FILL key: a single column that identifies each row (the table has no one-column primary key)',
    );
  lines.push('    # FILL activities: [the policy activity ids this table serves]');
  if (path !== undefined && path.length > 0) {
    lines.push(
      '    path:  # proposed from the foreign keys: check it leads to the subject the rows describe',
    );
    for (const step of path) {
      const to = step.to === undefined ? '' : `, to: ${step.to}`;
      lines.push(`      - { column: ${step.column}, references: ${step.references}${to} }`);
    }
  }
  const identity = path === undefined || path.length === 0;
  if (identity && !proposals.some((p) => IDENTITY_OF[p.category] !== undefined)) {
    lines.push(
      '    # FILL path: [{ column: <foreign key>, references: <table with identity columns> }], or mark the columns that identify the subject with identity:',
    );
  }
  const plain = proposals.filter((p) => PLAIN.test(p.column));
  if (plain.length === 0)
    lines.push('    columns: {}  # no personal column found: the rows relate to a subject through the path');
  else {
    lines.push('    columns:');
    lines.push(...plain.map((p) => columnLine(p, identity)));
  }
  for (const p of proposals.filter((q) => !PLAIN.test(q.column))) {
    lines.push(
      `    # column ${scalar(p.column)} looks like ${p.category} but its name is not a plain identifier: rename it`,
    );
  }
  const dates = table.columns.filter((c) => isDateType(c.dataType)).map((c) => c.name);
  const trigger = dates.length > 0 ? dates.join(' | ') : 'a date or timestamp column';
  lines.push(`    # FILL retention: [{ rule: <policy retention rule id>, trigger: ${trigger} }]`);
  lines.push(
    '    # FILL erasure: { strategy: delete } | { strategy: anonymise, columns: { <column>: null | hash | mask | generalise }, marker: <timestamp column> } | { strategy: keep, reason: <retention reason> }',
  );
  return lines;
}

/**
 * Writes the draft data map of a scan as YAML text. Tables are listed in schema order; tables with
 * no personal data and no foreign-key path to one are named in a closing comment.
 */
export function proposeDataMap(scan: ScanResult, options: ProposeOptions = {}): string {
  const byTable = new Map<string, ColumnProposal[]>();
  for (const p of scan.proposals) byTable.set(p.table, [...(byTable.get(p.table) ?? []), p]);
  const hasIdentity = (t: string) =>
    (byTable.get(t) ?? []).some((p) => IDENTITY_OF[p.category] !== undefined);
  const when =
    options.generatedAt === undefined ? '' : ` on ${options.generatedAt.toISOString().slice(0, 10)}`;
  const out = [
    `# Draft data map proposed by \`registre scan\`${options.dialect === undefined ? '' : ` (${options.dialect})`}${when}.`,
    '# Review every proposed category, then fill each "# FILL" line (remove the "# FILL" marker and write',
    '# the value) and check it with `registre datamap check <this file>`.',
    'registre-datamap: 1',
    options.policy === undefined
      ? '# FILL policy: path of the policy file this map enforces, relative to this file'
      : `policy: ${scalar(options.policy)}`,
  ];
  if (options.database !== undefined) out.push(`database: ${scalar(options.database)}`);
  out.push('tables:');
  const skipped: string[] = [];
  for (const table of scan.schema.tables.values()) {
    if (table.name.startsWith('registre_')) continue;
    const proposals = byTable.get(table.name) ?? [];
    const path = hasIdentity(table.name) ? [] : pathToIdentity(table.name, scan.schema, hasIdentity);
    if ((proposals.length === 0 && path === undefined) || !PLAIN.test(table.name)) {
      skipped.push(table.name);
      continue;
    }
    out.push(...tableLines(table, proposals, path));
  }
  if (out.at(-1) === 'tables:') out[out.length - 1] = 'tables: {}  # no personal data found';
  if (skipped.length > 0) {
    out.push(`# No personal data found in: ${skipped.join(', ')} (add them if they hold any).`);
  }
  return `${out.join('\n')}\n`;
}
