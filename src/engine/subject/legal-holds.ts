/**
 * The legal holds that keep a subject's rows on erasure: the data map's holds of the table and
 * the holds with a duration of the policy rules the table carries out — the very conditions a
 * retention sweep uses (`src/engine/sweep/legal-holds.ts`), so that a sweep and an erasure keep
 * the same rows. Each hold is a SQL condition on the table's own (unaliased) columns.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { TRetentionRule } from '../../policy/model.ts';
import { dataMapHolds, policyHolds } from '../sweep/legal-holds.ts';
import { rootScope } from '../sweep/sql-conditions.ts';
import type { SubjectContext } from './context.ts';

export interface ErasureHold {
  /** Retention reason (taxonomy `retentionReasons`). */
  readonly reason: string;
  /** Where the hold is declared. */
  readonly source: 'data map' | 'policy';
  /** The condition on the table's rows. */
  readonly where: RawBuilder<SqlBool>;
}

function ruleById(ctx: SubjectContext, id: string): TRetentionRule | undefined {
  for (const activity of ctx.policy.policy.activities) {
    const rule = activity.retention.find((r) => r.id === id);
    if (rule !== undefined) return rule;
  }
  return undefined;
}

/**
 * The holds of `table` on `today`. Problems of the data map (a `heldBy` table with no link)
 * are pushed on `warnings`; such a hold then keeps every row, so nothing is erased by mistake.
 */
export function erasureHolds(
  ctx: SubjectContext,
  table: string,
  today: Date,
  warnings: string[],
): ErasureHold[] {
  const context = { datamap: ctx.datamap, schema: ctx.schema, adapter: ctx.target.adapter, today };
  const specs = dataMapHolds(context, table, warnings);
  for (const retention of ctx.datamap.tables[table]?.retention ?? []) {
    const rule = ruleById(ctx, retention.rule);
    if (rule !== undefined) specs.push(...policyHolds(context, table, rule, retention.trigger, warnings));
  }
  const scope = rootScope(table);
  return specs.map((spec) => ({ reason: spec.reason, source: spec.source, where: spec.when(scope) }));
}
