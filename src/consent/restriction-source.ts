/**
 * Restrictions (Art 18) recorded by the engine in the organisation's own database
 * (`registre_restriction`, src/engine/subject/restriction-schema.ts). A ledger subject named by a
 * table and key carries the engine's pseudonym, so its restriction records are found by it.
 */
import type { AnyDb } from '../engine/db/types.ts';
import { ensureRestrictionSchema, RESTRICTION_TABLE } from '../engine/subject/restriction-schema.ts';
import type { RestrictionFact } from './types.ts';

/** Where restrictions recorded outside the ledger are read from. */
export interface RestrictionSource {
  /** The restriction in force for the subject at `at` (ISO-8601), or null. */
  restrictionOf(subjectKey: string, at: string): Promise<RestrictionFact | null>;
}

/**
 * Read the engine's restriction records in the organisation's database. The table is created on
 * first use when absent (the engine would create the same), so a fresh target answers "none".
 */
export function targetRestrictionSource(target: { readonly db: AnyDb }): RestrictionSource {
  let ready: Promise<void> | undefined;
  return {
    async restrictionOf(subjectKey, at) {
      ready ??= ensureRestrictionSchema(target.db).catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      await ready;
      const row = await target.db
        .selectFrom(RESTRICTION_TABLE)
        .select('since')
        .where('subject_ref', '=', subjectKey)
        .where('since', '<=', at)
        .where((eb) => eb.or([eb('lifted_at', 'is', null), eb('lifted_at', '>', at)]))
        .orderBy('since')
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? null : { since: String(row.since), source: 'target' };
    },
  };
}
