/**
 * Carrying out an erasure plan: tables in deletion order (children before the tables they
 * reference), keys in batches, each batch in its own transaction together with its audit entry.
 * Deleted rows lose their restriction entries in the same transaction. Anonymised rows get their
 * marker, and only rows whose marker is still empty are touched, so a second run — or a run
 * resumed after a crash — does nothing twice. The result lists one outcome per table; the first
 * failure stops the run (parents are not touched while their children failed).
 */
import { appendAudit } from '../../audit/append-audit.ts';
import type { AuditOperation } from '../../audit/operations.ts';
import type { SubjectKey } from '../../datamap/subject-graph.ts';
import type { AnyDb } from '../db/types.ts';
import { type AnonymisedValue, anonymiseValue } from './anonymise-value.ts';
import type { SubjectContext } from './context.ts';
import type { Subject } from './find-subject.ts';
import { columnType } from './plain-value.ts';
import { type ErasurePlan, type ErasureTablePlan, planErasure } from './plan-erasure.ts';
import { RESTRICTION_TABLE } from './restriction-schema.ts';
import { chunked, qualified } from './subject-tables.ts';

export interface ErasureEffect {
  readonly table: string;
  readonly action: 'delete' | 'anonymise';
  /** Rows deleted or anonymised. */
  readonly rows: number;
  readonly status: 'done' | 'failed' | 'skipped';
  /** Why it failed (database message; never a value of the row). */
  readonly error?: string;
}

export interface ErasureResult {
  readonly plan: ErasurePlan;
  readonly effects: readonly ErasureEffect[];
  readonly ok: boolean;
}

export interface ExecuteErasureOptions {
  /** Only these tables. */
  readonly tables?: readonly string[];
  /** Audit operation: `subject.erase` (default) or `subject.object`. */
  readonly operation?: Extract<AuditOperation, 'subject.erase' | 'subject.object'>;
  /** Why, for the audit trail (request id, right); defaults to "Art 17 erasure request". */
  readonly reason?: string;
  /** Keys per transaction (default 500). */
  readonly batchSize?: number;
}

/** Rows kept per kind of reason (a count, never a key or a value). */
function keptCounts(table: ErasureTablePlan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kept of table.kept) out[kept.reason.kind] = (out[kept.reason.kind] ?? 0) + kept.keys.length;
  return out;
}

function bindValue(ctx: SubjectContext, value: AnonymisedValue): unknown {
  if (value !== null && typeof value === 'object') {
    return ctx.target.adapter.dayParam(new Date(`${value.day}T00:00:00Z`));
  }
  return value;
}

async function deleteBatch(
  trx: AnyDb,
  table: ErasureTablePlan,
  key: string,
  keys: SubjectKey[],
): Promise<number> {
  const result = await trx
    .deleteFrom(table.table)
    .where(qualified(table.table, key), 'in', keys)
    .executeTakeFirst();
  await trx
    .deleteFrom(RESTRICTION_TABLE)
    .where('table_name', '=', table.table)
    .where(
      'row_key',
      'in',
      keys.map((k) => String(k)),
    )
    .execute();
  return Number(result.numDeletedRows);
}

async function anonymiseBatch(
  trx: AnyDb,
  ctx: SubjectContext,
  table: ErasureTablePlan,
  key: string,
  keys: SubjectKey[],
  now: Date,
): Promise<number> {
  const marker = table.marker ?? '';
  const columns = Object.keys(table.columns);
  const rows = await trx
    .selectFrom(table.table)
    .select([
      `${qualified(table.table, key)} as registre_key`,
      ...columns.map((c) => qualified(table.table, c)),
    ])
    .where(qualified(table.table, key), 'in', keys)
    .where(qualified(table.table, marker), 'is', null)
    .execute();
  const mapping = ctx.datamap.tables[table.table];
  let changed = 0;
  for (const row of rows as Record<string, unknown>[]) {
    const set: Record<string, unknown> = { [marker]: ctx.target.adapter.timeParam(now) };
    for (const column of columns) {
      const method = table.columns[column];
      if (method === undefined) continue;
      const facts = {
        dataType: columnType(ctx.schema, table.table, column),
        category: mapping?.columns[column]?.category,
      };
      set[column] = bindValue(ctx, anonymiseValue(method, row[column], facts, ctx.secret));
    }
    const result = await trx
      .updateTable(table.table)
      .set(set)
      .where(qualified(table.table, key), '=', row.registre_key)
      .where(qualified(table.table, marker), 'is', null)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}

/**
 * A database error without the values it may quote (MySQL's "Duplicate entry 'x'…", PostgreSQL's
 * "invalid input syntax…: \"x\"") — an effect's outcome must not carry personal data.
 */
export function safeMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/'[^']*'|"[^"]*"/g, '…');
}

/**
 * Plan (on the context's clock) and carry out the erasure of the subject's data. Returns the
 * plan that was executed and one effect per table with rows to delete or anonymise.
 */
export async function executeErasure(
  ctx: SubjectContext,
  subject: Subject,
  options: ExecuteErasureOptions = {},
): Promise<ErasureResult> {
  const plan = await planErasure(
    ctx,
    subject,
    options.tables === undefined ? {} : { tables: options.tables },
  );
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 500, ctx.target.adapter.maxParameters - 10));
  const operation = options.operation ?? 'subject.erase';
  const effects: ErasureEffect[] = [];
  let failed = false;
  for (const table of plan.tables) {
    if (table.erase.length === 0 || table.strategy === 'keep') continue;
    const action = table.strategy;
    if (failed) {
      effects.push({ table: table.table, action, rows: 0, status: 'skipped' });
      continue;
    }
    const key = ctx.datamap.tables[table.table]?.key ?? 'id';
    let rows = 0;
    try {
      for (const [batch, keys] of chunked(table.erase, batchSize).entries()) {
        const now = ctx.clock();
        rows += await ctx.target.db.transaction().execute(async (trx) => {
          const n =
            action === 'delete'
              ? await deleteBatch(trx, table, key, keys)
              : await anonymiseBatch(trx, ctx, table, key, keys, now);
          if (n > 0) {
            await appendAudit(
              trx,
              [
                {
                  actor: ctx.actor,
                  operation,
                  subjectRef: subject.ref,
                  tables: [table.table],
                  rowCounts: { [table.table]: n },
                  reason: options.reason ?? 'Art 17 erasure request',
                  details: {
                    action,
                    batch,
                    ...(action === 'anonymise' ? { columns: Object.keys(table.columns) } : {}),
                    kept: keptCounts(table),
                  },
                },
              ],
              { clock: () => now, maxParameters: ctx.target.adapter.maxParameters },
            );
          }
          return n;
        });
      }
      effects.push({ table: table.table, action, rows, status: 'done' });
    } catch (error) {
      failed = true;
      effects.push({
        table: table.table,
        action,
        rows,
        status: 'failed',
        error: safeMessage(error),
      });
    }
  }
  return { plan, effects, ok: !failed };
}
