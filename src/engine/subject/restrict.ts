/**
 * Restriction of processing (Art 18): every row about the subject is listed in
 * `registre_restriction`, which Registre's sweeps honour (the rows are only stored) and which
 * applications read through `isRestricted` or the `registre_restricted_rows` view. Before a
 * restriction is lifted the subject must be told (Art 18(3)): the notice is recorded first
 * (`notified_at`), and lifting refuses rows whose notice is not recorded.
 *
 * The policy may refuse the right for an activity (`activities[].rights.restriction`, or
 * `objection` for the Art 21(1) objection fulfilled as a restriction on ground
 * `objection-pending`; else the policy-wide statement): the rows of a table serving such an
 * activity are left as they are and the table is reported in `refused` with the activity and the
 * policy's reasons (see right-refusal.ts).
 */
import { appendAudit } from '../../audit/append-audit.ts';
import type { AuditOperation } from '../../audit/operations.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { AnyDb } from '../db/types.ts';
import type { SubjectContext } from './context.ts';
import type { Subject } from './find-subject.ts';
import { RESTRICTION_TABLE } from './restriction-schema.ts';
import { type RightRefusal, refusedRight } from './right-refusal.ts';
import { chunked, qualified, subjectRowsWhere, subjectTables } from './subject-tables.ts';

/** Grounds of Art 18(1): (a) accuracy contested, (b) unlawful processing, (c) legal claims, (d) objection pending. */
export const RESTRICTION_GROUNDS = [
  'accuracy-contested',
  'unlawful-processing',
  'legal-claims',
  'objection-pending',
] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

/** A table whose rows were left as they are because the policy refuses the right for one of its activities. */
export interface RestrictionRefusal extends RightRefusal {
  readonly table: string;
  /** The subject's rows in the table. */
  readonly rows: number;
}

export interface RestrictionResult {
  /** Rows whose state changed, per table. */
  readonly rows: Readonly<Record<string, number>>;
  /** Tables skipped under the policy (restriction only; empty for notices and lifts). */
  readonly refused: readonly RestrictionRefusal[];
}

export interface RestrictOptions {
  /**
   * The right whose statements decide which tables are refused: `objection` for ground
   * `objection-pending` (an Art 21(1) objection awaiting verification), `restriction` otherwise.
   */
  readonly right?: 'restriction' | 'objection';
}

const CHUNK = 500;

/** Whether the row of `table` with key `key` is currently restricted. */
export async function isRestricted(
  db: AnyDb,
  table: string,
  key: string | number | bigint,
): Promise<boolean> {
  const row = await db
    .selectFrom(RESTRICTION_TABLE)
    .select('row_key')
    .where('table_name', '=', table)
    .where('row_key', '=', String(key))
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The subject's row keys (as text) per table. */
async function subjectRowKeys(
  db: AnyDb,
  ctx: SubjectContext,
  subject: Subject,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const scope of subjectTables(ctx, subject)) {
    const key = qualified(scope.table, scope.mapping.key);
    const rows = await db
      .selectFrom(scope.table)
      .select(`${key} as k`)
      .where(subjectRowsWhere(ctx, scope))
      .execute();
    if (rows.length > 0)
      out.set(
        scope.table,
        rows.map((row) => String(row.k)),
      );
  }
  return out;
}

interface ExistingRestriction {
  row_key: string;
  lifted_at: string | null;
  notified_at: string | null;
}

async function existing(db: AnyDb, table: string, keys: readonly string[]): Promise<ExistingRestriction[]> {
  const out: ExistingRestriction[] = [];
  for (const part of chunked(keys, CHUNK)) {
    const rows = await db
      .selectFrom(RESTRICTION_TABLE)
      .select(['row_key', 'lifted_at', 'notified_at'])
      .where('table_name', '=', table)
      .where('row_key', 'in', part)
      .execute();
    out.push(...(rows as ExistingRestriction[]));
  }
  return out;
}

async function audited(
  ctx: SubjectContext,
  subject: Subject,
  operation: AuditOperation,
  reason: string,
  work: (trx: AnyDb, at: string) => Promise<Record<string, number>>,
  refused: readonly RestrictionRefusal[] = [],
): Promise<RestrictionResult> {
  const now = ctx.clock();
  return ctx.target.db.transaction().execute(async (trx) => {
    const rows = await work(trx, now.toISOString());
    const total = Object.values(rows).reduce((n, v) => n + v, 0);
    if (total > 0) {
      await appendAudit(
        trx,
        [
          {
            actor: ctx.actor,
            operation,
            subjectRef: subject.ref,
            tables: Object.keys(rows),
            rowCounts: rows,
            reason,
          },
        ],
        { clock: () => now, maxParameters: ctx.target.adapter.maxParameters },
      );
    }
    return { rows, refused };
  });
}

/**
 * Restrict processing of every row about the subject, on `ground`, except in the tables whose
 * activities the policy refuses the right for (reported in `refused`). Rows already restricted
 * keep their restriction (and its start); lifted restrictions are reopened. Throws
 * `REG_ERR_SUBJECT_RESTRICTION_REASON` for an unknown ground.
 */
export async function restrictProcessing(
  ctx: SubjectContext,
  subject: Subject,
  ground: string,
  options: RestrictOptions = {},
): Promise<RestrictionResult> {
  if (!(RESTRICTION_GROUNDS as readonly string[]).includes(ground)) {
    throw new RegistreError(
      'REG_ERR_SUBJECT_RESTRICTION_REASON',
      `unknown restriction ground '${ground}'; expected one of: ${RESTRICTION_GROUNDS.join(', ')}`,
    );
  }
  const right = options.right ?? (ground === 'objection-pending' ? 'objection' : 'restriction');
  const refused: RestrictionRefusal[] = [];
  const work = async (trx: AnyDb, at: string) => {
    refused.length = 0;
    const rows: Record<string, number> = {};
    for (const [table, keys] of await subjectRowKeys(trx, ctx, subject)) {
      const refusal = refusedRight(ctx.policy.policy, right, ctx.datamap.tables[table]?.activities ?? []);
      if (refusal !== undefined) {
        refused.push({ ...refusal, table, rows: keys.length });
        continue;
      }
      const known = await existing(trx, table, keys);
      const present = new Set(known.map((r) => String(r.row_key)));
      const reopen = known.filter((r) => r.lifted_at !== null).map((r) => String(r.row_key));
      const fresh = keys.filter((k) => !present.has(k));
      for (const part of chunked(reopen, CHUNK)) {
        await trx
          .updateTable(RESTRICTION_TABLE)
          .set({ subject_ref: subject.ref, reason: ground, since: at, notified_at: null, lifted_at: null })
          .where('table_name', '=', table)
          .where('row_key', 'in', part)
          .execute();
      }
      for (const part of chunked(fresh, CHUNK)) {
        await trx
          .insertInto(RESTRICTION_TABLE)
          .values(
            part.map((row_key) => ({
              table_name: table,
              row_key,
              subject_ref: subject.ref,
              reason: ground,
              since: at,
              notified_at: null,
              lifted_at: null,
            })),
          )
          .execute();
      }
      if (reopen.length + fresh.length > 0) rows[table] = reopen.length + fresh.length;
    }
    return rows;
  };
  return audited(ctx, subject, 'subject.restrict', `Art 18(1) restriction: ${ground}`, work, refused);
}

/** Record that the subject was told, at `at`, that the restriction will be lifted (Art 18(3)). */
export async function recordLiftNotice(
  ctx: SubjectContext,
  subject: Subject,
  at: Date = ctx.clock(),
): Promise<RestrictionResult> {
  const notifiedAt = at.toISOString();
  return audited(ctx, subject, 'subject.restrict', 'Art 18(3) subject told before lifting', async (trx) => {
    const rows: Record<string, number> = {};
    for (const [table, keys] of await subjectRowKeys(trx, ctx, subject)) {
      let n = 0;
      for (const part of chunked(keys, CHUNK)) {
        const result = await trx
          .updateTable(RESTRICTION_TABLE)
          .set({ notified_at: notifiedAt })
          .where('table_name', '=', table)
          .where('row_key', 'in', part)
          .where('lifted_at', 'is', null)
          .where('notified_at', 'is', null)
          .executeTakeFirst();
        n += Number(result.numUpdatedRows);
      }
      if (n > 0) rows[table] = n;
    }
    return rows;
  });
}

/**
 * Lift the subject's restrictions. Throws `REG_ERR_SUBJECT_NOT_NOTIFIED` (and lifts nothing)
 * when a restricted row has no recorded notice to the subject.
 */
export async function liftRestriction(ctx: SubjectContext, subject: Subject): Promise<RestrictionResult> {
  return audited(ctx, subject, 'subject.unrestrict', 'Art 18(3) restriction lifted', async (trx, at) => {
    const rows: Record<string, number> = {};
    const active = new Map<string, string[]>();
    for (const [table, keys] of await subjectRowKeys(trx, ctx, subject)) {
      const restricted = (await existing(trx, table, keys)).filter((r) => r.lifted_at === null);
      const unnotified = restricted.filter((r) => r.notified_at === null).length;
      if (unnotified > 0) {
        throw new RegistreError(
          'REG_ERR_SUBJECT_NOT_NOTIFIED',
          `${unnotified} restricted row(s) of table '${table}' have no recorded notice to the subject; record it first (Art 18(3))`,
        );
      }
      if (restricted.length > 0)
        active.set(
          table,
          restricted.map((r) => String(r.row_key)),
        );
    }
    for (const [table, keys] of active) {
      for (const part of chunked(keys, CHUNK)) {
        await trx
          .updateTable(RESTRICTION_TABLE)
          .set({ lifted_at: at })
          .where('table_name', '=', table)
          .where('row_key', 'in', part)
          .where('lifted_at', 'is', null)
          .execute();
      }
      rows[table] = keys.length;
    }
    return rows;
  });
}
