/**
 * Rectification (Art 16): new values for named columns of the subject's identity rows, checked
 * against each column's type and data category, written in one transaction with one
 * `subject.rectify` audit entry that names the columns — never the old or new values.
 */
import { appendAudit } from '../../audit/append-audit.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { SubjectContext } from './context.ts';
import { identityKeysByTable, type Subject } from './find-subject.ts';
import { columnType } from './plain-value.ts';
import { qualified } from './subject-tables.ts';
import { validateValue } from './validate-value.ts';

export interface RectificationResult {
  /** Rows changed per identity table. */
  readonly rows: Readonly<Record<string, number>>;
  /** Columns changed per identity table. */
  readonly columns: Readonly<Record<string, readonly string[]>>;
}

export interface RectifyOptions {
  /** Why, for the audit trail; defaults to "Art 16 rectification request". */
  readonly reason?: string;
}

/**
 * Set `changes` (column → new value) on the subject's identity rows. A column is changed in
 * every identity table of the subject that maps it. Throws `REG_ERR_SUBJECT_COLUMN` for a
 * column no identity table of the subject maps (or the key, or an anonymisation marker) and
 * `REG_ERR_SUBJECT_VALUE` for a value of the wrong form.
 */
export async function rectify(
  ctx: SubjectContext,
  subject: Subject,
  changes: Readonly<Record<string, string>>,
  options: RectifyOptions = {},
): Promise<RectificationResult> {
  const byTable = identityKeysByTable(subject);
  const updates = new Map<string, Record<string, unknown>>();
  for (const [column, raw] of Object.entries(changes)) {
    let used = false;
    for (const table of byTable.keys()) {
      const mapping = ctx.datamap.tables[table];
      const annotation = mapping?.columns[column];
      if (mapping === undefined || annotation === undefined || column === mapping.key) continue;
      if (mapping.erasure.strategy === 'anonymise' && mapping.erasure.marker === column) continue;
      const value = validateValue(
        ctx.target.adapter,
        { table, column },
        { dataType: columnType(ctx.schema, table, column), category: annotation.category },
        raw,
      );
      const set = updates.get(table) ?? {};
      set[column] = value;
      updates.set(table, set);
      used = true;
    }
    if (!used) {
      const tables = [...byTable.keys()];
      const mapped = tables.flatMap((t) => {
        const m = ctx.datamap.tables[t];
        return m === undefined ? [] : Object.keys(m.columns).map((c) => `${t}.${c}`);
      });
      throw new RegistreError(
        'REG_ERR_SUBJECT_COLUMN',
        `column '${column}' is not a mapped column of the subject's identity rows (${tables.join(', ')}); mapped columns: ${mapped.join(', ')}`,
      );
    }
  }
  const now = ctx.clock();
  return ctx.target.db.transaction().execute(async (trx) => {
    const rows: Record<string, number> = {};
    const columns: Record<string, string[]> = {};
    for (const [table, set] of updates) {
      const key = ctx.datamap.tables[table]?.key ?? 'id';
      const result = await trx
        .updateTable(table)
        .set(set)
        .where(qualified(table, key), 'in', byTable.get(table) ?? [])
        .executeTakeFirst();
      rows[table] = Number(result.numUpdatedRows);
      columns[table] = Object.keys(set);
    }
    await appendAudit(
      trx,
      [
        {
          actor: ctx.actor,
          operation: 'subject.rectify',
          subjectRef: subject.ref,
          tables: Object.keys(rows),
          rowCounts: rows,
          reason: options.reason ?? 'Art 16 rectification request',
          details: { columns },
        },
      ],
      { clock: () => now, maxParameters: ctx.target.adapter.maxParameters },
    );
    return { rows, columns };
  });
}
