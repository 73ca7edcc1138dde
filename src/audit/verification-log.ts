/**
 * The audit trails as the DPO console sees them: entries read page by page, and verifications of
 * the hash chain recorded with who ran them and what they found.
 *
 * Two trails exist. The **target** trail lives in the organisation's database (REGISTRE_TARGET_DB,
 * the demo database by default): the engine writes it (retention sweeps, subject requests). The
 * **store** trail lives in Registre's own database: the server writes it (reads of a request or a
 * subject's choices, consent, breaches, and each verification itself).
 *
 * A verification checks both with {@link verifyAudit}, then compares each trail with the last hash
 * the previous intact verification recorded: an entry that has since disappeared or changed hash
 * means the trail was rewritten, even when the rewrite left the chain consistent. The result is
 * stored (table `audit_verifications`) and, in the same transaction, appended to the store trail
 * as an `audit.verify` entry naming the actor and each trail's last hash — so the organisation's
 * trail is anchored in a second database.
 *
 * No HTTP here: the routes (src/server/routes/audit.ts) call this.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type Kysely, sql } from 'kysely';
import { openTarget, parseDatabaseUrl } from '../engine/db/connect.ts';
import type { AnyDb, DialectName, TargetDb } from '../engine/db/types.ts';
import { RegistreError } from '../errors/registry.ts';
import type { StoreDb } from '../store/schema/index.ts';
import { appendAudit } from './append-audit.ts';
import { AUDIT_OPERATIONS } from './operations.ts';
import { AUDIT_TABLE } from './schema.ts';
import { type AuditProblemKind, verifyAudit } from './verify-audit.ts';

export const TRAILS = ['target', 'store'] as const;
export type TrailName = (typeof TRAILS)[number];

/**
 * `intact`: every entry and link checked; `broken`: a problem was found; `absent`: the database
 * has no trail yet (nothing was ever written there); `unreachable`: the database could not be read.
 */
export type TrailStatus = 'intact' | 'broken' | 'absent' | 'unreachable';

export interface TrailProblem {
  readonly seq: number;
  readonly kind: AuditProblemKind | 'anchor-mismatch';
  readonly message: string;
}

export interface TrailResult {
  readonly trail: TrailName;
  readonly dialect: DialectName | null;
  readonly status: TrailStatus;
  readonly entries: number;
  readonly lastSeq: number;
  /** Hash of the last entry (null when the trail is absent or unreachable). */
  readonly lastHash: string | null;
  /** The first problems found (at most {@link MAX_KEPT_PROBLEMS}). */
  readonly problems: TrailProblem[];
  /** Why the trail could not be read (unreachable only); free of connection details. */
  readonly note: string | null;
}

export interface AuditVerificationRecord {
  readonly id: string;
  readonly verifiedAt: string;
  readonly actor: string;
  /** Display name of the person who ran it (null for an API token or a removed account). */
  readonly actorName: string | null;
  readonly ok: boolean;
  readonly entries: number;
  readonly trails: TrailResult[];
}

export interface AuditEntryView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly operation: string;
  /** Pseudonymous subject reference (`subj_…`); anything else is withheld (null). */
  readonly subjectRef: string | null;
  readonly tables: string[];
  readonly rowCounts: Readonly<Record<string, number>>;
  readonly reason: string;
  readonly runId: string | null;
  readonly hash: string;
}

export interface AuditEntriesQuery {
  readonly trail: TrailName;
  readonly operation?: string | undefined;
  /** Inclusive calendar days (UTC), `YYYY-MM-DD`. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export interface AuditEntriesPage {
  readonly trail: TrailName;
  /** False when the database has no trail yet (then `entries` is empty). */
  readonly exists: boolean;
  /** Entries matching the filters. */
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Newest first. */
  readonly entries: AuditEntryView[];
}

/** Where the organisation's trail is: opened on first use, read only, never created. */
export interface TrailDatabase {
  /** Null when the database does not exist (a SQLite file not yet created). */
  open(): Promise<TargetDb | null>;
  close(): Promise<void>;
}

export const MAX_KEPT_PROBLEMS = 20;
const SUBJECT_REF = /^subj_[0-9a-f]{32}$/;

/**
 * The organisation's database at `url`, opened once on first use. A SQLite file that does not
 * exist is not created (a verification must not create an empty database).
 */
export function trailDatabase(url: string): TrailDatabase {
  let opening: Promise<TargetDb | null> | null = null;
  return {
    open() {
      if (opening === null) {
        opening = (async () => {
          const parsed = parseDatabaseUrl(url);
          if (parsed.dialect === 'sqlite' && parsed.location !== ':memory:' && !existsSync(parsed.location)) {
            return null;
          }
          return openTarget(url, { poolSize: 2 });
        })();
        opening.catch(() => {
          opening = null;
        });
      }
      return opening.then((db) => {
        // A file created since (the engine's first run) is looked for again next time.
        if (db === null) opening = null;
        return db;
      });
    },
    async close() {
      const pending = opening;
      opening = null;
      if (pending !== null) await (await pending.catch(() => null))?.close();
    },
  };
}

/**
 * Whether the database holds a trail. A database that cannot be reached throws (it must not pass
 * for one without a trail); only the trail table's absence answers false.
 */
async function hasTrail(db: AnyDb): Promise<boolean> {
  await sql`select 1`.execute(db);
  try {
    await db.selectFrom(AUDIT_TABLE).select('seq').limit(1).execute();
    return true;
  } catch {
    return false;
  }
}

function parseJson<T>(text: unknown, fallback: T): T {
  try {
    return JSON.parse(String(text)) as T;
  } catch {
    return fallback;
  }
}

function entryView(row: Record<string, unknown>): AuditEntryView {
  const ref = row.subject_ref === null ? null : String(row.subject_ref).trim();
  const tables = parseJson<unknown>(row.tables, []);
  const counts = parseJson<unknown>(row.row_counts, {});
  return {
    seq: Number(row.seq),
    at: String(row.at),
    actor: String(row.actor),
    operation: String(row.operation),
    subjectRef: ref !== null && SUBJECT_REF.test(ref) ? ref : null,
    tables: Array.isArray(tables) ? tables.map(String) : [],
    rowCounts:
      counts !== null && typeof counts === 'object' && !Array.isArray(counts)
        ? Object.fromEntries(Object.entries(counts).map(([table, n]) => [table, Number(n)]))
        : {},
    reason: String(row.reason),
    runId: row.run_id === null ? null : String(row.run_id),
    hash: String(row.hash).trim(),
  };
}

/** The day after `YYYY-MM-DD`, as `YYYY-MM-DD`. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export interface AuditConsoleDeps {
  readonly store: Kysely<StoreDb>;
  readonly storeDialect: DialectName;
  readonly target: TrailDatabase;
  readonly clock: () => Date;
}

export function createAuditConsole(deps: AuditConsoleDeps) {
  const storeDb = deps.store as unknown as AnyDb;

  /** The trail's database, null when it does not exist. Throws when it cannot be opened. */
  async function dbOf(trail: TrailName): Promise<{ db: AnyDb; dialect: DialectName } | null> {
    if (trail === 'store') return { db: storeDb, dialect: deps.storeDialect };
    const target = await deps.target.open();
    return target === null ? null : { db: target.db, dialect: target.dialect };
  }

  async function entries(query: AuditEntriesQuery): Promise<AuditEntriesPage> {
    const empty = { trail: query.trail, page: query.page, pageSize: query.pageSize };
    let opened: { db: AnyDb; dialect: DialectName } | null;
    let exists: boolean;
    try {
      opened = await dbOf(query.trail);
      exists = opened !== null && (await hasTrail(opened.db));
    } catch (error) {
      throw new RegistreError(
        'REG_ERR_GOVERNANCE_TRAIL_UNREACHABLE',
        `the ${query.trail} database holding the audit trail could not be read`,
        { cause: error },
      );
    }
    if (opened === null || !exists) return { ...empty, exists: false, total: 0, entries: [] };
    // biome-ignore lint/suspicious/noExplicitAny: the trail table is typed at run time
    let filtered: any = opened.db.selectFrom(AUDIT_TABLE);
    if (query.operation !== undefined) filtered = filtered.where('operation', '=', query.operation);
    if (query.from !== undefined) filtered = filtered.where('at', '>=', query.from);
    if (query.to !== undefined) filtered = filtered.where('at', '<', nextDay(query.to));
    const counted = await filtered.select(sql<number | string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const rows: Record<string, unknown>[] = await filtered
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    return { ...empty, exists: true, total: Number(counted.n), entries: rows.map(entryView) };
  }

  async function previousAnchors(): Promise<Map<TrailName, { seq: number; hash: string }>> {
    const anchors = new Map<TrailName, { seq: number; hash: string }>();
    const rows = await deps.store
      .selectFrom('audit_verifications')
      .select('trails')
      .orderBy('verified_at', 'desc')
      .limit(50)
      .execute();
    for (const row of rows) {
      for (const trail of parseJson<TrailResult[]>(row.trails, [])) {
        // A trail only grows: the intact verification that saw the most entries is the anchor.
        if (trail.status !== 'intact' || trail.lastHash === null || trail.lastSeq <= 0) continue;
        if ((anchors.get(trail.trail)?.seq ?? 0) < trail.lastSeq) {
          anchors.set(trail.trail, { seq: trail.lastSeq, hash: trail.lastHash });
        }
      }
    }
    return anchors;
  }

  async function verifyOne(
    trail: TrailName,
    anchor: { seq: number; hash: string } | undefined,
  ): Promise<TrailResult> {
    const blank = { trail, entries: 0, lastSeq: 0, lastHash: null, problems: [], note: null };
    let opened: { db: AnyDb; dialect: DialectName } | null;
    try {
      opened = await dbOf(trail);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return {
        ...blank,
        dialect: null,
        status: 'unreachable',
        note: `the database could not be opened${typeof code === 'string' ? ` (${code})` : ''}`,
      };
    }
    if (opened === null) return { ...blank, dialect: null, status: 'absent' };
    const { db, dialect } = opened;
    try {
      if (!(await hasTrail(db))) {
        // A trail that an earlier verification saw cannot vanish without someone dropping it.
        if (anchor !== undefined) {
          return {
            ...blank,
            dialect,
            status: 'broken',
            problems: [
              {
                seq: anchor.seq,
                kind: 'anchor-mismatch',
                message: `the trail is gone, but an earlier verification saw ${anchor.seq} entries`,
              },
            ],
          };
        }
        return { ...blank, dialect, status: 'absent' };
      }
      const result = await verifyAudit(db);
      const problems: TrailProblem[] = [...result.problems];
      if (anchor !== undefined) {
        const then = await db
          .selectFrom(AUDIT_TABLE)
          .select('hash')
          .where('seq', '=', anchor.seq)
          .executeTakeFirst();
        if (then === undefined || String(then.hash).trim() !== anchor.hash) {
          problems.unshift({
            seq: anchor.seq,
            kind: 'anchor-mismatch',
            message:
              then === undefined
                ? `entry ${anchor.seq}, the last one an earlier verification saw, is gone`
                : `entry ${anchor.seq} no longer has the hash an earlier verification recorded: the trail was rewritten`,
          });
        }
      }
      return {
        trail,
        dialect,
        status: problems.length === 0 ? 'intact' : 'broken',
        entries: result.entries,
        lastSeq: result.lastSeq,
        lastHash: result.lastHash,
        problems: problems.slice(0, MAX_KEPT_PROBLEMS),
        note: null,
      };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return {
        ...blank,
        dialect,
        status: 'unreachable',
        note: `the trail could not be read${typeof code === 'string' ? ` (${code})` : ''}`,
      };
    }
  }

  async function actorName(actor: string): Promise<string | null> {
    if (!actor.startsWith('user:')) return null;
    const user = await deps.store
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', actor.slice('user:'.length))
      .executeTakeFirst();
    return user?.display_name ?? null;
  }

  async function toRecord(row: {
    id: string;
    verified_at: string;
    actor: string;
    ok: number | string;
    entries: number | string;
    trails: string;
  }): Promise<AuditVerificationRecord> {
    return {
      id: row.id,
      verifiedAt: row.verified_at,
      actor: row.actor,
      actorName: await actorName(row.actor),
      ok: Number(row.ok) === 1,
      entries: Number(row.entries),
      trails: parseJson<TrailResult[]>(row.trails, []),
    };
  }

  return {
    entries,

    /** Verify both trails, record the result and append an `audit.verify` entry to the store trail. */
    async verify(actor: string): Promise<AuditVerificationRecord> {
      const anchors = await previousAnchors();
      const trails: TrailResult[] = [];
      for (const trail of TRAILS) trails.push(await verifyOne(trail, anchors.get(trail)));
      const ok = trails.every((t) => t.status === 'intact' || t.status === 'absent');
      const entriesChecked = trails.reduce((sum, t) => sum + t.entries, 0);
      const now = deps.clock();
      const row = {
        id: randomUUID(),
        verified_at: now.toISOString(),
        actor,
        ok: ok ? 1 : 0,
        entries: entriesChecked,
        trails: JSON.stringify(trails),
      };
      await deps.store.transaction().execute(async (trx) => {
        await trx.insertInto('audit_verifications').values(row).execute();
        await appendAudit(
          trx as unknown as AnyDb,
          [
            {
              actor,
              operation: 'audit.verify',
              reason: ok ? 'audit trails verified: intact' : 'audit trails verified: NOT intact',
              details: {
                verificationId: row.id,
                ok,
                trails: trails.map((t) => ({
                  trail: t.trail,
                  status: t.status,
                  entries: t.entries,
                  lastSeq: t.lastSeq,
                  lastHash: t.lastHash,
                })),
              },
            },
          ],
          { clock: () => now },
        );
      });
      return toRecord(row);
    },

    /** The most recent verification, or null when none was ever run. */
    async latest(): Promise<AuditVerificationRecord | null> {
      const row = await deps.store
        .selectFrom('audit_verifications')
        .selectAll()
        .orderBy('verified_at', 'desc')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : toRecord(row);
    },
  };
}

export type AuditConsole = ReturnType<typeof createAuditConsole>;

/** Every operation name an entry can carry (for the console's filter). */
export const AUDIT_OPERATION_NAMES = Object.keys(AUDIT_OPERATIONS) as (keyof typeof AUDIT_OPERATIONS)[];
