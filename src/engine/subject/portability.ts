/**
 * Portability (Art 20): only the data the subject provided (columns flagged `providedBySubject`
 * in the data map), only for activities based on consent or on a contract, as JSON and one CSV
 * file per table. Reading and its `subject.portability` audit entry share one transaction.
 */
import { appendAudit } from '../../audit/append-audit.ts';
import type { TActivity, TPolicy } from '../../policy/model.ts';
import type { Taxonomy } from '../../policy/taxonomy/types.ts';
import type { SubjectContext } from './context.ts';
import type { Subject } from './find-subject.ts';
import { type PlainRow, readSubjectRows } from './read-rows.ts';
import { rowsToCsv } from './render-access.ts';
import { refusedRight } from './right-refusal.ts';
import { subjectTables } from './subject-tables.ts';

export interface PortableTable {
  readonly table: string;
  /** The table's activities that make its data portable (consent or contract). */
  readonly activities: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly PlainRow[];
}

export type PortabilityExclusion =
  | {
      readonly table: string;
      /** `legal-basis`: no activity of the table rests on consent or contract; `not-provided`: no column was provided by the subject. */
      readonly reason: 'legal-basis' | 'not-provided';
    }
  | {
      readonly table: string;
      /** The policy refuses portability for `activity`, one of the table's activities, for `reasons`. */
      readonly reason: 'right-not-available';
      readonly activity: string;
      /** The policy's reasons (taxonomy `limitReasons` ids). */
      readonly reasons: readonly string[];
    };

export interface PortabilityExport {
  readonly subjectRef: string;
  readonly generatedAt: string;
  readonly tables: readonly PortableTable[];
  readonly excluded: readonly PortabilityExclusion[];
}

/** Whether an activity's data is portable: a consent or contract basis, and portability not refused. */
export function isPortableActivity(policy: TPolicy, taxonomy: Taxonomy, activity: TActivity): boolean {
  if (refusedRight(policy, 'portability', [activity.id]) !== undefined) return false;
  return (activity.legalBases ?? []).some(
    (use) => use.basis === 'contract' || taxonomy.legalBases.get(use.basis)?.consent === true,
  );
}

/** Read the subject's portable data and record one `subject.portability` audit entry. */
export async function exportPortableData(ctx: SubjectContext, subject: Subject): Promise<PortabilityExport> {
  const { policy, taxonomy } = ctx.policy;
  const now = ctx.clock();
  const excluded: PortabilityExclusion[] = [];
  const plans: {
    scope: ReturnType<typeof subjectTables>[number];
    activities: string[];
    columns: string[];
  }[] = [];
  for (const scope of subjectTables(ctx, subject)) {
    const activities = scope.mapping.activities.filter((id) => {
      const activity = policy.activities.find((a) => a.id === id);
      return activity !== undefined && isPortableActivity(policy, taxonomy, activity);
    });
    const columns = Object.entries(scope.mapping.columns)
      .filter(([name, column]) => column.providedBySubject === true && name !== scope.mapping.key)
      .map(([name]) => name);
    // No portable activity: say why — the policy refusing the right for one of them (with its
    // reasons), or no consent or contract basis.
    const refused = refusedRight(policy, 'portability', scope.mapping.activities);
    if (activities.length === 0 && refused !== undefined) {
      excluded.push({
        table: scope.table,
        reason: 'right-not-available',
        activity: refused.activity,
        reasons: refused.reasons,
      });
    } else if (activities.length === 0) excluded.push({ table: scope.table, reason: 'legal-basis' });
    else if (columns.length === 0) excluded.push({ table: scope.table, reason: 'not-provided' });
    else plans.push({ scope, activities, columns });
  }
  const tables = await ctx.target.db.transaction().execute(async (trx) => {
    const out: PortableTable[] = [];
    for (const plan of plans) {
      const rows = await readSubjectRows(trx, ctx, plan.scope, plan.columns);
      out.push({ table: plan.scope.table, activities: plan.activities, columns: plan.columns, rows });
    }
    await appendAudit(
      trx,
      [
        {
          actor: ctx.actor,
          operation: 'subject.portability',
          subjectRef: subject.ref,
          tables: out.map((t) => t.table),
          rowCounts: Object.fromEntries(out.map((t) => [t.table, t.rows.length])),
          reason: 'Art 20 portability request',
        },
      ],
      { clock: () => now, maxParameters: ctx.target.adapter.maxParameters },
    );
    return out;
  });
  return { subjectRef: subject.ref, generatedAt: now.toISOString(), tables, excluded };
}

/** The export as one JSON document. */
export function renderPortabilityJson(data: PortabilityExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** One CSV file per table with rows, keyed by file name (`<table>.csv`). */
export function renderPortabilityCsv(data: PortabilityExport): Map<string, string> {
  const files = new Map<string, string>();
  for (const table of data.tables) {
    if (table.rows.length > 0) files.set(`${table.table}.csv`, rowsToCsv(table.columns, table.rows));
  }
  return files;
}
