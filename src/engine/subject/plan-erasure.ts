/**
 * Plan of an erasure request (Art 17): for every table holding rows about the subject, what
 * happens to each row and why — deleted, anonymised, or kept with its reason (the policy refuses
 * erasure for the activity under Art 17(3), the data map keeps the table, a legal hold, or rows
 * that must stay refer to it). The plan is data; `executeErasure` carries it out.
 */
import { deletionOrder, type SubjectKey } from '../../datamap/subject-graph.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { AnyDb } from '../db/types.ts';
import type { AnonymiseMethod } from './anonymise-value.ts';
import type { SubjectContext } from './context.ts';
import { blockReferencedRows } from './erasure-references.ts';
import type { Subject } from './find-subject.ts';
import { erasureHolds } from './legal-holds.ts';
import { restrictedAmong } from './read-rows.ts';
import { refusedRight } from './right-refusal.ts';
import { qualified, type SubjectTable, subjectRowsWhere, subjectTables } from './subject-tables.ts';

export type KeepReason =
  /** The policy states the erasure right is not available for this activity (Art 17(3)). */
  | { readonly kind: 'right-not-available'; readonly activity: string; readonly reasons: readonly string[] }
  /** The data map keeps this table's rows on erasure. */
  | { readonly kind: 'keep-strategy'; readonly reason: string }
  /** A legal hold (of the data map, or of the policy rule the table carries out) holds the row today. */
  | { readonly kind: 'legal-hold'; readonly reason: string }
  /** Rows of another table that stay (held, kept or outside the request) refer to the row. */
  | { readonly kind: 'referenced'; readonly table: string };

export interface KeptRows {
  readonly reason: KeepReason;
  readonly keys: readonly SubjectKey[];
}

export interface ErasureTablePlan {
  /** Mapped table. */
  readonly table: string;
  readonly activities: readonly string[];
  readonly identityTable: string;
  readonly strategy: 'delete' | 'anonymise' | 'keep';
  /** Anonymisation methods per column (anonymise strategy only). */
  readonly columns: Readonly<Record<string, AnonymiseMethod>>;
  /** Marker column set when a row is anonymised (anonymise strategy only). */
  readonly marker: string | null;
  /** Rows about the subject in the table. */
  readonly rows: number;
  /** Keys of the rows to delete or anonymise. */
  readonly erase: readonly SubjectKey[];
  /** Rows anonymised by an earlier run (marker set): nothing left to do. */
  readonly alreadyAnonymised: number;
  readonly kept: readonly KeptRows[];
  /** Rows under a restriction of processing (Art 18) among the table's rows. */
  readonly restricted: number;
}

export interface ErasurePlan {
  readonly subjectRef: string;
  /** The day holds were evaluated on (`YYYY-MM-DD`). */
  readonly today: string;
  /** Tables in execution order: a table comes before the tables it references. */
  readonly tables: readonly ErasureTablePlan[];
  /** Problems of the data map met while planning (e.g. a `heldBy` with no link: its rows are kept). */
  readonly warnings: readonly string[];
  readonly totals: {
    readonly rows: number;
    readonly deleted: number;
    readonly anonymised: number;
    readonly alreadyAnonymised: number;
    readonly kept: number;
  };
}

export interface PlanErasureOptions {
  /** Only these tables (objection to direct marketing erases the marketing tables only). */
  readonly tables?: readonly string[];
  /** Read through this connection or transaction instead of the context's database. */
  readonly db?: AnyDb;
}

/** A table's plan while it is being built (see {@link planErasure}). */
export interface ErasureDraft {
  scope: SubjectTable;
  strategy: ErasureTablePlan['strategy'];
  rows: number;
  erase: SubjectKey[];
  alreadyAnonymised: number;
  kept: KeptRows[];
}

/** The activity of `activities` for which the policy refuses erasure, with its reasons. */
function refusal(ctx: SubjectContext, activities: readonly string[]): KeepReason | undefined {
  const refused = refusedRight(ctx.policy.policy, 'erasure', activities);
  return refused === undefined
    ? undefined
    : { kind: 'right-not-available', activity: refused.activity, reasons: refused.reasons };
}

async function subjectKeys(db: AnyDb, ctx: SubjectContext, scope: SubjectTable): Promise<SubjectKey[]> {
  const key = qualified(scope.table, scope.mapping.key);
  const rows = await db
    .selectFrom(scope.table)
    .select(`${key} as k`)
    .where(subjectRowsWhere(ctx, scope))
    .orderBy(key)
    .execute();
  return rows.map((row) => row.k as SubjectKey);
}

async function draftTable(
  db: AnyDb,
  ctx: SubjectContext,
  scope: SubjectTable,
  today: Date,
  warnings: string[],
): Promise<ErasureDraft> {
  const { mapping, table } = scope;
  const all = await subjectKeys(db, ctx, scope);
  const draft: ErasureDraft = {
    scope,
    strategy: mapping.erasure.strategy,
    rows: all.length,
    erase: [],
    alreadyAnonymised: 0,
    kept: [],
  };
  if (all.length === 0) return draft;
  const refused = refusal(ctx, mapping.activities);
  if (refused !== undefined) {
    draft.kept.push({ reason: refused, keys: all });
    return draft;
  }
  if (mapping.erasure.strategy === 'keep') {
    draft.kept.push({ reason: { kind: 'keep-strategy', reason: mapping.erasure.reason }, keys: all });
    return draft;
  }
  const key = qualified(table, mapping.key);
  const taken = new Set<string>();
  for (const hold of erasureHolds(ctx, table, today, warnings)) {
    const rows = await db
      .selectFrom(table)
      .select(`${key} as k`)
      .where(subjectRowsWhere(ctx, scope))
      .where(hold.where)
      .orderBy(key)
      .execute();
    const keys = rows.map((row) => row.k as SubjectKey).filter((k) => !taken.has(String(k)));
    for (const k of keys) taken.add(String(k));
    if (keys.length > 0) draft.kept.push({ reason: { kind: 'legal-hold', reason: hold.reason }, keys });
  }
  let remaining = all.filter((k) => !taken.has(String(k)));
  if (mapping.erasure.strategy === 'anonymise' && remaining.length > 0) {
    const marker = qualified(table, mapping.erasure.marker);
    const done = await db
      .selectFrom(table)
      .select(`${key} as k`)
      .where(subjectRowsWhere(ctx, scope))
      .where(marker, 'is not', null)
      .execute();
    const doneKeys = new Set(done.map((row) => String(row.k)));
    draft.alreadyAnonymised = remaining.filter((k) => doneKeys.has(String(k))).length;
    remaining = remaining.filter((k) => !doneKeys.has(String(k)));
  }
  draft.erase = remaining;
  return draft;
}

/** The anonymisation methods of a table; a bare `constant` (no value) is a data-map error. */
function methodsOf(scope: SubjectTable): Record<string, AnonymiseMethod> {
  const { erasure } = scope.mapping;
  if (erasure.strategy !== 'anonymise') return {};
  const out: Record<string, AnonymiseMethod> = {};
  for (const [column, method] of Object.entries(erasure.columns)) {
    if (method === 'constant') {
      throw new RegistreError(
        'REG_ERR_DATAMAP_INVALID',
        `tables.${scope.table}.erasure.columns.${column}: 'constant' needs its value; write { method: constant, value: '…' }`,
      );
    }
    out[column] = method;
  }
  return out;
}

/** Drafts in deletion order: children before the tables they reference. */
function orderOf(ctx: SubjectContext, drafts: readonly ErasureDraft[]): ErasureDraft[] {
  const rank = new Map(deletionOrder(ctx.datamap, ctx.schema).map((table, index) => [table, index]));
  return [...drafts].sort((a, b) => (rank.get(a.scope.table) ?? 0) - (rank.get(b.scope.table) ?? 0));
}

/**
 * Plan the erasure of everything about the subject (or of `options.tables` only), holds
 * evaluated on the context's clock.
 */
export async function planErasure(
  ctx: SubjectContext,
  subject: Subject,
  options: PlanErasureOptions = {},
): Promise<ErasurePlan> {
  const db = options.db ?? ctx.target.db;
  const now = ctx.clock();
  const wanted = options.tables === undefined ? undefined : new Set(options.tables);
  const scopes = subjectTables(ctx, subject).filter((s) => wanted === undefined || wanted.has(s.table));
  const drafts: ErasureDraft[] = [];
  const warnings: string[] = [];
  for (const scope of scopes) drafts.push(await draftTable(db, ctx, scope, now, warnings));
  const ordered = await blockReferencedRows(db, ctx, orderOf(ctx, drafts));
  const tables: ErasureTablePlan[] = [];
  for (const draft of ordered) {
    const { mapping } = draft.scope;
    const allKeys = [...draft.erase, ...draft.kept.flatMap((k) => k.keys)].map(String);
    tables.push({
      table: draft.scope.table,
      activities: mapping.activities,
      identityTable: draft.scope.route.identityTable,
      strategy: draft.strategy,
      columns: methodsOf(draft.scope),
      marker: mapping.erasure.strategy === 'anonymise' ? mapping.erasure.marker : null,
      rows: draft.rows,
      erase: draft.erase,
      alreadyAnonymised: draft.alreadyAnonymised,
      kept: draft.kept,
      restricted: (await restrictedAmong(db, draft.scope.table, allKeys)).length,
    });
  }
  const sum = (pick: (t: ErasureTablePlan) => number) => tables.reduce((n, t) => n + pick(t), 0);
  return {
    subjectRef: subject.ref,
    today: now.toISOString().slice(0, 10),
    tables,
    warnings: [...new Set(warnings)],
    totals: {
      rows: sum((t) => t.rows),
      deleted: sum((t) => (t.strategy === 'delete' ? t.erase.length : 0)),
      anonymised: sum((t) => (t.strategy === 'anonymise' ? t.erase.length : 0)),
      alreadyAnonymised: sum((t) => t.alreadyAnonymised),
      kept: sum((t) => t.kept.reduce((n, k) => n + k.keys.length, 0)),
    },
  };
}
