/** Reading a subject's ledger state as of a point in time (ISO-8601 text compares in time order). */
import type { Kysely } from 'kysely';
import type { StoreDb } from '../store/schema/index.ts';
import type { ConsentAction, ConsentFact, ObjectionFact, RestrictionFact, TChannel } from './types.ts';

/** The latest event per purpose key among `keys` (all keys when omitted), as of `at`. */
export async function readConsentFacts(
  db: Kysely<StoreDb>,
  subjectKey: string,
  at: string,
  keys?: readonly string[],
): Promise<Map<string, ConsentFact>> {
  if (keys !== undefined && keys.length === 0) return new Map();
  let query = db
    .selectFrom('consent_events')
    .select(['purpose', 'action', 'at', 'expires_at', 'seq'])
    .where('subject_key', '=', subjectKey)
    .where('at', '<=', at);
  if (keys !== undefined) query = query.where('purpose', 'in', [...keys]);
  const rows = await query.orderBy('at').orderBy('seq').execute();
  const out = new Map<string, ConsentFact>();
  for (const row of rows) {
    out.set(row.purpose, {
      purpose: row.purpose,
      action: row.action as ConsentAction,
      at: row.at,
      expiresAt: row.expires_at,
    });
  }
  return out;
}

/** Objections in force at `at`: recorded by then and not lifted by then. */
export async function readObjections(
  db: Kysely<StoreDb>,
  subjectKey: string,
  at: string,
): Promise<ObjectionFact[]> {
  const rows = await db
    .selectFrom('consent_objections')
    .select(['id', 'scope', 'source', 'at', 'overridden_at'])
    .where('subject_key', '=', subjectKey)
    .where('at', '<=', at)
    .where((eb) => eb.or([eb('lifted_at', 'is', null), eb('lifted_at', '>', at)]))
    .orderBy('at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    scope: row.scope,
    source: row.source as TChannel,
    at: row.at,
    overriddenAt: row.overridden_at !== null && row.overridden_at <= at ? row.overridden_at : null,
  }));
}

/** The ledger's own Art 18 restriction in force at `at`, if any. */
export async function readLedgerRestriction(
  db: Kysely<StoreDb>,
  subjectKey: string,
  at: string,
): Promise<RestrictionFact | null> {
  const row = await db
    .selectFrom('consent_restrictions')
    .select('since')
    .where('subject_key', '=', subjectKey)
    .where('since', '<=', at)
    .where((eb) => eb.or([eb('lifted_at', 'is', null), eb('lifted_at', '>', at)]))
    .orderBy('since')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? null : { since: row.since, source: 'ledger' };
}
