/**
 * Renewal requests (`renewalRequest`, the CNIL prospects rule: "at the end of the period, the
 * person may be asked once more whether they still want to hear from us"). For every end step of
 * such a rule, the rows the sweep would end on the day because their period is over by the rule's
 * own deadline — not ended early by an event (a withdrawn consent ends it without a last request),
 * not held, not blocked, not restricted (Art 18), and whose subject's e-mail address or phone
 * number is not on the suppression list (Art 21(3): an objection to prospecting is final).
 *
 * The rows are those the sweep run on the same day ends (the plan's `renewalRequests`): a row kept
 * because a live row still references it (a standing consent, a registration) is not listed.
 *
 * A report, not a message. Each row carries its key and its subject's pseudonymous reference
 * (`subjectRef` of its identity row); with `contact`, also the identity row's identity columns so
 * that the organisation can write — personal data, read under one `personal-data.read` audit
 * entry. Run it with a later `today` to ask before the deadline rather than on it.
 */
import { appendAudit } from '../../audit/append-audit.ts';
import { ensureAuditSchema } from '../../audit/schema.ts';
import { subjectRef } from '../../audit/subject-ref.ts';
import { type SubjectRoute, subjectGraph } from '../../datamap/subject-graph.ts';
import { startOfUtcDay } from '../../policy/retention/index.ts';
import type { AnyDb, SchemaInfo, TargetDb } from '../db/types.ts';
import type { EngineContext } from '../load-context.ts';
import { normaliseIdentifier } from '../subject/normalise-identifier.ts';
import { type PlainValue, toPlainValue } from '../subject/plain-value.ts';
import { DIRECT_MARKETING, suppressionHash } from '../subject/suppression.ts';
import { SUPPRESSION_TABLE } from '../subject/suppression-schema.ts';
import { buildSweepSteps, type StepSpec } from './build-steps.ts';
import { isoDay } from './plan-sweep.ts';
import { chunks, keyText, restrictedKeysOf } from './restriction-filter.ts';
import { allOf, anyOf, not, rootScope } from './sql-conditions.ts';

export interface RenewalOptions {
  /** The day whose due rows are listed (a later day lists the rows due by then). */
  readonly today: Date;
  /** Installation secret: subject references and the suppression list are keyed hashes under it. */
  readonly secret: string;
  /**
   * Add each subject's identity columns (e-mail address, phone, name…) to the rows: personal data,
   * read under one `personal-data.read` audit entry by `actor`.
   */
  readonly contact?: { readonly actor: string; readonly clock?: () => Date };
}

export interface RenewalRow {
  /** The row's key (the data map's `key` column). */
  readonly key: PlainValue;
  /** Pseudonymous reference of the row's subject (null when the row leads to no identity row). */
  readonly subjectRef: string | null;
  /** The identity row's identity columns, with `contact` only. */
  readonly contact?: Readonly<Record<string, PlainValue>>;
}

export interface RenewalStep {
  readonly step: string;
  readonly table: string;
  readonly key: string;
  readonly rule: string;
  readonly activity: string;
  /** Table whose rows identify the subject (the subject references are computed on it). */
  readonly identityTable: string;
  readonly rows: readonly RenewalRow[];
  /** Rows left out because their subject objected to prospecting (suppression list). */
  readonly suppressed: number;
}

export interface RenewalReport {
  readonly today: string;
  readonly datamapFile: string;
  readonly steps: readonly RenewalStep[];
  /** Rows listed in all steps. */
  readonly total: number;
}

const KEY = 'registre_key';
const IDENTITY = 'registre_identity';

/** `key`, the identity row's key and identity columns of the step's rows that may be asked again. */
function candidatesQuery(db: AnyDb, step: StepSpec, route: SubjectRoute) {
  let query = db.selectFrom(step.table);
  let from = step.table;
  for (const [index, join] of route.joins.entries()) {
    const alias = `registre_i${index + 1}`;
    query = query.leftJoin(`${join.to} as ${alias}`, `${from}.${join.column}`, `${alias}.${join.toColumn}`);
    from = alias;
  }
  // The rows this run ends (as the plan counts them: blockers predicted after the children's own
  // steps), whose period is over by the rule's own deadline.
  const due = allOf([
    step.base,
    not(anyOf(step.holds.map((h) => h.when))),
    not(anyOf(step.blockers.map((b) => b.predicted))),
    ...(step.renewal === undefined ? [] : [step.renewal]),
  ]);
  return query
    .select([
      `${step.table}.${step.key} as ${KEY}`,
      `${from}.${route.identityKey} as ${IDENTITY}`,
      ...route.identityColumns.map((c, i) => `${from}.${c.column} as registre_c${i}`),
    ])
    .where(due(rootScope(step.table)))
    .orderBy(`${step.table}.${step.key}`);
}

/** Suppression hashes of a row's e-mail addresses and phone numbers (malformed values skipped). */
function suppressionHashes(secret: string, route: SubjectRoute, row: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [i, column] of route.identityColumns.entries()) {
    const value = row[`registre_c${i}`];
    if ((column.kind !== 'email' && column.kind !== 'phone') || typeof value !== 'string') continue;
    try {
      out.push(suppressionHash(secret, column.kind, normaliseIdentifier(column.kind, value)));
    } catch {
      // A stored value that is not an address or a number cannot have been objected with.
    }
  }
  return out;
}

async function suppressedAmong(
  db: AnyDb,
  schema: SchemaInfo,
  hashes: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  if (!schema.tables.has(SUPPRESSION_TABLE)) return found;
  for (const part of chunks([...new Set(hashes)], 500)) {
    const rows = await db
      .selectFrom(SUPPRESSION_TABLE)
      .select('hash')
      .where('purpose', '=', DIRECT_MARKETING)
      .where('hash', 'in', part)
      .execute();
    for (const row of rows) found.add(String(row.hash));
  }
  return found;
}

async function renewalStep(
  target: TargetDb,
  schema: SchemaInfo,
  step: StepSpec,
  route: SubjectRoute,
  options: RenewalOptions,
): Promise<RenewalStep> {
  const restricted = await restrictedKeysOf(target.db, schema, step.table);
  const read = (await candidatesQuery(target.db, step, route).execute()) as Record<string, unknown>[];
  const candidates = read.filter((row) => !restricted.has(keyText(row[KEY])));
  const hashes = candidates.map((row) => suppressionHashes(options.secret, route, row));
  const suppressed = await suppressedAmong(target.db, schema, hashes.flat());
  const rows: RenewalRow[] = [];
  for (const [index, row] of candidates.entries()) {
    if ((hashes[index] ?? []).some((hash) => suppressed.has(hash))) continue;
    const identity = row[IDENTITY];
    const contact: Record<string, PlainValue> = {};
    for (const [i, column] of route.identityColumns.entries()) {
      contact[column.column] = toPlainValue(row[`registre_c${i}`], false);
    }
    rows.push({
      key: toPlainValue(row[KEY], false),
      subjectRef:
        identity === null || identity === undefined
          ? null
          : subjectRef(options.secret, route.identityTable, String(identity)),
      ...(options.contact === undefined ? {} : { contact }),
    });
  }
  return {
    step: step.id,
    table: step.table,
    key: step.key,
    rule: step.ruleRef.rule.id,
    activity: step.ruleRef.activity.id,
    identityTable: route.identityTable,
    rows,
    suppressed: candidates.length - rows.length,
  };
}

/**
 * The rows whose subject may be asked once more before their data is ended, per step of a rule
 * with `renewalRequest`. Reads only, except the audit entry written when `contact` is asked for
 * and some row is listed.
 */
export async function planRenewals(
  target: TargetDb,
  context: EngineContext,
  options: RenewalOptions,
): Promise<RenewalReport> {
  const today = startOfUtcDay(options.today);
  const schema = await target.adapter.introspect(target.db);
  const { steps } = buildSweepSteps(context, schema, target.adapter, today);
  const graph = subjectGraph(context.datamap);
  const out: RenewalStep[] = [];
  for (const step of steps) {
    if (step.renewal === undefined || step.errors.length > 0) continue;
    out.push(await renewalStep(target, schema, step, graph.route(step.table), options));
  }
  const total = out.reduce((sum, s) => sum + s.rows.length, 0);
  if (options.contact !== undefined && total > 0) {
    const { actor } = options.contact;
    const at = (options.contact.clock ?? (() => new Date()))();
    const rowCounts: Record<string, number> = {};
    for (const s of out) rowCounts[s.identityTable] = (rowCounts[s.identityTable] ?? 0) + s.rows.length;
    await ensureAuditSchema(target.db);
    await target.db.transaction().execute(async (trx) => {
      await appendAudit(
        trx,
        [
          {
            actor,
            operation: 'personal-data.read',
            tables: Object.keys(rowCounts),
            rowCounts,
            reason: 'renewal requests before the end of retention (renewalRequest)',
            details: { today: isoDay(today), rules: [...new Set(out.map((s) => s.rule))] },
          },
        ],
        { clock: () => at, maxParameters: target.adapter.maxParameters },
      );
    });
  }
  return { today: isoDay(today), datamapFile: context.datamapFile, steps: out, total };
}
