/**
 * Benchmark 3: the audit trail. `appendAudit` in batches of 1 000 entries per transaction on a
 * fresh trail (hashing, chain head, multi-row inserts), then `verifyAudit` over it; baselines: the
 * same rows inserted by plain multi-row INSERTs (1 000 rows per transaction, no hashing, no head)
 * into an identical fresh table, the same rows copied inside the database into a third identical
 * table (the database's own cost of storing them: no client values, 1 000 per transaction), and
 * the same pages read back without hashing.
 */
import { type AuditEvent, appendAudit } from '../src/audit/append-audit.ts';
import { AUDIT_TABLE, createAuditTable, ensureAuditSchema } from '../src/audit/schema.ts';
import { subjectRef } from '../src/audit/subject-ref.ts';
import { verifyAudit } from '../src/audit/verify-audit.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import type { BenchDb } from './demo-databases.ts';
import { perSecond, since } from './stats.ts';

export const AUDIT_BATCH = 1000;
/** verifyAudit's page size, used by the plain read as well. */
const PAGE = 5000;

export interface AuditFigures {
  readonly entries: number;
  readonly append: { readonly ms: number; readonly perSecond: number };
  readonly plainInsert: { readonly ms: number; readonly perSecond: number };
  /**
   * The database's own cost of storing the same rows: copied table to table inside the database
   * (`insert … select` by ranges of seq), 1 000 per transaction, no client values at all.
   */
  readonly serverCopy: { readonly ms: number; readonly perSecond: number };
  readonly appendRatio: number;
  readonly verify: { readonly ms: number; readonly perSecond: number; readonly ok: boolean };
  readonly plainRead: { readonly ms: number; readonly perSecond: number };
  readonly verifyRatio: number;
}

/** Where the in-database copy goes (created empty from the trail's columns, dropped after). */
const COPY_TABLE = 'bench_audit_copy';

const TABLES = ['login_events', 'payments', 'debtors', 'contacts', 'prospects', 'cookie_consents'];

/** Entries like the ones sweeps and subject requests write: batch entries and per-subject ones. */
function events(count: number, secret: string): AuditEvent[] {
  const out: AuditEvent[] = [];
  for (let i = 0; i < count; i++) {
    const table = TABLES[i % TABLES.length] as string;
    if (i % 3 === 0) {
      out.push({
        actor: 'job:retention-sweep',
        operation: 'retention.delete',
        tables: [table],
        rowCounts: { [table]: 1000 },
        reason: 'security-logs',
        runId: 'sweep_bench',
        details: { batch: i, rule: 'security-logs', step: `${table}/security-logs/end`, phase: 'end' },
      });
    } else {
      out.push({
        actor: 'user:42',
        operation: 'subject.access',
        subjectRef: subjectRef(secret, table, i),
        tables: [table, 'payments'],
        rowCounts: { [table]: 1, payments: i % 7 },
        reason: `request req_${i}`,
      });
    }
  }
  return out;
}

async function plainRead(db: AnyDb): Promise<number> {
  let after = 0;
  let read = 0;
  for (;;) {
    const page = await db
      .selectFrom(AUDIT_TABLE)
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    read += page.length;
    const last = page[page.length - 1];
    if (page.length < PAGE || last === undefined) return read;
    after = Number(last.seq);
  }
}

/** Runs the audit benchmark on two fresh databases of the same dialect. */
export async function benchAudit(
  trail: BenchDb,
  plain: BenchDb,
  options: { readonly entries: number; readonly secret: string },
): Promise<AuditFigures> {
  const { adapter } = trail.target;
  await ensureAuditSchema(trail.target.db);
  await ensureAuditSchema(plain.target.db);
  const all = events(options.entries, options.secret);
  const clock = () => new Date('2025-06-15T08:00:00.000Z');

  const appendStart = performance.now();
  for (let i = 0; i < all.length; i += AUDIT_BATCH) {
    const batch = all.slice(i, i + AUDIT_BATCH);
    await trail.target.db
      .transaction()
      .execute((trx) => appendAudit(trx, batch, { clock, maxParameters: adapter.maxParameters }));
  }
  const appendMs = since(appendStart);

  const verifyStart = performance.now();
  const verification = await verifyAudit(trail.target.db);
  const verifyMs = since(verifyStart);
  if (!verification.ok || verification.entries !== options.entries) {
    throw new Error(
      `verifyAudit failed on the benchmark trail: ${JSON.stringify(verification.problems.slice(0, 3))}`,
    );
  }

  // The same rows, hashes included, for the plain insert (read outside the timed part).
  const rows = await trail.target.db.selectFrom(AUDIT_TABLE).selectAll().orderBy('seq').execute();
  const insertStart = performance.now();
  for (let i = 0; i < rows.length; i += AUDIT_BATCH) {
    const batch = rows.slice(i, i + AUDIT_BATCH);
    await plain.target.db.transaction().execute((trx) => trx.insertInto(AUDIT_TABLE).values(batch).execute());
  }
  const insertMs = since(insertStart);

  // The floor: the same rows copied inside the database into a third fresh table.
  await createAuditTable(plain.target.db, COPY_TABLE);
  const copyStart = performance.now();
  for (let first = 1; first <= options.entries; first += AUDIT_BATCH) {
    await plain.target.db.transaction().execute((trx) =>
      trx
        .insertInto(COPY_TABLE)
        .expression(
          trx
            .selectFrom(AUDIT_TABLE)
            .selectAll()
            .where('seq', '>=', first)
            .where('seq', '<', first + AUDIT_BATCH),
        )
        .execute(),
    );
  }
  const copyMs = since(copyStart);
  const copied = await plain.target.db
    .selectFrom(COPY_TABLE)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(copied.n) !== options.entries) {
    throw new Error(`the in-database copy stored ${String(copied.n)} of ${options.entries} rows`);
  }
  await plain.target.db.schema.dropTable(COPY_TABLE).execute();

  const readStart = performance.now();
  const read = await plainRead(plain.target.db);
  const readMs = since(readStart);
  if (read !== options.entries) throw new Error(`the plain read found ${read} of ${options.entries} entries`);

  const append = { ms: appendMs, perSecond: perSecond(options.entries, appendMs) };
  const plainInsert = { ms: insertMs, perSecond: perSecond(options.entries, insertMs) };
  const serverCopy = { ms: copyMs, perSecond: perSecond(options.entries, copyMs) };
  const verify = { ms: verifyMs, perSecond: perSecond(options.entries, verifyMs), ok: verification.ok };
  const plainReadFigures = { ms: readMs, perSecond: perSecond(options.entries, readMs) };
  return {
    entries: options.entries,
    append,
    plainInsert,
    serverCopy,
    appendRatio: append.perSecond / plainInsert.perSecond,
    verify,
    plainRead: plainReadFigures,
    verifyRatio: verify.perSecond / plainReadFigures.perSecond,
  };
}
