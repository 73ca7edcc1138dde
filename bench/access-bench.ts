/**
 * Benchmark 2: subject access latency. For each randomly chosen person (a customer contact, a
 * debtor or a prospect, by key), the engine (`findSubject` by key, then `executeAccess`: rows of
 * every mapped table reached from the identity row, restriction flags, one audit entry, one
 * transaction) against hand-written queries fetching the same rows, and against the same queries
 * plus one trace row written in one transaction (what an application that records each read would
 * do by hand, without a hash chain), and against the same queries run as prepared statements. The
 * four take turns on each subject; all must return the same keys in every table.
 */
import { sql } from 'kysely';
import { createRng } from '../examples/demo/fake/prng.ts';
import { demoTable } from '../examples/demo/schema.ts';
import { templated } from '../src/engine/db/query-template.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import type { SubjectContext } from '../src/engine/subject/context.ts';
import { executeAccess } from '../src/engine/subject/execute-access.ts';
import { findSubject } from '../src/engine/subject/find-subject.ts';
import { StatementCounter } from '../test/support/statement-counter.ts';
import { percentile } from './stats.ts';

/** Identity tables of the people, with the tables hanging off them and their foreign key. */
const HAND_ACCESS: Readonly<Record<string, readonly (readonly [table: string, column: string])[]>> = {
  contacts: [
    ['contacts', 'id'],
    ['call_recordings', 'contact_id'],
    ['login_events', 'contact_id'],
    ['support_tickets', 'contact_id'],
  ],
  debtors: [
    ['debtors', 'id'],
    ['bank_accounts', 'debtor_id'],
    ['payments', 'debtor_id'],
  ],
  prospects: [
    ['prospects', 'id'],
    ['event_registrations', 'prospect_id'],
    ['webinar_registrations', 'prospect_id'],
  ],
};

type Keys = Record<string, string[]>;

/** The hand-written access: one query per table, every column, ordered by key. */
async function handAccess(db: AnyDb, identityTable: string, key: number): Promise<Keys> {
  const out: Keys = {};
  for (const [table, column] of HAND_ACCESS[identityTable] ?? []) {
    const columns = sql.join(demoTable(table).columns.map((c) => sql.ref(c.name)));
    const rows = await sql<{ id: number }>`select ${columns} from ${sql.table(table)}
      where ${sql.ref(column)} = ${key} order by id`.execute(db);
    out[table] = rows.rows.map((r) => String(r.id));
  }
  return out;
}

/**
 * The same queries compiled once per table and run through `templated()`: on PostgreSQL named
 * prepared statements (planned once per connection), as the engine's own queries are; on SQLite
 * the statement cache reuses them either way. What hand-written code gains by preparing its
 * statements, for information.
 */
async function handPreparedAccess(db: AnyDb, identityTable: string, key: number): Promise<Keys> {
  const out: Keys = {};
  for (const [table, column] of HAND_ACCESS[identityTable] ?? []) {
    const compiled = templated(db, `bench:hand-access\u0000${table}\u0000${column}`, [key], ([value]) => {
      const columns = sql.join(demoTable(table).columns.map((c) => sql.ref(c.name)));
      return sql<{ id: number }>`select ${columns} from ${sql.table(table)}
        where ${sql.ref(column)} = ${value} order by id`;
    });
    const rows = await db.executeQuery(compiled);
    out[table] = (rows.rows as { id: number }[]).map((r) => String(r.id));
  }
  return out;
}

/** Table of the traced hand-written access: what an application logging each read would write. */
const TRACE_TABLE = 'bench_access_trace';

/**
 * The same reads plus one trace row (who, whom, which tables, how many rows), in one transaction:
 * the hand-written equivalent of an access that leaves a record, without the hash chain.
 */
async function handTracedAccess(db: AnyDb, identityTable: string, key: number): Promise<Keys> {
  return db.transaction().execute(async (trx) => {
    const keys = await handAccess(trx, identityTable, key);
    await trx
      .insertInto(TRACE_TABLE)
      .values({
        at: new Date().toISOString(),
        actor: 'cli:bench',
        subject: `${identityTable}:${key}`,
        tables: JSON.stringify(Object.keys(keys)),
        row_counts: JSON.stringify(Object.fromEntries(Object.entries(keys).map(([t, k]) => [t, k.length]))),
      })
      .execute();
    return keys;
  });
}

async function engineAccess(ctx: SubjectContext, identityTable: string, key: number): Promise<Keys> {
  const subject = await findSubject(ctx, { table: identityTable, key });
  const report = await executeAccess(ctx, subject, { reason: 'benchmark' });
  const out: Keys = {};
  for (const table of report.tables) out[table.table] = table.rows.map((r) => String(r[table.key]));
  return out;
}

export interface LatencyFigures {
  readonly p50: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

export interface AccessFigures {
  readonly subjects: number;
  readonly warmup: number;
  readonly bySubjectKind: Readonly<Record<string, number>>;
  /** Rows returned per subject, on average. */
  readonly meanRows: number;
  readonly engine: LatencyFigures;
  readonly hand: LatencyFigures;
  /** The hand-written queries plus one trace row, in one transaction. */
  readonly handTraced: LatencyFigures;
  /** The hand-written queries run as prepared statements (`templated`). */
  readonly handPrepared: LatencyFigures;
  readonly ratioP50: number;
  readonly ratioP99: number;
  /** Engine p50 over the traced hand-written p50. */
  readonly tracedRatioP50: number;
  /** Engine p50 over the prepared hand-written p50. */
  readonly preparedRatioP50: number;
  /** Statements per person (transaction begin and commit not counted), from an untimed pass. */
  readonly statements: { readonly engine: number; readonly hand: number };
}

/** Mean statements per person for the engine and the hand-written queries, over `people`. */
async function countStatements(ctx: SubjectContext, people: readonly { table: string; key: number }[]) {
  const engineCounter = new StatementCounter();
  const handCounter = new StatementCounter();
  const counted: SubjectContext = {
    ...ctx,
    target: { ...ctx.target, db: ctx.target.db.withPlugin(engineCounter) },
  };
  const handDb = ctx.target.db.withPlugin(handCounter);
  for (const { table, key } of people) {
    await engineAccess(counted, table, key);
    await handAccess(handDb, table, key);
  }
  const n = Math.max(1, people.length);
  return { engine: engineCounter.count / n, hand: handCounter.count / n };
}

function latency(values: readonly number[]): LatencyFigures {
  return {
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    mean: values.reduce((s, v) => s + v, 0) / Math.max(1, values.length),
    max: Math.max(...values),
  };
}

/** `count` people drawn at random (seeded), weighted by the size of each identity table. */
async function drawSubjects(db: AnyDb, count: number, seed: number) {
  const rng = createRng(seed);
  const ranges: { table: string; min: number; max: number; rows: number }[] = [];
  for (const table of Object.keys(HAND_ACCESS)) {
    const r = await sql<{
      lo: number;
      hi: number;
      n: number;
    }>`select min(id) as lo, max(id) as hi, count(*) as n
      from ${sql.table(table)}`.execute(db);
    const row = r.rows[0];
    if (row !== undefined && Number(row.n) > 0)
      ranges.push({ table, min: Number(row.lo), max: Number(row.hi), rows: Number(row.n) });
  }
  const total = ranges.reduce((s, r) => s + r.rows, 0);
  const out: { table: string; key: number }[] = [];
  while (out.length < count) {
    let pick = rng.int(total);
    const range = ranges.find((r) => {
      pick -= r.rows;
      return pick < 0;
    });
    if (range === undefined) continue;
    const wanted = range.min + rng.int(range.max - range.min + 1);
    const found = await sql<{ id: number }>`select id from ${sql.table(range.table)} where id >= ${wanted}
      order by id limit 1`.execute(db);
    const id = found.rows[0]?.id;
    if (id !== undefined) out.push({ table: range.table, key: Number(id) });
  }
  return out;
}

function sameKeys(engine: Keys, hand: Keys): boolean {
  const tables = new Set([...Object.keys(engine), ...Object.keys(hand)]);
  for (const table of tables) {
    if ((engine[table] ?? []).join(',') !== (hand[table] ?? []).join(',')) return false;
  }
  return true;
}

/** Times access for `subjects` random people after `warmup` untimed ones. */
export async function benchAccess(
  ctx: SubjectContext,
  options: { readonly subjects: number; readonly warmup: number; readonly seed: number },
): Promise<AccessFigures> {
  const db = ctx.target.db;
  const drawn = await drawSubjects(db, options.subjects + options.warmup, options.seed);
  await db.schema.dropTable(TRACE_TABLE).ifExists().execute();
  await db.schema
    .createTable(TRACE_TABLE)
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor', 'varchar(200)', (c) => c.notNull())
    .addColumn('subject', 'varchar(80)', (c) => c.notNull())
    .addColumn('tables', 'text', (c) => c.notNull())
    .addColumn('row_counts', 'text', (c) => c.notNull())
    .execute();
  const engineMs: number[] = [];
  const handMs: number[] = [];
  const tracedMs: number[] = [];
  const preparedMs: number[] = [];
  const bySubjectKind: Record<string, number> = {};
  let rows = 0;
  for (const [index, { table, key }] of drawn.entries()) {
    const timed = index >= options.warmup;
    const runEngine = async () => {
      const start = performance.now();
      const keys = await engineAccess(ctx, table, key);
      if (timed) engineMs.push(performance.now() - start);
      return keys;
    };
    const runHand = async () => {
      const start = performance.now();
      const keys = await handAccess(db, table, key);
      if (timed) handMs.push(performance.now() - start);
      return keys;
    };
    const runTraced = async () => {
      const start = performance.now();
      const keys = await handTracedAccess(db, table, key);
      if (timed) tracedMs.push(performance.now() - start);
      return keys;
    };
    const runPrepared = async () => {
      const start = performance.now();
      const keys = await handPreparedAccess(db, table, key);
      if (timed) preparedMs.push(performance.now() - start);
      return keys;
    };
    // Rotate which goes first, so that none always finds the others' pages in cache.
    const order = [runEngine, runHand, runTraced, runPrepared];
    const results: Keys[] = [];
    for (let k = 0; k < order.length; k++) {
      const at = (k + index) % order.length;
      results[at] = await (order[at] as () => Promise<Keys>)();
    }
    const [engineKeys, handKeys, tracedKeys, preparedKeys] = results as [Keys, Keys, Keys, Keys];
    if (
      !sameKeys(engineKeys, handKeys) ||
      !sameKeys(tracedKeys, handKeys) ||
      !sameKeys(preparedKeys, handKeys)
    ) {
      throw new Error(
        `access for ${table} #${key}: the engine and the hand-written queries return different rows`,
      );
    }
    if (timed) {
      bySubjectKind[table] = (bySubjectKind[table] ?? 0) + 1;
      rows += Object.values(handKeys).reduce((s, k) => s + k.length, 0);
    }
  }
  const engine = latency(engineMs);
  const hand = latency(handMs);
  const handTraced = latency(tracedMs);
  const handPrepared = latency(preparedMs);
  await db.schema.dropTable(TRACE_TABLE).execute();
  const statements = await countStatements(ctx, drawn.slice(options.warmup, options.warmup + 50));
  return {
    subjects: options.subjects,
    warmup: options.warmup,
    bySubjectKind,
    meanRows: rows / Math.max(1, options.subjects),
    engine,
    hand,
    handTraced,
    handPrepared,
    ratioP50: engine.p50 / hand.p50,
    tracedRatioP50: engine.p50 / handTraced.p50,
    preparedRatioP50: engine.p50 / handPrepared.p50,
    ratioP99: engine.p99 / hand.p99,
    statements,
  };
}
